using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics.Streaming;
using Microsoft.Win32.SafeHandles;

namespace Alibaba.ChipSim.Output.Shards;

/// <summary>
/// The summary of a sharded run in bounded memory (docs/running-big.md, "Merge"): the shards' columns are read back chunk
/// by chunk, in trial order (shard after shard), into buffers of <see cref="ChunkRows"/> trials, and handed to the
/// streamed statistics (<see cref="StreamingSummary"/>) exactly as a streamed run hands them its simulated chunks; a
/// further pass, when a column needs one, reads the files again. So the merge holds the buffers and the statistics'
/// windows, whatever the trial count, and its summary is the one the run in one process writes, bit for bit.
/// </summary>
internal static class ShardStream
{
    /// <summary>Trials per chunk read (each column's part of a chunk is one contiguous read from its shard file).</summary>
    public const int ChunkRows = 1 << 16;

    /// <param name="shards">Checked shards of one run (their values and checksums verified), in slice order.</param>
    /// <param name="chunkRows">Trials per chunk (tests make it small to cross shard and block boundaries inside chunks).</param>
    /// <param name="windowLimit">The sizes of the percentiles' windows (tests make them tiny to force further passes).</param>
    /// <returns>The summary, and how many times the columns were read back.</returns>
    /// <param name="buckets">The buckets of a weighted column's histograms (tests make them few to force further passes).</param>
    /// <param name="gatherLimit">The most values a weighted percentile gathers (tests make it small to force further passes).</param>
    /// <exception cref="NoTrialMatchedException">A run conditioned on history in which no trial has weight.</exception>
    public static (Statistics.RunSummary Summary, int Passes) Summarize(Scenario scenario, IReadOnlyList<ShardReader> shards, int threads,
        CancellationToken cancellationToken, int chunkRows = ChunkRows, (int Distinct, int Appended)? windowLimit = null,
        int buckets = WeightedStreamingColumn.DefaultBuckets, int gatherLimit = StreamingColumn.GatherLimit)
    {
        var h = shards[0].Header;
        var rows = (int)Math.Min(chunkRows, h.Trials);
        var layout = new SimulationResult(scenario, h.Seed, rows,
            [.. h.Numeric.Select(c => new NumericColumn(c.Name, new double[rows], c.IsBinary, c.IsWholeNumber))],
            [.. h.Categorical.Select(c => new CategoricalColumn(c.Name, c.Categories, new byte[rows]))],
            [.. h.Quarterly.Select(q => new QuarterColumns(q.Metric, q.Quarters, [.. q.Quarters.Select(_ => new double[rows])]))],
            [])
        {
            Weights = h.History is null ? null : new double[rows],
        };
        if (h.History is not null) return SummarizeWeighted(scenario, shards, layout, threads, cancellationToken, rows, buckets, gatherLimit);
        var statistics = new StreamingSummary(layout, [], threads, windowLimit: windowLimit);
        var passes = ReadBack(shards, layout, rows, cancellationToken, (view, n) => statistics.Consume(view, [n]), statistics.EndPass);
        return (statistics.Summary(), passes);
    }

    /// <summary>
    /// A run conditioned on history: the weighted statistics (<see cref="WeightedStreamingSummary"/>) over the shards'
    /// columns and weights; a run in which no trial has weight fails after the first pass, as the run in one process does.
    /// </summary>
    /// <exception cref="NoTrialMatchedException">When every weight is 0.</exception>
    private static (Statistics.RunSummary Summary, int Passes) SummarizeWeighted(Scenario scenario, IReadOnlyList<ShardReader> shards,
        SimulationResult layout, int threads, CancellationToken cancellationToken, int rows, int buckets, int gatherLimit)
    {
        var statistics = new WeightedStreamingSummary(layout, [], threads, buckets, gatherLimit);
        var passes = ReadBack(shards, layout, rows, cancellationToken, (view, n) => statistics.Consume(view, [n]), () =>
        {
            var more = statistics.EndPass();
            if (statistics.NoWeight) throw NoTrialMatchedException.For(new SimulationPlan(scenario).History!, Matches(shards), shards[0].Header.Trials);
            return more;
        });
        return (statistics.Summary(), passes);
    }

