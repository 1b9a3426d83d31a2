using System.Collections.Immutable;
using Alibaba.ChipSim.Statistics.Comparison;

namespace Alibaba.ChipSim.Tests.Statistics.Comparison;

/// <summary>The paired test over in-memory columns, no file involved (the file readers are tested under Output).</summary>
public sealed class PairedComparerTests
{
    private static ComparableRun Run(ulong seed, long trials, params ComparableMetric[] metrics) =>
        new("test", "s", null, null, seed, trials, metrics.ToImmutableSortedDictionary(m => m.Name, m => m, StringComparer.Ordinal));

    private static PairedColumn Column(string name, double[] a, double[] b)
    {
        var column = new PairedColumn(name);
        for (var t = 0; t < a.Length; t++) column.Add(a[t], b[t]);
        return column;
    }

    [Fact]
    public void A_difference_that_varies_is_tested_by_its_mean_over_its_standard_error()
    {
        // d = 1, 3, 2, 2: mean 2, sd √(2/3), se √(2/3)/2 ≈ 0.408, z = 2 / 0.408 ≈ 4.90.
        var a = Run(1, 4, new ComparableMetric("x", 4, 10, 5, null, null));
        var b = Run(1, 4, new ComparableMetric("x", 4, 12, 5, null, null));
        var inputs = new ComparisonInputs(a, b, [Column("x", [1, 2, 3, 4], [2, 5, 5, 6])]);
        var x = PairedComparer.Compare(inputs).Metrics.Single();
        Assert.Equal(2, x.Change!.Value, 12);
        Assert.Equal(2 / (Math.Sqrt(2.0 / 3) / 2), x.Statistic!.Value, 9);
        Assert.True(x.Significant);
        Assert.Equal(4, PairedComparer.Compare(inputs).PairedTrials);
    }

    [Fact]
    public void Identical_columns_score_zero_with_a_note_and_unpaired_inputs_keep_their_note()
    {
        var a = Run(1, 3, new ComparableMetric("x", 3, 2, 0.5, null, null));
        var same = PairedComparer.Compare(new ComparisonInputs(a, a, [Column("x", [1, 2, 3], [1, 2, 3])])).Metrics.Single();
        Assert.Equal(0, same.Statistic);
        Assert.Equal(PairedComparer.IdenticalNote, same.Note);

        var unpaired = PairedComparer.Compare(new ComparisonInputs(a, a, UnpairedNote: "why"));
        Assert.Equal("why", unpaired.TestNote);
        Assert.Null(unpaired.PairedTrials);
    }

    [Fact]
    public void Runs_at_different_seeds_or_trial_counts_are_not_paired()
    {
        Assert.Null(PairedComparer.UnpairedReason(Run(1, 10), Run(1, 10)));
        Assert.Contains("seeds differ", PairedComparer.UnpairedReason(Run(1, 10), Run(2, 10)));
        Assert.Contains("trial counts differ", PairedComparer.UnpairedReason(Run(1, 10), Run(1, 11)));
    }
}
