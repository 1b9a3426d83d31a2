namespace Alibaba.ChipSim.Statistics.Comparison;

/// <summary>
/// What <c>diff</c> compares, in memory: the two summaries, and when both sides can be paired trial by trial, the
/// accumulated differences of every per-trial column they share; otherwise <see cref="UnpairedNote"/> says why not
/// (null when pairing did not apply at all, e.g. two snapshot files).
/// </summary>
internal sealed record ComparisonInputs(ComparableRun A, ComparableRun B, IReadOnlyList<PairedColumn>? Paired = null, string? UnpairedNote = null);
