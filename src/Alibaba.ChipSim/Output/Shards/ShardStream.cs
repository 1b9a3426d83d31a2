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
    public static (Statistics.RunSummary Summary, int Passes) Summarize(Scenario scenario, IReadOnlyList<ShardReader> shards, int threads,
        CancellationToken cancellationToken, int chunkRows = ChunkRows, (int Distinct, int Appended)? windowLimit = null)
    {
        var h = shards[0].Header;
        var rows = (int)Math.Min(chunkRows, h.Trials);
        var layout = new SimulationResult(scenario, h.Seed, rows,
            [.. h.Numeric.Select(c => new NumericColumn(c.Name, new double[rows], c.IsBinary, c.IsWholeNumber))],
            [.. h.Categorical.Select(c => new CategoricalColumn(c.Name, c.Categories, new byte[rows]))],
            [.. h.Quarterly.Select(q => new QuarterColumns(q.Metric, q.Quarters, [.. q.Quarters.Select(_ => new double[rows])]))],
            []);
        var statistics = new StreamingSummary(layout, [], threads, windowLimit: windowLimit);
        var handles = new List<SafeFileHandle>();
        try
        {
            foreach (var shard in shards) handles.Add(File.OpenHandle(shard.Path, FileMode.Open, FileAccess.Read, FileShare.Read));
            ImmutableArray<SimulationResult> view = [layout];
            do
            {
                for (var s = 0; s < shards.Count; s++)
                {
                    var count = shards[s].Header.Count;
                    for (long done = 0; done < count; done += rows)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var n = (int)Math.Min(rows, count - done);
                        ReadChunk(handles[s], shards[s], layout, done, n);
                        statistics.Consume(view.AsSpan(), [n]);
                    }
                }
            }
            while (statistics.EndPass());
        }
        finally
        {
            foreach (var handle in handles) handle.Dispose();
        }
        return (statistics.Summary(), statistics.Passes - 1);
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
