using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Runs.Shards;
using Alibaba.ChipSim.Scenarios;
using Microsoft.Win32.SafeHandles;

namespace Alibaba.ChipSim.Output.Shards;

/// <summary>
/// A shard simulated and written in bounded memory (docs/running-big.md, "Shards"): its trials are simulated chunk by
/// chunk (<see cref="ChunkReplay"/>) and each chunk's part of every column is written straight to its place in the
/// file, whose layout the header fixes in advance (every column whole, the shard's count of values long). The occupancy
/// counts follow the last chunk; the checksum is then taken over the file read back from its start. The file is byte
/// for byte the one <see cref="ShardFile.Write"/> writes from the shard's columns, and memory is the chunk buffers,
/// whatever the shard's trial count.
/// </summary>
internal static class ShardStreamWriter
{
    /// <summary>
    /// Simulates shard <paramref name="slice"/> of a run of <paramref name="trials"/> trials at <paramref name="seed"/> into
    /// <paramref name="path"/> (created; a temporary file the caller moves into place).
    /// </summary>
    /// <exception cref="OperationCanceledException">When the token fires.</exception>
    /// <param name="chunkSize">Trials per chunk (tests make it small to write many chunks).</param>
    public static void Write(string path, Scenario scenario, long trials, ulong seed, ShardSlice slice, int threads, string? scenarioFile,
        CancellationToken cancellationToken, int chunkSize = SimulationEngine.ChunkSize)
    {
        ShardFile.RequireLittleEndian();
        var (first, count) = slice.Range(trials);
        var replay = new ChunkReplay(scenario, new RunOptions
        {
            Trials = count, FirstTrial = first, WholeRunTrials = trials, Seed = seed, Threads = threads, CancellationToken = cancellationToken,
        }, chunkSize);
        var layout = replay.Layout;
        // The occupancy's months and states are the plan's; its counts are known after the pass.
        var descriptors = SimulationEngine.Occupancies(replay.Plan, new long[replay.Occupancy.Length], null);
        var header = ShardFolder.HeaderOf(new SimulationResult(scenario, seed, count, layout.Numeric, layout.Categorical, layout.Quarterly, descriptors)
            { ObservationMatches = [.. replay.ObservationMatches] }, slice, trials, scenarioFile, checkCount: false);
        var preamble = ShardFile.Preamble(header);
        long data = preamble.Length;

        using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        RandomAccess.Write(handle, preamble, 0);
        // A wave's chunks are consecutive trials: each column's part of the wave is gathered into one buffer and written
        // in one call (a few hundred KB), not a call per chunk.
        var doubles = new double[replay.ChunksPerWave * replay.ChunkRows];
        var codes = new byte[doubles.Length];
        long row = 0;
        replay.Pass((chunks, rows) =>
        {
            var views = chunks.Span;
            var counts = rows.Span;
            var n = 0;
            foreach (var k in counts) n += k;
            for (var c = 0; c < layout.Numeric.Length; c++)
                RandomAccess.Write(handle, MemoryMarshal.AsBytes(Gather(views, counts, v => v.Numeric[c].Values, doubles, n)), data + header.NumericAt(c) + row * 8);
            for (var c = 0; c < layout.Categorical.Length; c++)
                RandomAccess.Write(handle, Gather(views, counts, v => v.Categorical[c].Codes, codes, n), data + header.CategoricalAt(c) + row);
            var q = 0L;
            for (var m = 0; m < layout.Quarterly.Length; m++)
                for (var i = 0; i < layout.Quarterly[m].Values.Length; i++)
                {
                    RandomAccess.Write(handle, MemoryMarshal.AsBytes(Gather(views, counts, v => v.Quarterly[m].Values[i], doubles, n)),
                        data + header.QuarterAt(q++) + row * 8);
                }
            if (header.History is not null)
                RandomAccess.Write(handle, MemoryMarshal.AsBytes(Gather(views, counts, v => v.Weights!, doubles, n)), data + header.WeightsAt + row * 8);
            row += n;
        });
        var at = data + header.OccupancyAt;
        var occupancy = SimulationEngine.Occupancies(replay.Plan, replay.Occupancy, replay.WeightedOccupancy);
        foreach (var o in occupancy)
        {
            var bytes = MemoryMarshal.AsBytes(o.Counts.AsSpan());
            RandomAccess.Write(handle, bytes, at);
            at += bytes.Length;
        }
        if (header.History is not null)
        {
            // After the weights (written wave by wave above): the weighted occupancy and the observation matches.
            at = data + header.WeightedOccupancyAt;
            foreach (var o in occupancy)
            {
                var bytes = MemoryMarshal.AsBytes(o.WeightedCounts.AsSpan());
                RandomAccess.Write(handle, bytes, at);
                at += bytes.Length;
            }
            var matches = MemoryMarshal.AsBytes(replay.ObservationMatches.AsSpan());
            RandomAccess.Write(handle, matches, at);
            at += matches.Length;
        }
        cancellationToken.ThrowIfCancellationRequested();
        RandomAccess.Write(handle, Checksum(handle, at, cancellationToken), at);
        RandomAccess.FlushToDisk(handle);
    }

    /// <summary>One column's part of a wave (<paramref name="n"/> rows), chunk after chunk, into <paramref name="into"/>.</summary>
    private static ReadOnlySpan<T> Gather<T>(ReadOnlySpan<SimulationResult> views, ReadOnlySpan<int> counts, Func<SimulationResult, T[]> column,
        T[] into, int n)
    {
        var at = 0;
        for (var k = 0; k < views.Length; k++)
        {
            column(views[k]).AsSpan(0, counts[k]).CopyTo(into.AsSpan(at));
            at += counts[k];
        }
        return into.AsSpan(0, n);
    }

    /// <summary>The SHA-256 of the file's first <paramref name="length"/> bytes, read back in order.</summary>
    private static byte[] Checksum(SafeFileHandle handle, long length, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        for (long offset = 0; offset < length;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - offset)), offset);
            if (read == 0) throw new IOException($"the shard file ends at byte {offset} while its checksum is taken");
            hash.AppendData(buffer.AsSpan(0, read));
            offset += read;
        }
        return hash.GetHashAndReset();
    }
}
