namespace Alibaba.ChipSim.Statistics.Convergence;

/// <summary>The state after one batch: trials run so far, and the metric's mean and standard error over them.</summary>
public sealed record ConvergencePoint(long Trials, long Count, double Mean, double Se);
