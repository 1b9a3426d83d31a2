using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// Writes a run's files into an output folder, all or nothing: each file goes to a hidden temporary name in the
/// folder, and only when every one has been written are they moved into place. On an error or cancellation the
/// temporary files (and the folder, if this call created it and it is empty) are removed, so no partial file is left.
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
        IEnumerable<IRunFileWriter> writers, CancellationToken cancellationToken = default)
    {
        formats |= OutputFormats.Json; // summary.json is always written
        var selected = writers.Where(w => (w.Format & formats) != 0).ToList();
        var createdDirectory = !Directory.Exists(directory);
        Directory.CreateDirectory(directory);

        var staged = new List<(string Temporary, string Final)>();
        try
        {
            foreach (var writer in selected)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var final = Path.Combine(directory, writer.FileName);
                var temporary = Path.Combine(
                    directory, $".{writer.FileName}.{Environment.ProcessId}-{Interlocked.Increment(ref _sequence)}.tmp");
                staged.Add((temporary, final));
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    writer.Write(stream, result, summary, cancellationToken);
                    stream.Flush(flushToDisk: true);
                }
            }
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (temporary, final) in staged) File.Move(temporary, final, overwrite: true);
            return staged.Select(s => s.Final).ToList();
        }
        catch
        {
            foreach (var (temporary, _) in staged) TryDelete(temporary);
            if (createdDirectory) TryDeleteEmptyDirectory(directory);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the original error is the one worth reporting.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void TryDeleteEmptyDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path) && !Directory.EnumerateFileSystemEntries(path).Any()) Directory.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
