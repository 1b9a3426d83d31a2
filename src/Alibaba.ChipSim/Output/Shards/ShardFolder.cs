using System.Collections.Immutable;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Runs.Shards;

namespace Alibaba.ChipSim.Output.Shards;

/// <summary>
/// Writes one shard of a run into a folder: <c>shard.bin</c> (<see cref="ShardFile"/>) and <c>scenario/</c> (a copy of
/// the scenario's files). <c>shard.bin</c> is written last, to a temporary name moved into place, so a folder holds a
/// shard exactly when it holds <c>shard.bin</c>; running a shard again into the same folder replaces it.
/// </summary>
public static class ShardFolder
{
    /// <summary>The header of <paramref name="result"/> as shard <paramref name="slice"/> of a run of <paramref name="trials"/> trials.</summary>
    public static ShardHeader HeaderOf(SimulationResult result, ShardSlice slice, long trials, string? scenarioFile)
    {
        var (first, count) = slice.Range(trials);
        if (count != result.Trials)
            throw new ArgumentException($"the result holds {result.Trials} trials; shard {slice} of {trials} holds {count}", nameof(result));
        return new ShardHeader(
            ShardFile.FormatVersion, EngineInfo.Name, result.Scenario.Name, result.Scenario.Sha256, scenarioFile,
            result.Seed, trials, slice.Count, slice.Index, first, count,
            [.. result.Numeric.Select(c => new ShardNumericColumn(c.Name, c.IsBinary, c.IsWholeNumber))],
            [.. result.Categorical.Select(c => new ShardCategoricalColumn(c.Name, c.Categories))],
            [.. result.Quarterly.Select(q => new ShardQuarterColumns(q.Metric, q.Quarters))],
            [.. result.Occupancy.Select(o => new ShardOccupancy(o.Actor, o.States, o.Start.ToString(), o.Months))]);
    }

    /// <summary>Writes the shard; returns the path of its <c>shard.bin</c>.</summary>
    /// <exception cref="IOException">The folder cannot be written, or the scenario's files changed during the run.</exception>
    public static string Write(string directory, SimulationResult result, ShardSlice slice, long trials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        var final = Path.Combine(directory, ShardFile.FileName);
        if (File.Exists(final)) File.Delete(final);

        var tag = $"{Environment.ProcessId}-{Guid.NewGuid():N}";
        var scenarioFolder = Path.Combine(directory, ScenarioCopy.Folder);
        var staged = Path.Combine(directory, $".{ScenarioCopy.Folder}.{tag}.tmp");
        var temporary = Path.Combine(directory, $".{ShardFile.FileName}.{tag}.tmp");
        try
        {
            var scenarioFile = ScenarioCopy.Save(result.Scenario, staged);
            if (Directory.Exists(scenarioFolder)) Directory.Delete(scenarioFolder, recursive: true);
            if (Directory.Exists(staged)) Directory.Move(staged, scenarioFolder);

            var header = HeaderOf(result, slice, trials, scenarioFile);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                ShardFile.Write(stream, header, result, cancellationToken);
                stream.Flush(flushToDisk: true);
            }
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temporary, final, overwrite: true);
            return final;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
            if (Directory.Exists(staged)) Directory.Delete(staged, recursive: true);
        }
    }
}
