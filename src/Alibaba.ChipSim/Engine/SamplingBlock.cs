namespace Alibaba.ChipSim.Engine;

/// <summary>
/// Where a run sits in the seed's sequence of trials and how its sampling design was cut: trial i of the run is
/// trial <see cref="FirstTrial"/> + i, and Latin hypercube strata and correlations were built over blocks of
/// <see cref="BlockTrials"/> trials starting at multiples of it (0 = the whole run is one block).
/// </summary>
public sealed record SamplingBlock(long FirstTrial, int BlockTrials)
{
    /// <summary>Trials [0, n) in one block: a plain run.</summary>
    public static SamplingBlock Whole { get; } = new(0, 0);
}
