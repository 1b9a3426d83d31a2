namespace Alibaba.ChipSim.Statistics.Comparison;

/// <summary>
/// The paired test of one per-trial metric between two runs at the same seed and trial count (common random
/// numbers): d_t = b_t − a_t over the <see cref="Pairs"/> trials where both are defined.
/// <see cref="Changed"/> counts the trials whose value differs at all (a value defined on one side only included);
/// for 0/1 metrics <see cref="Up"/> (0 → 1) and <see cref="Down"/> (1 → 0) are McNemar's discordant counts.
/// </summary>
internal sealed record PairedStatistics(
    long Pairs,
    long Changed,
    double MeanDifference,
    double? SdDifference,
    double? SeDifference,
    long? Up = null,
    long? Down = null)
{
    /// <summary>True when no trial changed: the metric is bit-identical, trial for trial.</summary>
    public bool Identical => Changed == 0;
}
