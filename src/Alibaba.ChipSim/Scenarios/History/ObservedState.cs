namespace Alibaba.ChipSim.Scenarios.History;

/// <summary>The actor's state after each month's step, from <see cref="From"/> on.</summary>
public sealed record ObservedState(Month From, string State, SourceLocation Location);
