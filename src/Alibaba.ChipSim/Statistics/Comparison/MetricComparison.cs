using System.Collections.Immutable;

namespace Alibaba.ChipSim.Statistics.Comparison;

/// <summary>
/// One metric present on both sides of a <c>diff</c>. For means and probabilities, <see cref="Old"/>/<see cref="New"/>
/// are the means (probabilities) and <see cref="Statistic"/> the z-score; for shares they are null,
/// <see cref="Change"/> is the total-variation distance and <see cref="Statistic"/> that distance over its sampling noise.
/// With the paired test, <see cref="Paired"/> holds the per-trial differences and <see cref="Statistic"/> is their z-score.
/// </summary>
internal sealed record MetricComparison(
    string Name,
    MetricKind Kind,
    double? Old,
    double? New,
    double? Change,
    double? Statistic,
    bool Significant,
    ImmutableSortedDictionary<string, double>? OldShares = null,
    ImmutableSortedDictionary<string, double>? NewShares = null,
    string? Note = null,
    PairedStatistics? Paired = null);
