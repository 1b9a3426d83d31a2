using System.Collections.Immutable;

namespace Alibaba.ChipSim.Statistics.Sensitivity;

/// <summary>
/// The sensitivity of one output: <see cref="Count"/> trials where it is defined, the R² of the linear
/// regression of its ranks on the inputs' ranks, and every input, ranked by |ρ| (largest first).
/// </summary>
public sealed record OutputSensitivity(string Output, long Count, double RankRegressionR2, ImmutableArray<InputSensitivity> Inputs);