    /// <summary>The shards' observation matches, summed.</summary>
    private static long[] Matches(IReadOnlyList<ShardReader> shards)
    {
        var sums = new long[shards[0].Header.History!.Observations + 1];
        var part = new long[sums.Length];
        foreach (var shard in shards)
        {
            using var handle = File.OpenHandle(shard.Path, FileMode.Open, FileAccess.Read, FileShare.Read);
            Read(handle, shard.DataOffset + shard.Header.MatchesAt, MemoryMarshal.AsBytes(part.AsSpan()));
            for (var i = 0; i < sums.Length; i++) sums[i] += part[i];
        }
        return sums;
    }

    /// <summary>Reads the shards back chunk after chunk into <paramref name="layout"/>, pass after pass while <paramref name="endPass"/> says so; returns the passes.</summary>
    private static int ReadBack(IReadOnlyList<ShardReader> shards, SimulationResult layout, int rows, CancellationToken cancellationToken,
        Action<ReadOnlySpan<SimulationResult>, int> consume, Func<bool> endPass)
    {
        var handles = new List<SafeFileHandle>();
        var passes = 0;
        try
        {
            foreach (var shard in shards) handles.Add(File.OpenHandle(shard.Path, FileMode.Open, FileAccess.Read, FileShare.Read));
            ImmutableArray<SimulationResult> view = [layout];
            do
            {
                passes++;
                for (var s = 0; s < shards.Count; s++)
                {
                    var count = shards[s].Header.Count;
                    for (long done = 0; done < count; done += rows)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var n = (int)Math.Min(rows, count - done);
                        ReadChunk(handles[s], shards[s], layout, done, n);
                        consume(view.AsSpan(), n);
                    }
                }
            }
            while (endPass());
        }
        finally
        {
            foreach (var handle in handles) handle.Dispose();
        }
        return passes;
    }

    /// <summary>
    /// Trials <paramref name="from"/> … <paramref name="from"/> + <paramref name="n"/> − 1 of one shard (counted from its first)
    /// into the first <paramref name="n"/> rows of every column of <paramref name="layout"/>, each from where the header puts
    /// its column (<see cref="ShardHeader.NumericAt"/> and the others).
    /// </summary>
    private static void ReadChunk(SafeFileHandle handle, ShardReader shard, SimulationResult layout, long from, int n)
    {
        ShardFile.RequireLittleEndian();
        var h = shard.Header;
        var data = shard.DataOffset;
        for (var c = 0; c < layout.Numeric.Length; c++)
            Read(handle, data + h.NumericAt(c) + from * 8, MemoryMarshal.AsBytes(layout.Numeric[c].Values.AsSpan(0, n)));
        for (var c = 0; c < layout.Categorical.Length; c++)
            Read(handle, data + h.CategoricalAt(c) + from, layout.Categorical[c].Codes.AsSpan(0, n));
        var column = 0L;
        foreach (var quarters in layout.Quarterly)
            foreach (var values in quarters.Values)
                Read(handle, data + h.QuarterAt(column++) + from * 8, MemoryMarshal.AsBytes(values.AsSpan(0, n)));
        if (layout.Weights is { } weights) Read(handle, data + h.WeightsAt + from * 8, MemoryMarshal.AsBytes(weights.AsSpan(0, n)));
    }

    private static void Read(SafeFileHandle handle, long offset, Span<byte> target)
    {
        while (target.Length > 0)
        {
            var read = RandomAccess.Read(handle, target, offset);
            if (read == 0) throw new EndOfStreamException($"the file ends at byte {offset}, before its columns do");
            target = target[read..];
            offset += read;
        }
    }
}
