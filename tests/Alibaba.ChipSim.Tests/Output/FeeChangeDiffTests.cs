using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Statistics.Comparison;

namespace Alibaba.ChipSim.Tests.Output;

public sealed class FeeChangeDiffTests
{
    private static ComparableRun Summary(string file)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepoRoot.Scenarios, file)).Scenario!;
        var result = SimulationEngine.Run(scenario, new RunOptions { Trials = 20_000, Seed = scenario.Simulation.Seed });
        return ComparableRunReader.Parse(SummaryJsonWriter.ToJson(SummaryBuilder.Build(result)), file);
    }

    [Fact]
    public void Against_base_the_shipped_fee_variant_moves_cost_fee_and_roi_and_leaves_every_other_figure_bit_identical()
    {
        var comparison = RunComparer.Compare(Summary("base.yaml"), Summary("fee-raised.yaml"));

        string[] feeMetrics = [MetricNames.CostCny, MetricNames.CostUsd, MetricNames.FeeBorneUsd, MetricNames.FeeTotalUsd, MetricNames.LifetimeRoi, MetricNames.NpvCnyBn, MetricNames.NpvPerAdsUsd, MetricNames.PaybackMonth, MetricNames.Roi];
        Assert.Equal(feeMetrics, comparison.Metrics.Where(m => m.Significant).Select(m => m.Name).ToArray());
        Assert.Empty(comparison.OnlyInA);
        Assert.Empty(comparison.OnlyInB);
        foreach (var m in comparison.Metrics.Where(m => !feeMetrics.Contains(m.Name)))
        {
            // Full precision (summary.json round-trips doubles): the same draws give the same numbers.
            Assert.True(m.Old == m.New, m.Name);
            if (m.Kind == MetricKind.Shares) Assert.Equal(m.OldShares!.ToArray(), m.NewShares!.ToArray());
            Assert.Equal(0, m.Statistic);
        }
        Assert.Contains(comparison.Metrics, m => m.Name == MetricNames.ChipsDelivered && !m.Significant);
    }
}
