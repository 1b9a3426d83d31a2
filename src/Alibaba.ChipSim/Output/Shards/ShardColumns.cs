using System.Collections.Immutable;

namespace Alibaba.ChipSim.Output.Shards;

/// <summary>A numeric per-trial column of a shard: its name and how its values are read (0/1, whole numbers).</summary>
public sealed record ShardNumericColumn(string Name, bool IsBinary, bool IsWholeNumber);

/// <summary>A categorical per-trial column of a shard (an actor's final state): one byte per trial, a code into <see cref="Categories"/>.</summary>
public sealed record ShardCategoricalColumn(string Name, ImmutableArray<string> Categories);

/// <summary>A per-quarter metric of a shard: one column of doubles per quarter.</summary>
public sealed record ShardQuarterColumns(string Metric, ImmutableArray<string> Quarters);

/// <summary>An actor's state occupancy counts in a shard: months × states whole numbers, summed by the merge.</summary>
public sealed record ShardOccupancy(string Actor, ImmutableArray<string> States, string Start, int Months);
