using System.Text;

namespace Alibaba.ChipSim.Snapshots;

/// <summary>Reads, checks and (atomically) writes <c>SCENARIO.snapshot.json</c> files.</summary>
internal static class SnapshotStore
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Compares the committed snapshot at <paramref name="path"/> with <paramref name="fresh"/>, line by line (line endings aside).</summary>
    public static SnapshotCheck Check(string path, string fresh)
    {
        if (!File.Exists(path))
            return new SnapshotCheck(path, false, UnifiedDiff.Compute("", fresh, "/dev/null", path));
        var committed = File.ReadAllText(path, Utf8NoBom);
        return new SnapshotCheck(path, true, UnifiedDiff.Compute(committed, fresh, path, path + " (recomputed)"));
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
