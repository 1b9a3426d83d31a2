using System.Collections.Immutable;
using Alibaba.ChipSim.Runs.Shards;

namespace Alibaba.ChipSim.Output.Shards;

/// <summary>
/// What a shard file says about itself before its columns: the format, the engine and the run it belongs to
/// (scenario and its hash, seed, total trials, number of shards), which slice it holds, and the layout of the columns.
/// </summary>
public sealed record ShardHeader(
    int FormatVersion,
    string Engine,
    string Scenario,
    string ScenarioSha256,
    string? ScenarioFile,
    ulong Seed,
    long Trials,
    int Shards,
    int Shard,
    long FirstTrial,
    long Count,
    ImmutableArray<ShardNumericColumn> Numeric,
    ImmutableArray<ShardCategoricalColumn> Categorical,
    ImmutableArray<ShardQuarterColumns> Quarterly,
    ImmutableArray<ShardOccupancy> Occupancy,
    ShardHistory? History = null)
{
    /// <summary>The slice this shard holds.</summary>
    public ShardSlice Slice => new(Shard, Shards);

    /// <summary>The trials it holds, for messages: e.g. <c>trials 0–2499</c>.</summary>
    public string TrialRange => $"trials {FirstTrial}-{FirstTrial + Count - 1}";

    // Where each column starts, in bytes from the first column's start: every column is whole (Count values), in the
    // header's order: the float64 outcomes, the one-byte final states, the float64 quarters, then the occupancy counts.

    /// <summary>The start of float64 outcome column <paramref name="column"/>.</summary>
    internal long NumericAt(int column) => column * 8L * Count;

    /// <summary>The start of one-byte final-state column <paramref name="column"/>.</summary>
    internal long CategoricalAt(int column) => Numeric.Length * 8L * Count + column * Count;

    /// <summary>The start of quarter column <paramref name="column"/> (the quarters of every quarterly metric, in order).</summary>
    internal long QuarterAt(long column) => (Numeric.Length + column) * 8 * Count + Categorical.Length * Count;

    /// <summary>The start of the occupancy counts, after the last quarter column.</summary>
    internal long OccupancyAt => QuarterAt(Quarterly.Sum(q => (long)q.Quarters.Length));

    /// <summary>The occupancy's cells (months × states, actor after actor).</summary>
    internal long OccupancyCells => Occupancy.Sum(o => (long)o.Months * o.States.Length);

    /// <summary>A run conditioned on history: the start of the trials' float64 weights, after the occupancy counts.</summary>
    internal long WeightsAt => OccupancyAt + OccupancyCells * 8;

    /// <summary>The start of the weighted occupancy (int128 LE per cell), after the weights.</summary>
    internal long WeightedOccupancyAt => WeightsAt + Count * 8;

    /// <summary>The start of the observation matches (int64 LE, one per observation and one for all), after the weighted occupancy.</summary>
    internal long MatchesAt => WeightedOccupancyAt + OccupancyCells * 16;

    /// <summary>Where the columns end (the checksum follows).</summary>
    internal long DataLength => History is { } h ? MatchesAt + (h.Observations + 1L) * 8 : WeightsAt;

    /// <summary>A text of the header for a message: at most 64 characters (a SHA-256 in hex), control characters shown as '?'.</summary>
    internal static string Shown(string value)
    {
        var clipped = value.Length <= 64 ? value : value[..64] + "…";
        return string.Create(clipped.Length, clipped, (span, text) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = char.IsControl(text[i]) ? '?' : text[i];
        });
    }

    /// <summary>The column layout, one line per column, to compare two shards' layouts.</summary>
    public string Layout()
    {
        var lines = new List<string>();
        foreach (var c in Numeric) lines.Add($"f64 {c.Name} {c.IsBinary} {c.IsWholeNumber}");
        foreach (var c in Categorical) lines.Add($"u8 {c.Name} {string.Join(',', c.Categories)}");
        foreach (var c in Quarterly) lines.Add($"quarters {c.Metric} {string.Join(',', c.Quarters)}");
        foreach (var c in Occupancy) lines.Add($"occupancy {c.Actor} {string.Join(',', c.States)} {c.Start} {c.Months}");
        if (History is { } h) lines.Add($"weights {h.Observations}");
        return string.Join('\n', lines);
    }
}
