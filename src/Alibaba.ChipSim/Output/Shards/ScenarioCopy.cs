using System.Security.Cryptography;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Output.Shards;

/// <summary>
/// A copy of the scenario's files (the file and every file it extends, in their folder layout) inside a shard folder,
/// so that a merge can rebuild the scenario (for <c>--sensitivity</c>) wherever the shards are taken, and check by the
/// hash that it is the scenario the shard ran. The embedded base scenario is not copied: the engine carries it.
/// </summary>
internal static class ScenarioCopy
{
    public const string Folder = "scenario";

    /// <summary>The shard folder's copy of the history file of <c>--history FILE</c>.</summary>
    public const string HistoryFolder = "history";

    /// <summary>
    /// For a scenario conditioned on <c>--history FILE</c>: copies that file into <paramref name="target"/> under its own
    /// name, after checking that it still hashes as it did when it was read. Nothing for a scenario that holds its history.
    /// </summary>
    /// <exception cref="IOException">When the history file changed or went away since it was read.</exception>
    public static void SaveHistory(Scenario scenario, string target)
    {
        if (scenario.History is not { File: { } name, Sha256: { } sha256 } history) return;
        var path = history.Location.File;
        var bytes = File.Exists(path) ? File.ReadAllBytes(path) : null;
        if (bytes is null || Convert.ToHexStringLower(SHA256.HashData(bytes)) != sha256)
            throw new IOException($"the history file {path} changed or went away while the shard ran; run the shard again");
        Directory.CreateDirectory(target);
        File.WriteAllBytes(Path.Combine(target, name), bytes);
    }

    /// <summary>
    /// Copies the files into <paramref name="target"/>; returns the main file's path relative to the shard folder, or null
    /// for the embedded base scenario.
    /// </summary>
    /// <exception cref="IOException">When the files on disk no longer hash to the scenario's hash.</exception>
    public static string? Save(Scenario scenario, string target)
    {
        var files = new List<(string Full, byte[] Bytes)>();
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            foreach (var f in scenario.SourceFiles)
            {
                var full = Path.GetFullPath(f);
                if (!File.Exists(full)) return Embedded(scenario);
                var bytes = File.ReadAllBytes(full);
                hash.AppendData(bytes);
                files.Add((full, bytes));
            }
            if (files.Count == 0 || Convert.ToHexStringLower(hash.GetHashAndReset()) != scenario.Sha256) return Embedded(scenario);
        }

        var root = Path.GetDirectoryName(files[0].Full)!;
        foreach (var (full, _) in files)
            while (!full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                root = Path.GetDirectoryName(root) ?? throw new IOException($"the scenario's files {files[0].Full} and {full} share no folder");
        Directory.CreateDirectory(target);
        foreach (var (full, bytes) in files)
        {
            var copy = Path.Combine(target, Path.GetRelativePath(root, full));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.WriteAllBytes(copy, bytes);
        }
        return Path.Combine(Folder, Path.GetRelativePath(root, files[0].Full)).Replace('\\', '/');
    }

    private static string? Embedded(Scenario scenario)
    {
        if (ScenarioLoader.LoadEmbeddedBase().Scenario?.Sha256 == scenario.Sha256) return null;
        throw new IOException($"the files of scenario '{scenario.Name}' ({string.Join(", ", scenario.SourceFiles)}) changed or went away while it ran; run the shard again");
    }

    /// <summary>The scenario of a shard folder, or null with the reason.</summary>
    public static Scenario? Load(string shardFolder, ShardHeader header, out string? error)
    {
        error = null;
        if (header.ScenarioFile is { } copy)
        {
            var inside = Path.GetFullPath(Path.Combine(shardFolder, Folder)) + Path.DirectorySeparatorChar;
            if (!Path.GetFullPath(Path.Combine(shardFolder, copy)).StartsWith(inside, StringComparison.Ordinal))
            {
                error = $"its header's scenario_file is not inside its {Folder}/ folder, where a shard keeps its copy of the scenario";
                return null;
            }
        }
        var named = header.ScenarioFile is null ? "the embedded base" : ShardHeader.Shown(header.ScenarioFile);
        var result = header.ScenarioFile is null
            ? ScenarioLoader.LoadEmbeddedBase()
            : ScenarioLoader.Load(Path.Combine(shardFolder, header.ScenarioFile));
        if (result.Scenario is null)
        {
            var first = result.Diagnostics.FirstOrDefault()?.ToString() ?? "no scenario";
            error = $"its copy of the scenario ({named}) does not load: {first}";
            return null;
        }
        if (result.Scenario.Sha256 != header.ScenarioSha256)
        {
            error = $"its copy of the scenario ({named}) hashes to {result.Scenario.Sha256}, not to the header's {ShardHeader.Shown(header.ScenarioSha256)}";
            return null;
        }
        if (result.Scenario.Name != header.Scenario)
        {
            error = $"its header names scenario '{ShardHeader.Shown(header.Scenario)}', but its copy of the scenario ({named}) is '{result.Scenario.Name}'";
            return null;
        }
        if (header.History is { File: { } historyFile, Sha256: { } historySha })
        {
            var copyPath = Path.Combine(shardFolder, HistoryFolder, historyFile);
            if (!File.Exists(copyPath))
            {
                error = $"its header says the run was conditioned on --history {ShardHeader.Shown(historyFile)}, but the folder holds no {HistoryFolder}/{ShardHeader.Shown(historyFile)}";
                return null;
            }
            var applied = Scenarios.History.HistoryFile.Apply(copyPath, result.Scenario);
            if (applied.Scenario is null)
            {
                error = $"its copy of the history file ({HistoryFolder}/{ShardHeader.Shown(historyFile)}) does not load: {applied.Diagnostics.FirstOrDefault()?.ToString() ?? "no history"}";
                return null;
            }
            if (applied.Scenario.History!.Sha256 != historySha)
            {
                error = $"its copy of the history file ({HistoryFolder}/{ShardHeader.Shown(historyFile)}) hashes to {applied.Scenario.History.Sha256}, not to the header's {ShardHeader.Shown(historySha)}";
                return null;
            }
            return applied.Scenario;
        }
        return result.Scenario;
    }
}
