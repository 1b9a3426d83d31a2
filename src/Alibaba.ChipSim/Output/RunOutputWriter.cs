using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// Writes runs' files into output folders, all or nothing. Every folder is checked for writability first; each file
/// goes to a hidden temporary name carrying this process's id (<c>.trials.csv.&lt;pid&gt;-&lt;n&gt;.tmp</c>); only when every
/// file of every folder has been written are they renamed into place, the files they replace set aside first, so that
/// a failed rename puts every folder back as it was. On an error or cancellation the temporary files (and folders this
/// call created) are removed. Temporary files left by processes that no longer run (killed mid-write) are removed too.
/// </summary>
public static class RunOutputWriter
{
    private static long _sequence;

    /// <summary>Writes <c>summary.json</c> and the files <paramref name="formats"/> selects; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(
        string directory, SimulationResult result, RunSummary summary, OutputFormats formats = OutputFormats.Default,
        CancellationToken cancellationToken = default) =>
        Write(directory, result, summary, formats, RunFileWriters.All, cancellationToken);

    /// <summary>As above, with an explicit list of file writers (the extension point, and a seam for tests).</summary>
    public static IReadOnlyList<string> Write(
        string directory, SimulationResult result, RunSummary summary, OutputFormats formats,
        IEnumerable<IRunFileWriter> writers, CancellationToken cancellationToken = default) =>
        WriteAll([new RunOutputFolder(directory, result, summary)], formats, writers, cancellationToken)[0];

    /// <summary>Writes several runs, each into its own folder, all or nothing across the folders.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> WriteAll(
        IReadOnlyList<RunOutputFolder> folders, OutputFormats formats, IEnumerable<IRunFileWriter> writers,
        CancellationToken cancellationToken = default)
    {
        formats |= OutputFormats.Json; // summary.json is always written
        var all = writers.ToList();
        var selected = all.Where(w => (w.Format & formats) != 0).ToList();
        var files = folders.Select(f => new FolderFiles(f.Directory,
            [.. selected.Select(w => new FileToWrite(w.FileName, (stream, cancel) => w.Write(stream, f.Result, f.Summary, cancel)))])).ToList();
        return Stage(files, [.. all.Select(w => w.FileName)], cancellationToken);
    }

    /// <summary>
    /// Writes the files of <see cref="OutputFormats.Json"/> (<c>summary.json</c> and <c>summary.csv</c>, byte for byte
    /// those of a run with <c>--format json</c>) from a summary alone, for a merge that holds no columns; all or
    /// nothing, and an earlier run's files set aside, as <see cref="WriteAll"/> does. Returns the paths written.
    /// </summary>
    public static IReadOnlyList<string> WriteSummary(string directory, RunSummary summary, Scenario? scenario,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        FileToWrite[] files =
        [
            new(new SummaryJsonWriter().FileName, (stream, _) => SummaryJsonWriter.Write(stream, summary)),
            new(new SummaryCsvWriter().FileName, (stream, _) => SummaryCsvWriter.Write(stream, summary, scenario)),
        ];
        return Stage([new FolderFiles(directory, files)], [.. RunFileWriters.All.Select(w => w.FileName)], cancellationToken)[0];
    }

    private sealed record FileToWrite(string FileName, Action<Stream, CancellationToken> Write);

    private sealed record FolderFiles(string Directory, IReadOnlyList<FileToWrite> Files);

    /// <summary>
    /// Stages every folder's files, then sets aside each file of <paramref name="allFileNames"/> already there and moves
    /// the new ones in; any failure undoes every step.
    /// </summary>
    private static IReadOnlyList<IReadOnlyList<string>> Stage(IReadOnlyList<FolderFiles> folders, IReadOnlyList<string> allFileNames,
        CancellationToken cancellationToken)
    {
        foreach (var f in folders) CheckWritable(f.Directory);

        var created = new List<string>();
        var perFolder = folders.Select(_ => new List<string>()).ToList();
        var staged = new List<(string Temporary, string Final)>();
        var setAside = new List<(string Original, string Backup)>();
        var moved = new List<string>();
        try
        {
            for (var i = 0; i < folders.Count; i++)
            {
                var folder = folders[i];
                for (var d = Path.GetFullPath(folder.Directory); d is not null && !Directory.Exists(d); d = Path.GetDirectoryName(d))
                    created.Insert(0, d);
                Directory.CreateDirectory(folder.Directory);
                RemoveStaleTemporaries(folder.Directory);
                foreach (var file in folder.Files)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var temporary = TemporaryName(folder.Directory, file.FileName, "tmp");
                    staged.Add((temporary, Path.Combine(folder.Directory, file.FileName)));
                    perFolder[i].Add(Path.Combine(folder.Directory, file.FileName));
                    using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                    file.Write(stream, cancellationToken);
                    stream.Flush(flushToDisk: true);
                }
            }
            cancellationToken.ThrowIfCancellationRequested();

            // Set aside every file of an earlier run (also the formats not written this time, so that a folder never
            // mixes two runs), then move the new files in. Any failure undoes both steps.
            foreach (var folder in folders)
                foreach (var name in allFileNames)
                {
                    var original = Path.Combine(folder.Directory, name);
                    if (!File.Exists(original)) continue;
                    var backup = TemporaryName(folder.Directory, name, "old");
                    File.Move(original, backup);
                    setAside.Add((original, backup));
                }
            foreach (var (temporary, final) in staged)
            {
                File.Move(temporary, final);
                moved.Add(final);
            }
            foreach (var (_, backup) in setAside) TryDelete(backup);
            return perFolder;
        }
        catch
        {
            foreach (var final in moved) TryDelete(final);
            foreach (var (original, backup) in setAside) TryMove(backup, original);
            foreach (var (temporary, _) in staged) TryDelete(temporary);
            for (var i = created.Count - 1; i >= 0; i--) TryDeleteEmptyDirectory(created[i]);
            throw;
        }
    }

    /// <summary>
    /// Throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when files cannot be created in
    /// <paramref name="directory"/> (or, when it does not exist yet, in its nearest existing parent). Leaves nothing behind.
    /// </summary>
    public static void CheckWritable(string directory)
    {
        if (string.IsNullOrWhiteSpace(directory)) throw new IOException("the output folder name is empty");
        var existing = Path.GetFullPath(directory);
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing)) throw new IOException($"{existing} is a file, not a folder");
            existing = Path.GetDirectoryName(existing) ?? throw new IOException($"no existing parent folder of {directory}");
        }
        var probe = TemporaryName(existing, "write-check", "tmp");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The probe's hidden name means nothing to the user: the message names the folder and why.
            var why = e switch
            {
                UnauthorizedAccessException => "permission denied",
                FileNotFoundException or DirectoryNotFoundException => "it does not take new files",
                _ => e.Message.Replace(probe, existing, StringComparison.Ordinal),
            };
            throw new IOException($"files cannot be created in {existing} ({why})", e);
        }
    }

    /// <summary>The hidden name a file is staged under: <c>.NAME.PID-N.KIND</c>, so that a later run can tell whose it is.</summary>
    internal static string TemporaryName(string directory, string fileName, string kind) =>
        Path.Combine(directory, $".{fileName}.{Environment.ProcessId}-{Interlocked.Increment(ref _sequence)}.{kind}");

    /// <summary>Removes <c>.NAME.PID-N.tmp</c> (and <c>.old</c>) files whose process is gone (killed with SIGKILL, a power cut).</summary>
    internal static void RemoveStaleTemporaries(string directory)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(directory, ".*.*").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var path in candidates)
            if (OwnerPid(Path.GetFileName(path)) is { } pid && pid != Environment.ProcessId && !IsAlive(pid)) TryDelete(path);
    }

    /// <summary>The pid in <c>.NAME.PID-N.tmp</c>, or null for a name chipsim did not make.</summary>
    internal static int? OwnerPid(string fileName)
    {
        if (!fileName.StartsWith('.') || !(fileName.EndsWith(".tmp", StringComparison.Ordinal) || fileName.EndsWith(".old", StringComparison.Ordinal))) return null;
        var stem = fileName[..^4];
        var dot = stem.LastIndexOf('.');
        var dash = stem.LastIndexOf('-');
        if (dot < 0 || dash < dot) return null;
        return int.TryParse(stem.AsSpan(dot + 1, dash - dot - 1), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var pid) && long.TryParse(stem.AsSpan(dash + 1),
            System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _) ? pid : null;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryMove(string from, string to)
    {
        try
        {
            File.Move(from, to, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original error is the one worth reporting.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original error is the one worth reporting.
        }
    }

    private static void TryDeleteEmptyDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path) && !Directory.EnumerateFileSystemEntries(path).Any()) Directory.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
