using System.Text;
using System.Text.Json;

namespace Alibaba.ChipSim.Snapshots;

/// <summary>Reads, checks and (atomically) writes <c>SCENARIO.snapshot.json</c> files.</summary>
internal static class SnapshotStore
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Compares the committed snapshot at <paramref name="path"/> with <paramref name="fresh"/>, line by line (line endings aside).</summary>
    /// <exception cref="InvalidDataException">When something other than a snapshot is there (see <see cref="ReadCommitted"/> and <see cref="Decode"/>).</exception>
    public static SnapshotCheck Check(string path, string fresh) => Compare(path, ReadCommitted(path), fresh);

    /// <summary>Compares <paramref name="committed"/>, the bytes read from <paramref name="path"/> (null: none), with <paramref name="fresh"/>.</summary>
    /// <exception cref="InvalidDataException">When <paramref name="committed"/> is not UTF-8 JSON (see <see cref="Decode"/>).</exception>
    public static SnapshotCheck Compare(string path, byte[]? committed, string fresh) => committed is null
        ? new SnapshotCheck(path, false, UnifiedDiff.Compute("", fresh, "/dev/null", path))
        : new SnapshotCheck(path, true, UnifiedDiff.Compute(Decode(path, committed), fresh, path, path + " (recomputed)"));

    /// <summary>
    /// The bytes of the committed snapshot at <paramref name="path"/>, or null when nothing is there (a link to nothing
    /// included: writing replaces it).
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// When something other than a regular file is where the snapshot belongs (a folder, a FIFO, a device, a link to one), or
    /// it cannot be read or is too large: the message names the path and what is there.
    /// </exception>
    public static byte[]? ReadCommitted(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path) || DanglingLink(path)) return null;
        return Scenarios.InputFile.ReadAllBytes(path, Output.SummaryJsonReader.MaxBytes, out var problem) ?? throw new InvalidDataException(problem);
    }

    private static bool DanglingLink(string path)
    {
        try
        {
            return File.ResolveLinkTarget(path, returnFinalTarget: true) is { Exists: false };
        }
        catch (IOException)
        {
            return false; // a loop of links: reading it says so
        }
    }

    /// <summary>The committed snapshot's text (a byte-order mark dropped).</summary>
    /// <exception cref="InvalidDataException">When it is not UTF-8 JSON: a damaged snapshot, named with the position of the first fault.</exception>
    public static string Decode(string path, byte[] committed)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(committed).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"{path}: byte {e.Index + 1} is not UTF-8 text: the snapshot is damaged; run `chipsim snapshot` to rewrite it");
        }
        try
        {
            using var _ = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            // The position only: the message of JsonException quotes the offending character.
            throw new InvalidDataException($"{path}:{e.LineNumber + 1}:{e.BytePositionInLine + 1}: not valid JSON: the snapshot is damaged; run `chipsim snapshot` to rewrite it");
        }
        return text;
    }

    /// <summary>Whether <paramref name="committed"/> (null: none) already holds <paramref name="fresh"/>, line endings aside; a damaged snapshot does not.</summary>
    public static bool UpToDate(string path, byte[]? committed, string fresh)
    {
        try
        {
            return Compare(path, committed, fresh).UpToDate;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Writes <paramref name="text"/> to a temp file beside <paramref name="path"/>, then moves it into place.</summary>
    public static void Write(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            File.WriteAllText(temp, text, Utf8NoBom);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
