using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Alibaba.ChipSim.Output.Shards;

/// <summary>
/// An open shard file past its header: the columns are read in file order (the header's order) into the caller's
/// spans, and <see cref="VerifyChecksum"/> at the end says whether every byte was what the shard wrote.
/// </summary>
public sealed class ShardReader : IDisposable
{
    private readonly FileStream _stream;

    internal ShardReader(FileStream stream, string path, ShardHeader header, long dataOffset)
    {
        _stream = stream;
        Path = path;
        Header = header;
        DataOffset = dataOffset;
    }

    public ShardHeader Header { get; }

    /// <summary>Where the columns start in the file (after the header).</summary>
    public long DataOffset { get; }

    /// <summary>The path of the shard file.</summary>
    public string Path { get; }

    internal IncrementalHash Hash { get; } = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Reads the next float64 column (or quarter) into <paramref name="target"/> (the shard's count of values).</summary>
    public void ReadDoubles(Span<double> target) => Read(MemoryMarshal.AsBytes(target));

    public void ReadBytes(Span<byte> target) => Read(target);

    public void ReadLongs(Span<long> target) => Read(MemoryMarshal.AsBytes(target));

    public void ReadInt128s(Span<Int128> target) => Read(MemoryMarshal.AsBytes(target));

    /// <summary>
    /// A run conditioned on history: after the occupancy counts, reads the weights into <paramref name="weights"/> (the
    /// shard's count; null to check them a part at a time without keeping them), the weighted occupancy into
    /// <paramref name="weighted"/> (actor after actor) and the matches into <paramref name="matches"/>, checking them as
    /// <see cref="ShardValues"/> does: the first problem, or null.
    /// </summary>
    public string? ReadWeights(double[]? weights, int weightsAt, Int128[][] weighted, long[] matches)
    {
        var h = Header;
        string? problem = null;
        Int128 fixedTotal = 0;
        long positive = 0;
        if (weights is not null)
        {
            var part = weights.AsSpan(weightsAt, (int)h.Count);
            ReadDoubles(part);
            problem = ShardValues.Weights(part, h.FirstTrial, ref fixedTotal, ref positive);
        }
        else
        {
            var buffer = new double[8192];
            for (long done = 0; done < h.Count; done += buffer.Length)
            {
                var part = buffer.AsSpan(0, (int)Math.Min(buffer.Length, h.Count - done));
                ReadDoubles(part);
                problem ??= ShardValues.Weights(part, h.FirstTrial + done, ref fixedTotal, ref positive);
            }
        }
        for (var o = 0; o < h.Occupancy.Length; o++)
        {
            ReadInt128s(weighted[o]);
            problem ??= ShardValues.WeightedOccupancy(h.Occupancy[o], weighted[o], fixedTotal);
        }
        ReadLongs(matches);
        return problem ?? ShardValues.Matches(matches, h.Count, positive);
    }

    /// <summary>
    /// Reads (and hashes) every column in chunks without keeping them, checking each value as <see cref="ShardValues"/>
    /// does: the first problem found, or null. Call <see cref="VerifyChecksum"/> after it (a damaged file's values say nothing).
    /// </summary>
    public string? CheckAll()
    {
        var h = Header;
        string? problem = null;
        var doubles = new double[8192];
        foreach (var c in h.Numeric)
            for (long done = 0; done < h.Count; done += doubles.Length)
            {
                var part = doubles.AsSpan(0, (int)Math.Min(doubles.Length, h.Count - done));
                ReadDoubles(part);
                problem ??= ShardValues.Numeric(c, part, h.FirstTrial + done);
            }
        var codes = new byte[1 << 16];
        foreach (var c in h.Categorical)
            for (long done = 0; done < h.Count; done += codes.Length)
            {
                var part = codes.AsSpan(0, (int)Math.Min(codes.Length, h.Count - done));
                ReadBytes(part);
                problem ??= ShardValues.Codes(c, part, h.FirstTrial + done);
            }
        long quarterBytes = 0;
        foreach (var q in h.Quarterly) quarterBytes += q.Quarters.Length * h.Count * 8;
        Skip(quarterBytes); // any float64: nothing to check
        foreach (var o in h.Occupancy)
        {
            var counts = new long[o.Months * o.States.Length];
            ReadLongs(counts);
            problem ??= ShardValues.Occupancy(o, counts, h.Count);
        }
        if (h.History is { } history)
        {
            var weighted = h.Occupancy.Select(o => new Int128[o.Months * o.States.Length]).ToArray();
            problem = ReadWeights(null, 0, weighted, new long[history.Observations + 1]) is { } weightProblem ? problem ?? weightProblem : problem;
        }
        return problem;
    }

    /// <summary>Skips <paramref name="bytes"/> bytes of columns, hashing them (for a reader that wants only some columns).</summary>
    public void Skip(long bytes)
    {
        var buffer = new byte[1 << 16];
        while (bytes > 0)
        {
            var n = (int)Math.Min(buffer.Length, bytes);
            Read(buffer.AsSpan(0, n));
            bytes -= n;
        }
    }

    private void Read(Span<byte> target)
    {
        ShardFile.RequireLittleEndian();
        _stream.ReadExactly(target);
        Hash.AppendData(target);
    }

    /// <summary>True when the trailing SHA-256 matches every byte read (call after the last column).</summary>
    public bool VerifyChecksum()
    {
        Span<byte> stored = stackalloc byte[32];
        _stream.ReadExactly(stored);
        return stored.SequenceEqual(Hash.GetHashAndReset());
    }

    public void Dispose()
    {
        _stream.Dispose();
        Hash.Dispose();
    }
}
