using System.Collections.Immutable;

namespace Alibaba.ChipSim.Statistics.Comparison;

/// <summary>
/// What <c>diff</c> needs of one metric, read from a summary or a snapshot: the count of trials where it is
/// defined, its mean and standard error, its probability (0/1 metrics) or its state shares (categorical metrics).
/// </summary>
internal sealed record ComparableMetric(
    string Name,
    long Count,
    double? Mean,
    double? Se,
    double? Probability,
    ImmutableSortedDictionary<string, double>? Shares)
{
    public MetricKind Kind => Shares is not null ? MetricKind.Shares : Probability is not null ? MetricKind.Probability : MetricKind.Mean;
}
