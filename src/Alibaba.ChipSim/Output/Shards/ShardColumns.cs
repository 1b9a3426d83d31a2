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

/// <summary>
/// A shard of a run conditioned on history: after the occupancy counts its file holds each trial's weight (float64), the
/// weighted occupancy (int128 per month and state, in units of 2⁻⁶⁰) and the trials matching each of the
/// <see cref="Observations"/> observations and all of them (int64). <see cref="File"/> and <see cref="Sha256"/> name the
/// history file of <c>--history FILE</c> (kept in the shard folder's <c>history/</c>); null when the scenario holds its history.
/// </summary>
public sealed record ShardHistory(int Observations, string? File, string? Sha256);
