namespace Alibaba.ChipSim.Engine;

/// <summary>
/// Where a run's trials sit in the seed's sequence (<see cref="FirstTrial"/>) and the sampling block it used,
/// which is all it takes to regenerate the values every per-trial parameter took (see <c>Output/TrialInputs</c>).
/// </summary>
public sealed record TrialDraws(long FirstTrial, int SamplingBlockTrials);
