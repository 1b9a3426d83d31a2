using System.Collections.Immutable;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Statistics.Comparison;

namespace Alibaba.ChipSim.Tests.Statistics.Comparison;

public sealed class RunComparerTests
{
    private static ComparableMetric Mean(string name, double mean, double se, long count = 10_000) => new(name, count, mean, se, null, null);

    private static ComparableMetric Probability(string name, double p, long count) => new(name, count, p, null, p, null);

    private static ComparableMetric Shares(string name, long count, params (string State, double Share)[] shares) =>
        new(name, count, null, null, null, shares.ToImmutableSortedDictionary(s => s.State, s => s.Share, StringComparer.Ordinal));

    private static ComparableRun Run(params ComparableMetric[] metrics) =>
        new("test", "s", null, null, 1, 10_000, metrics.ToImmutableSortedDictionary(m => m.Name, m => m, StringComparer.Ordinal));

    [Fact]
    public void Means_are_compared_by_a_two_sample_z_score_from_both_standard_errors()
    {
        // (11 − 10) / √(0.3² + 0.4²) = 1 / 0.5 = 2.
        var m = RunComparer.Compare(Mean("x", 10, 0.3), Mean("x", 11, 0.4), 4);
        Assert.Equal(2, m.Statistic!.Value, 12);
        Assert.Equal(1, m.Change!.Value, 12);
        Assert.False(m.Significant);
        Assert.True(RunComparer.Compare(Mean("x", 10, 0.3), Mean("x", 11, 0.4), 1.5).Significant);
        Assert.Equal(-2, RunComparer.Compare(Mean("x", 11, 0.4), Mean("x", 10, 0.3), 4).Statistic!.Value, 12);
    }

    [Fact]
    public void Probabilities_are_compared_by_the_pooled_two_proportion_test()
    {
        // p̄ = 0.315; noise = √(0.315 · 0.685 · (1/10⁴ + 1/10⁴)) = √4.3155e-5 = 0.0065692; z = 0.03 / 0.0065692 = 4.5668.
        var m = RunComparer.Compare(Probability("p", 0.30, 10_000), Probability("p", 0.33, 10_000), 4);
        Assert.Equal(MetricKind.Probability, m.Kind);
        Assert.Equal(4.5668, m.Statistic!.Value, 3);
        Assert.True(m.Significant);
    }

    [Fact]
    public void State_shares_are_compared_by_total_variation_against_its_sampling_noise()
    {
        // TV = ½(0.02 + 0.02) = 0.02. With 10⁴ trials a side: noise = ½ · 2 · √(0.51 · 0.49 · 2e-4) = 0.0070697,
        // statistic 2.829 (not significant); with 10⁵ a side: noise = √(0.51 · 0.49 · 2e-5) = 0.0022356, statistic 8.946.
        var small = RunComparer.Compare(Shares("f", 10_000, ("a", 0.5), ("b", 0.5)), Shares("f", 10_000, ("a", 0.52), ("b", 0.48)), 4);
        Assert.Equal(0.02, small.Change!.Value, 12);
        Assert.Equal(2.829, small.Statistic!.Value, 3);
        Assert.False(small.Significant);

        var large = RunComparer.Compare(Shares("f", 100_000, ("a", 0.5), ("b", 0.5)), Shares("f", 100_000, ("a", 0.52), ("b", 0.48)), 4);
        Assert.Equal(8.946, large.Statistic!.Value, 3);
        Assert.True(large.Significant);
    }

    [Fact]
    public void A_state_present_on_one_side_only_counts_as_share_zero_on_the_other()
    {
        var m = RunComparer.Compare(Shares("f", 100, ("a", 1.0)), Shares("f", 100, ("a", 0.5), ("b", 0.5)), 4);
        Assert.Equal(0.5, m.Change!.Value, 12);
        Assert.Equal("the states differ", m.Note);
    }

    [Fact]
    public void Identical_figures_score_zero_and_a_moved_constant_is_always_significant()
    {
        Assert.Equal(0, RunComparer.Compare(Mean("x", 5, 0), Mean("x", 5, 0), 4).Statistic);
        Assert.False(RunComparer.Compare(Mean("x", 5, 0.1), Mean("x", 5, 0.1), 4).Significant);
        var moved = RunComparer.Compare(Mean("x", 5, 0), Mean("x", 5.001, 0), 4);
        Assert.Equal(double.PositiveInfinity, moved.Statistic);
        Assert.True(moved.Significant);
    }

    [Fact]
    public void A_metric_defined_on_one_side_only_is_significant_and_one_defined_on_neither_is_not()
    {
        var undefined = new ComparableMetric("roi", 0, null, null, null, null);
        Assert.True(RunComparer.Compare(undefined, Mean("roi", 1, 0.1), 4).Significant);
        Assert.False(RunComparer.Compare(undefined, undefined, 4).Significant);
    }

    [Fact]
    public void Metrics_on_one_side_only_are_listed_and_do_not_count_as_moved()
    {
        var comparison = RunComparer.Compare(
            Run(Mean("both", 1, 0.1), Mean("gone", 1, 0.1)),
            Run(Mean("both", 1, 0.1), Mean("added", 1, 0.1), Mean("also_added", 2, 0.1)));

        Assert.Equal(["both"], comparison.Metrics.Select(m => m.Name).ToArray());
        Assert.Equal(["gone"], comparison.OnlyInA.ToArray());
        Assert.Equal(["added", "also_added"], comparison.OnlyInB.ToArray());
        Assert.False(comparison.AnySignificant);
        Assert.Equal(RunComparer.DefaultZThreshold, comparison.ZThreshold);
    }

    [Fact]
    public void The_json_report_lists_every_metric_with_its_verdict_and_writes_infinite_scores_as_null()
    {
        var comparison = RunComparer.Compare(
            Run(Mean("cost", 5, 0), Probability("p", 0.5, 100), Mean("gone", 1, 0.1)),
            Run(Mean("cost", 6, 0), Probability("p", 0.5, 100)));
        using var json = System.Text.Json.JsonDocument.Parse(DiffJsonWriter.Write(comparison));
        var root = json.RootElement;

        Assert.True(root.GetProperty("significant").GetBoolean());
        var cost = root.GetProperty("metrics")[0];
        Assert.Equal("cost", cost.GetProperty("name").GetString());
        Assert.Equal(1, cost.GetProperty("change").GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, cost.GetProperty("z").ValueKind);
        Assert.True(cost.GetProperty("significant").GetBoolean());
        Assert.Equal("probability", root.GetProperty("metrics")[1].GetProperty("kind").GetString());
        Assert.False(root.GetProperty("metrics")[1].GetProperty("significant").GetBoolean());
        Assert.Equal("gone", root.GetProperty("only_in_a")[0].GetString());
    }
}
