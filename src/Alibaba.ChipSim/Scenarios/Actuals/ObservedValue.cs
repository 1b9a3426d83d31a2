namespace Alibaba.ChipSim.Scenarios.Actuals;

/// <summary>The realised value of a per-trial metric (a column of the run's trials file), e.g. a reported quarter's revenue.</summary>
public sealed record ObservedValue(string Metric, double Value, string? Description, SourceLocation Location);
