using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Alibaba.ChipSim.Engine;

namespace Alibaba.ChipSim.Output.Shards;

/// <summary>
/// The binary file of a shard (<c>shard.bin</c>): 8 bytes <c>CSIMSHRD</c>, the format version (uint32 LE), the header's
/// length (uint32 LE) and the header as UTF-8 JSON (<see cref="ShardHeader"/>); then the columns in the header's order,
/// each holding the shard's trials in trial order: numeric columns as float64 LE, categorical as one byte, the
/// quarterly columns metric by metric and quarter by quarter as float64 LE, the occupancy counts as int64 LE; for a run
/// conditioned on history (<see cref="ShardHistory"/>) the weights as float64 LE, the weighted occupancy as int128 LE and
/// the observation matches as int64 LE; then the SHA-256 of every byte before it, so a truncated or damaged file is found before it is merged.
/// </summary>
public static class ShardFile
{
    public const string FileName = "shard.bin";

    public const int FormatVersion = 1;

    private static ReadOnlySpan<byte> Magic => "CSIMSHRD"u8;

    private const int MaxHeaderBytes = 16 << 20;

    /// <summary>Writes <paramref name="result"/> (the shard's trials) under <paramref name="header"/>.</summary>
    public static void Write(Stream stream, ShardHeader header, SimulationResult result, CancellationToken cancellationToken = default)
    {
        RequireLittleEndian();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Put(ReadOnlySpan<byte> bytes)
        {
            hash.AppendData(bytes);
            stream.Write(bytes);
        }

        Put(Preamble(header));
        foreach (var c in result.Numeric)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Put(MemoryMarshal.AsBytes(c.Values.AsSpan()));
        }
        foreach (var c in result.Categorical) Put(c.Codes);
        foreach (var q in result.Quarterly)
            foreach (var values in q.Values)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Put(MemoryMarshal.AsBytes(values.AsSpan()));
            }
        foreach (var o in result.Occupancy) Put(MemoryMarshal.AsBytes(o.Counts.AsSpan()));
        if (header.History is not null)
        {
            // A run conditioned on history: the weights, the weighted occupancy and the observation matches.
            Put(MemoryMarshal.AsBytes(result.Weights.AsSpan()));
            foreach (var o in result.Occupancy) Put(MemoryMarshal.AsBytes(o.WeightedCounts.AsSpan()));
            Put(MemoryMarshal.AsBytes(result.ObservationMatches.AsSpan()));
        }
        stream.Write(hash.GetHashAndReset());
    }

    /// <summary>What precedes the columns: the magic, the format version and header length (uint32, little-endian), the header as UTF-8 JSON.</summary>
    internal static byte[] Preamble(ShardHeader header)
    {
        var json = ShardHeaderJson.ToUtf8(header);
        var preamble = new byte[16 + json.Length];
        Magic.CopyTo(preamble);
        BinaryPrimitives.WriteUInt32LittleEndian(preamble.AsSpan(8), (uint)header.FormatVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(preamble.AsSpan(12), (uint)json.Length);
        json.CopyTo(preamble.AsSpan(16));
        return preamble;
    }

    /// <summary>The file's length as its header implies it, to tell a truncated file from a whole one.</summary>
    internal static long ExpectedLength(ShardHeader h, int headerBytes)
    {
        return 16 + headerBytes + h.DataLength + 32;
    }

    /// <summary>
    /// Opens a shard file and reads its header; null with the reason when it is not a readable shard of this engine
    /// (no path in it, except for a file that is not a regular file: a FIFO or a device is refused before it is read).
    /// </summary>
    public static ShardReader? Open(string path, out string? error)
    {
        error = null;
        FileStream? stream = null;
        try
        {
            stream = Scenarios.InputFile.Open(path, out error);
            if (stream is null) return null;
            Span<byte> prefix = stackalloc byte[16];
            if (stream.Length < 16 + 32 || stream.ReadAtLeast(prefix, 16, throwOnEndOfStream: false) < 16 || !prefix[..8].SequenceEqual(Magic))
            {
                error = "it is not a chipsim shard file";
                stream.Dispose();
                return null;
            }
            var version = BinaryPrimitives.ReadUInt32LittleEndian(prefix[8..]);
            if (version != FormatVersion)
            {
                error = $"it has shard format {version}; this chipsim reads format {FormatVersion} (merge with the chipsim that wrote it)";
                stream.Dispose();
                return null;
            }
            var headerBytes = BinaryPrimitives.ReadUInt32LittleEndian(prefix[12..]);
            if (headerBytes > MaxHeaderBytes || headerBytes > stream.Length - 48)
            {
                error = "its header is damaged (length out of range)";
                stream.Dispose();
                return null;
            }
            var json = new byte[headerBytes];
            stream.ReadExactly(json);
            var header = ShardHeaderJson.Parse(json, out error);
            if (header is null)
            {
                stream.Dispose();
                return null;
            }
            if (header.FormatVersion != version)
            {
                error = $"its header says format {header.FormatVersion} where its first bytes say {version} (damaged header)";
                stream.Dispose();
                return null;
            }
            if (header.Engine != EngineInfo.Name)
            {
                // The merged summary names this engine: the numbers of another version's shards are not its numbers.
                error = $"it was written by engine '{ShardHeader.Shown(header.Engine)}', not by this {EngineInfo.Name}; merge it with the chipsim that wrote it, or run the shard again with this one";
                stream.Dispose();
                return null;
            }
            if (header.Count < 0 || stream.Length != ExpectedLength(header, json.Length))
            {
                error = $"it is {stream.Length} bytes where its header implies {ExpectedLength(header, json.Length)} (truncated or damaged; run the shard again)";
                stream.Dispose();
                return null;
            }
            var reader = new ShardReader(stream, System.IO.Path.GetFullPath(path), header, 16 + json.Length);
            reader.Hash.AppendData(prefix);
            reader.Hash.AppendData(json);
            return reader;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stream?.Dispose();
            error = "it cannot be read: " + e.Message;
            return null;
        }
    }

    internal static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("shard files are little-endian; this machine is not");
    }
}
