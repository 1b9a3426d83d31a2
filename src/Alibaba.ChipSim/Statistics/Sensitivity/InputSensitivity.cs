namespace Alibaba.ChipSim.Statistics.Sensitivity;

/// <summary>
/// How one output moves with one input: Spearman's ρ, the standardized rank-regression coefficient
/// (SRRC) and the input's share of the variance the rank regression explains (SRRC² normalised to sum to 1
/// over the inputs). NaN where undefined (an input or output constant over the trials used).
/// </summary>
public sealed record InputSensitivity(string Input, double Spearman, double Srrc, double VarianceShare);
