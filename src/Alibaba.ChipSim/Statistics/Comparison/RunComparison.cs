using System.Collections.Immutable;

namespace Alibaba.ChipSim.Statistics.Comparison;

/// <summary>
/// The result of <c>diff A B</c>: every metric in both, and the names present on one side only. <see cref="PairedTrials"/>
/// is the number of trials paired when the paired test was used (null: the unpaired test from the summaries);
/// <see cref="TestNote"/> says why the paired test was not used when it could not be.
/// </summary>
internal sealed record RunComparison(
    ComparableRun A,
    ComparableRun B,
    double ZThreshold,
    ImmutableArray<MetricComparison> Metrics,
    ImmutableArray<string> OnlyInA,
    ImmutableArray<string> OnlyInB,
    long? PairedTrials = null,
    string? TestNote = null)
{
    /// <summary>True when any metric moved beyond Monte Carlo error (exit code 3).</summary>
    public bool AnySignificant
    {
        get
        {
            foreach (var m in Metrics) if (m.Significant) return true;
            return false;
        }
    }
}
