using System.Collections.Immutable;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Runs.Shards;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Output.Shards;

/// <summary>
/// Writes one shard of a run into a folder: <c>shard.bin</c> (<see cref="ShardFile"/>), <c>scenario/</c> (a copy of
/// the scenario's files) and, for a run conditioned on <c>--history FILE</c>, <c>history/</c> (a copy of that file). <c>shard.bin</c> is written last, to a temporary name moved into place, so a folder holds a
/// shard exactly when it holds <c>shard.bin</c>; running a shard again into the same folder replaces it.
/// </summary>
public static class ShardFolder
{
    /// <summary>The header of <paramref name="result"/> as shard <paramref name="slice"/> of a run of <paramref name="trials"/> trials.</summary>
    /// <param name="checkCount">False for a layout whose columns are not the shard's trials (a streamed shard's chunk buffers).</param>
    public static ShardHeader HeaderOf(SimulationResult result, ShardSlice slice, long trials, string? scenarioFile, bool checkCount = true)
    {
        var (first, count) = slice.Range(trials);
        if (checkCount && count != result.Trials)
            throw new ArgumentException($"the result holds {result.Trials} trials; shard {slice} of {trials} holds {count}", nameof(result));
        return new ShardHeader(
            ShardFile.FormatVersion, EngineInfo.Name, result.Scenario.Name, result.Scenario.Sha256, scenarioFile,
            result.Seed, trials, slice.Count, slice.Index, first, count,
            [.. result.Numeric.Select(c => new ShardNumericColumn(c.Name, c.IsBinary, c.IsWholeNumber))],
            [.. result.Categorical.Select(c => new ShardCategoricalColumn(c.Name, c.Categories))],
            [.. result.Quarterly.Select(q => new ShardQuarterColumns(q.Metric, q.Quarters))],
            [.. result.Occupancy.Select(o => new ShardOccupancy(o.Actor, o.States, o.Start.ToString(), o.Months))],
            result.Scenario.History is { } history
                ? new ShardHistory(result.ObservationMatches.Length - 1, history.File, history.Sha256)
                : null);
    }

    /// <summary>Writes the shard; returns the path of its <c>shard.bin</c>.</summary>
    /// <exception cref="IOException">The folder cannot be written, or the scenario's files changed during the run.</exception>
    public static string Write(string directory, SimulationResult result, ShardSlice slice, long trials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Write(directory, result.Scenario, (temporary, scenarioFile) =>
        {
            var header = HeaderOf(result, slice, trials, scenarioFile);
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
            ShardFile.Write(stream, header, result, cancellationToken);
            stream.Flush(flushToDisk: true);
        }, cancellationToken);
    }

    /// <summary>
    /// Simulates shard <paramref name="slice"/> of a run of <paramref name="trials"/> trials and writes it chunk by chunk
    /// (<see cref="ShardStreamWriter"/>): the same <c>shard.bin</c>, byte for byte, as simulating its columns and
    /// <see cref="Write(string, SimulationResult, ShardSlice, long, CancellationToken)"/>, in memory that does not grow with
    /// the shard's trials. Returns the path of its <c>shard.bin</c>.
    /// </summary>
    /// <exception cref="IOException">The folder cannot be written, or the scenario's files changed during the run.</exception>
    /// <exception cref="OperationCanceledException">When the token fires (nothing is left behind).</exception>
    public static string WriteStreamed(string directory, Scenario scenario, long trials, ulong seed, ShardSlice slice, int threads,
        CancellationToken cancellationToken = default) =>
        WriteStreamed(directory, scenario, trials, seed, slice, threads, cancellationToken, SimulationEngine.ChunkSize);

    /// <param name="chunkSize">Trials per chunk (tests make it small to write many chunks).</param>
    internal static string WriteStreamed(string directory, Scenario scenario, long trials, ulong seed, ShardSlice slice, int threads,
        CancellationToken cancellationToken, int chunkSize)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Write(directory, scenario, (temporary, scenarioFile) =>
            ShardStreamWriter.Write(temporary, scenario, trials, seed, slice, threads, scenarioFile, cancellationToken, chunkSize), cancellationToken);
    }

    /// <summary>
    /// The folder's steps around the shard file: the scenario's copy staged, the file written by <paramref name="writeFile"/>
    /// (to the temporary path it is given, with the scenario file's name in the copy), then the copy and the file moved into
    /// place, <c>shard.bin</c> last. On any failure (an interrupted simulation included) the temporary file and copy are
    /// removed, and so is the folder if this call created it: nothing is left behind.
    /// </summary>
    private static string Write(string directory, Scenario scenario, Action<string, string?> writeFile, CancellationToken cancellationToken)
    {
        var created = !Directory.Exists(directory);
        Directory.CreateDirectory(directory);
        var final = Path.Combine(directory, ShardFile.FileName);
        var tag = $"{Environment.ProcessId}-{Guid.NewGuid():N}";
        var scenarioFolder = Path.Combine(directory, ScenarioCopy.Folder);
        var staged = Path.Combine(directory, $".{ScenarioCopy.Folder}.{tag}.tmp");
        var historyFolder = Path.Combine(directory, ScenarioCopy.HistoryFolder);
        var stagedHistory = Path.Combine(directory, $".{ScenarioCopy.HistoryFolder}.{tag}.tmp");
        var temporary = Path.Combine(directory, $".{ShardFile.FileName}.{tag}.tmp");
        var done = false;
        try
        {
            var scenarioFile = ScenarioCopy.Save(scenario, staged);
            ScenarioCopy.SaveHistory(scenario, stagedHistory);
            writeFile(temporary, scenarioFile);
            cancellationToken.ThrowIfCancellationRequested();
            if (File.Exists(final)) File.Delete(final);
            if (Directory.Exists(scenarioFolder)) Directory.Delete(scenarioFolder, recursive: true);
            if (Directory.Exists(historyFolder)) Directory.Delete(historyFolder, recursive: true);
            if (Directory.Exists(staged)) Directory.Move(staged, scenarioFolder);
            if (Directory.Exists(stagedHistory)) Directory.Move(stagedHistory, historyFolder);
            File.Move(temporary, final, overwrite: true);
            done = true;
            return final;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
            if (Directory.Exists(staged)) Directory.Delete(staged, recursive: true);
            if (Directory.Exists(stagedHistory)) Directory.Delete(stagedHistory, recursive: true);
            if (!done && created && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any()) Directory.Delete(directory);
        }
    }
}
