using System.Collections.Immutable;

namespace Alibaba.ChipSim.Statistics;

/// <summary>The share of trials ending in each declared state of an actor (<c>&lt;actor&gt;_final</c>), zeros included.</summary>
public sealed record StateShares(string Name, ImmutableArray<string> States, ImmutableArray<double> Shares) : MetricEntry(Name);
