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
