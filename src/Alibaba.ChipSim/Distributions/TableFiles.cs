using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Alibaba.ChipSim.Distributions;

/// <summary>
/// The quantile tables of the beta family kept on disk between processes (docs/performance.md, "Start-up and
/// tiering"): a scenario's dozen PERT tables take about 15 ms each to compute and a few microseconds to read back.
/// A file holds one table's knots exactly as computed, for one build of the engine: its name says α and β (their
/// bits), its header the build (the module version id of this assembly, which a deterministic build changes with
/// any change of its code), α, β and the part sizes, and a SHA-256 of all of it closes the file. Anything that does
/// not match (another build, a truncated or damaged file) is ignored and the table computed and written again, so
/// a file can only ever save time: the numbers are the same bits with or without it.
/// The folder: <c>CHIPSIM_CACHE_DIR</c> when set (empty or <c>off</c>: no files), else <c>$XDG_CACHE_HOME/chipsim</c>,
/// else <c>~/.cache/chipsim</c>. Files are written to a temporary name and renamed, so processes running side by
/// side (a Slurm array) never read half a file; a folder that cannot be written only means computing every time.
/// </summary>
internal static class TableFiles
{
    private static readonly byte[] Magic = "chipsim quantile table v1\n"u8.ToArray();
    private const int HashLength = 32;

    /// <summary>The folder this process keeps table files in, or null for none.</summary>
    public static string? Folder { get; } = FolderFrom(Environment.GetEnvironmentVariable);

    /// <summary>The folder the environment <paramref name="variable"/> names (see the class), or null for none.</summary>
    internal static string? FolderFrom(Func<string, string?> variable)
    {
        var chosen = variable("CHIPSIM_CACHE_DIR");
        if (chosen is not null)
        {
            if (chosen.Length == 0 || chosen.Equals("off", StringComparison.OrdinalIgnoreCase)) return null;
            try
            {
                return Path.GetFullPath(chosen);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                return null; // not a usable path: no table files, the tables are computed
            }
        }
        var xdg = variable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "chipsim");
        var home = variable("HOME");
        return string.IsNullOrEmpty(home) || !Path.IsPathRooted(home) ? null : Path.Combine(home, ".cache", "chipsim");
    }

    // The build that computes the tables: this assembly's code, MathNet's (the incomplete beta function), the runtime's
    // (its Math.Exp and Math.Log) and the processor architecture, hashed into 32 bytes.
    private static readonly byte[] Build = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n",
        typeof(TableFiles).Module.ModuleVersionId, typeof(MathNet.Numerics.SpecialFunctions).Module.ModuleVersionId,
        RuntimeInformation.FrameworkDescription, RuntimeInformation.ProcessArchitecture)));

    /// <summary>The file of Beta(α, β) in <paramref name="folder"/>.</summary>
    internal static string PathOf(string folder, double alpha, double beta) =>
        Path.Combine(folder, $"beta-{BitConverter.DoubleToUInt64Bits(alpha):x16}-{BitConverter.DoubleToUInt64Bits(beta):x16}.table");

    /// <summary>
    /// The parts of Beta(<paramref name="alpha"/>, <paramref name="beta"/>)'s table, of the given lengths, from its file
    /// in <paramref name="folder"/>; null when there is none for this build or it does not check out.
    /// </summary>
    public static double[][]? TryRead(string folder, double alpha, double beta, int[] lengths)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(PathOf(folder, alpha, beta));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            return null;
        }
        var header = Header(alpha, beta, lengths);
        var payload = lengths.Sum() * sizeof(double);
        if (bytes.Length != header.Length + payload + HashLength) return null;
        var body = bytes.AsSpan(0, header.Length + payload);
        if (!body[..header.Length].SequenceEqual(header)) return null;
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(body.Length))) return null;
        var parts = new double[lengths.Length][];
        var at = header.Length;
        for (var i = 0; i < lengths.Length; i++)
        {
            var part = new double[lengths[i]];
            var source = bytes.AsSpan(at, part.Length * sizeof(double));
            if (BitConverter.IsLittleEndian) source.CopyTo(MemoryMarshal.AsBytes(part.AsSpan()));
            else
                for (var k = 0; k < part.Length; k++)
                    part[k] = BinaryPrimitives.ReadDoubleLittleEndian(source[(k * sizeof(double))..]);
            parts[i] = part;
            at += source.Length;
        }
        return parts;
    }

    /// <summary>Writes the table's <paramref name="parts"/> to its file in <paramref name="folder"/>; false when it cannot (nothing is left behind).</summary>
    public static bool Write(string folder, double alpha, double beta, IReadOnlyList<double[]> parts)
    {
        var header = Header(alpha, beta, parts.Select(p => p.Length).ToArray());
        var payload = parts.Sum(p => p.Length) * sizeof(double);
        var bytes = new byte[header.Length + payload + HashLength];
        header.CopyTo(bytes, 0);
        var at = header.Length;
        foreach (var part in parts)
        {
            var target = bytes.AsSpan(at, part.Length * sizeof(double));
            if (BitConverter.IsLittleEndian) MemoryMarshal.AsBytes(part.AsSpan()).CopyTo(target);
            else
                for (var k = 0; k < part.Length; k++)
                    BinaryPrimitives.WriteDoubleLittleEndian(target[(k * sizeof(double))..], part[k]);
            at += target.Length;
        }
        SHA256.HashData(bytes.AsSpan(0, at), bytes.AsSpan(at));
        var path = PathOf(folder, alpha, beta);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                // nothing more to do: a stray temporary name is never read as a table
            }
            return false;
        }
    }

    /// <summary>Magic, build, α, β, the number of parts and each part's length.</summary>
    private static byte[] Header(double alpha, double beta, int[] lengths)
    {
        var header = new byte[Magic.Length + Build.Length + 2 * sizeof(double) + sizeof(int) * (1 + lengths.Length)];
        var span = header.AsSpan();
        Magic.CopyTo(span);
        span = span[Magic.Length..];
        Build.CopyTo(span);
        span = span[Build.Length..];
        BinaryPrimitives.WriteDoubleLittleEndian(span, alpha);
        BinaryPrimitives.WriteDoubleLittleEndian(span[8..], beta);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], lengths.Length);
        for (var i = 0; i < lengths.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(span[(20 + 4 * i)..], lengths[i]);
        return header;
    }
}
