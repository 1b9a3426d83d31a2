using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Statistics.Comparison;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Output;

/// <summary>Shipped base against two variants at 5,000 trials, written with <see cref="RunOutputWriter"/> and compared paired.</summary>
public sealed class PairedFeeChangeTests : IDisposable
{
    private const int Trials = 5_000;
    private readonly TempFolder _root = new();

    private string RunFolder(string scenarioPath, string name, OutputFormats formats = OutputFormats.Csv)
    {
        var scenario = ScenarioLoader.Load(scenarioPath, allowExtendsOutside: true).Scenario!;
        var result = SimulationEngine.Run(scenario, new RunOptions { Trials = Trials, Seed = scenario.Simulation.Seed });
        var folder = _root.File(name);
        RunOutputWriter.Write(folder, result, SummaryBuilder.Build(result), formats);
        return folder;
    }

    [Fact]
    public void Against_base_the_fee_variant_moves_exactly_the_fee_cost_and_roi_metrics_and_chips_delivered_is_identical_in_every_trial()
    {
        var @base = RunFolder(Path.Combine(RepoRoot.Scenarios, "base.yaml"), "base");
        var fee = RunFolder(Path.Combine(RepoRoot.Scenarios, "fee-raised.yaml"), "fee");

        var comparison = PairedComparer.Compare(DiffInputs.Load(@base, fee));

        Assert.Equal(Trials, comparison.PairedTrials);
        string[] feeMetrics = [MetricNames.CostCny, MetricNames.CostUsd, MetricNames.FeeBorneUsd, MetricNames.FeeTotalUsd, MetricNames.LifetimeRoi, MetricNames.NpvCnyBn, MetricNames.NpvPerAdsUsd, MetricNames.PaybackMonth, MetricNames.Roi];
        Assert.Equal(feeMetrics, comparison.Metrics.Where(m => m.Significant).Select(m => m.Name).ToArray());
        var chips = comparison.Metrics.Single(m => m.Name == MetricNames.ChipsDelivered);
        Assert.Equal(0, chips.Paired!.Changed);
        Assert.Equal(Trials, chips.Paired.Pairs);
        Assert.Equal(PairedComparer.IdenticalNote, chips.Note);
        foreach (var m in comparison.Metrics.Where(m => !feeMetrics.Contains(m.Name)))
            Assert.True(m.Note == PairedComparer.IdenticalNote, m.Name);
    }

    [Fact]
    public void A_one_percent_larger_buyer_share_is_found_by_the_paired_test_and_missed_by_the_unpaired_one()
    {
        // Every PERT bound ×1.01 multiplies each trial's buyer share by 1.01 (a location-scale family, same uniform draw),
        // so chips_delivered rises by about 1% in every trial that ships: about 724 chips on a mean of 72,430.
        // Unpaired: se of each mean = sd/√n = 56,130/√5,000 = 794, z ≈ 724/(794·√2) = 0.64.
        // Paired: d_t ≈ 0.01·chips_t, sd(d) ≈ 561, se ≈ 7.9, z ≈ 90. Asserted: paired |z| > 4 > unpaired |z|.
        var variant = _root.File("buyer-share.yaml");
        File.WriteAllText(variant, $"""
            name: buyer-share-plus-1pct
            extends: {Path.Combine(RepoRoot.Scenarios, "base.yaml")}
            shipments:
              buyer_share: {"{"} dist: pert, min: 0.1515, mode: 0.303, max: 0.4545 {"}"}
            """);
        var @base = RunFolder(Path.Combine(RepoRoot.Scenarios, "base.yaml"), "base");
        var shifted = RunFolder(variant, "shifted");

        var paired = PairedComparer.Compare(DiffInputs.Load(@base, shifted)).Metrics.Single(m => m.Name == MetricNames.ChipsDelivered);
        var unpaired = PairedComparer.Compare(DiffInputs.Load(@base, shifted, unpaired: true)).Metrics.Single(m => m.Name == MetricNames.ChipsDelivered);

        Assert.True(Math.Abs(paired.Statistic!.Value) > 4, $"paired z = {paired.Statistic}");
        Assert.True(Math.Abs(unpaired.Statistic!.Value) < 4, $"unpaired z = {unpaired.Statistic}");
        Assert.True(paired.Significant);
        Assert.False(unpaired.Significant);
        Assert.Equal(paired.Change!.Value, unpaired.Change!.Value, Math.Abs(unpaired.Change.Value) * 1e-9);
    }

    [Fact]
    public void Parquet_files_give_the_same_paired_comparison_as_csv_files()
    {
        var both = OutputFormats.Csv | OutputFormats.Parquet;
        var @base = RunFolder(Path.Combine(RepoRoot.Scenarios, "base.yaml"), "base", both);
        var fee = RunFolder(Path.Combine(RepoRoot.Scenarios, "fee-raised.yaml"), "fee", both);
        var fromCsv = PairedComparer.Compare(DiffInputs.Load(@base, fee));
        File.Delete(Path.Combine(fee, PairedTrials.CsvFileName));

        var fromParquet = PairedComparer.Compare(DiffInputs.Load(@base, fee));

        Assert.Equal(Trials, fromParquet.PairedTrials);
        Assert.Equal(fromCsv.Metrics.Length, fromParquet.Metrics.Length);
        foreach (var (c, p) in fromCsv.Metrics.Zip(fromParquet.Metrics))
        {
            Assert.Equal(c.Name, p.Name);
            Assert.Equal(c.Paired, p.Paired);
            Assert.Equal(c.Statistic, p.Statistic);
            Assert.Equal(c.Note, p.Note);
        }
    }

    public void Dispose() => _root.Dispose();
}
