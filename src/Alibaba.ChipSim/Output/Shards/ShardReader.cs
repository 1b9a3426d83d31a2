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

    internal ShardReader(FileStream stream, ShardHeader header, long dataOffset)
    {
        _stream = stream;
        Header = header;
        DataOffset = dataOffset;
    }

    public ShardHeader Header { get; }

    /// <summary>Where the columns start in the file (after the header).</summary>
    public long DataOffset { get; }

    /// <summary>The path of the shard file.</summary>
    public string Path => _stream.Name;

    internal IncrementalHash Hash { get; } = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Reads the next float64 column (or quarter) into <paramref name="target"/> (the shard's count of values).</summary>
    public void ReadDoubles(Span<double> target) => Read(MemoryMarshal.AsBytes(target));

    public void ReadBytes(Span<byte> target) => Read(target);

    public void ReadLongs(Span<long> target) => Read(MemoryMarshal.AsBytes(target));

    /// <summary>Reads (and hashes) every column without keeping them, then checks the checksum: true when the file is whole.</summary>
    public bool VerifyAll()
    {
        Skip(_stream.Length - 32 - _stream.Position);
        return VerifyChecksum();
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
