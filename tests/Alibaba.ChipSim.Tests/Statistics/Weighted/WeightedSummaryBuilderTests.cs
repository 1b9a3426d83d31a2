using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Statistics.Weighted;

public sealed class WeightedSummaryBuilderTests
{
    [Fact]
    public void Unit_weights_summarise_a_run_exactly_as_no_weights_and_add_the_history_block()
    {
        var result = HandMadeResults.Random(20_000, seed: 3);
        var weights = Enumerable.Repeat(1.0, (int)result.Trials).ToArray();

        var plain = SummaryBuilder.Build(result, maxThreads: 2);
        var weighted = SummaryBuilder.Build(result, weights, Month.Of(2026, 6), maxThreads: 2);

        Assert.Equal(plain.Metrics.Length, weighted.Metrics.Length);
        for (var i = 0; i < plain.Metrics.Length; i++)
        {
            if (plain.Metrics[i] is MetricSummary m)
            {
                var w = (MetricSummary)weighted.Metrics[i];
                WeightedEqualsUnweightedTests.AssertBitIdentical(m, w);
            }
            else
            {
                var (a, b) = ((StateShares)plain.Metrics[i], (StateShares)weighted.Metrics[i]);
                Assert.Equal(a.Shares.Select(BitConverter.DoubleToInt64Bits), b.Shares.Select(BitConverter.DoubleToInt64Bits));
            }
        }
        Assert.Equal(plain.Quarters.AsEnumerable(), weighted.Quarters.AsEnumerable());
        Assert.Null(plain.History);
        Assert.Equal(new HistorySummary(Month.Of(2026, 6), result.Trials, result.Trials, 0), weighted.History);
    }

    [Fact]
    public void The_history_block_and_each_metrics_ess_are_written_to_summary_json_and_read_back()
    {
        var result = HandMadeResults.FourTrials();
        double[] weights = [0.5, 0, 0.25, 0.25];

        var summary = SummaryBuilder.Build(result, weights, Month.Of(2026, 6), maxThreads: 1);
        var json = SummaryJsonWriter.ToJson(summary);
        var back = SummaryJsonReader.Parse(json);

        // Mean weight over the four trials 0.25; V1 = 1, V2 = 0.375 (in units of the largest weight: 1 + 0.25 + 0.25 = 1.5, 1.5).
        Assert.Equal(3, back.History!.TrialsWithWeight);
        Assert.Equal(Math.Log(0.25), back.History.LogEvidence, 14);
        Assert.Equal(1 / 0.375, back.History.Ess, 12);
        Assert.Contains("\"history\": {", json, StringComparison.Ordinal);
        var metric = back.Metrics.OfType<MetricSummary>().First(m => m.Count > 1);
        Assert.NotNull(metric.Ess);
        Assert.Equal(((MetricSummary)summary.Metrics.First(m => m.Name == metric.Name)).Ess, metric.Ess);
    }
}
