namespace Alibaba.ChipSim.Statistics.Weighted;

/// <summary>
/// A weighted run as a whole: how many trials carry weight, the effective sample size (Σw)²/Σw² over all trials, and the
/// log evidence ln(mean of w over all trials), −∞ when no trial has weight.
/// </summary>
public sealed record WeightTotals(long Trials, long TrialsWithWeight, double Ess, double LogEvidence);
