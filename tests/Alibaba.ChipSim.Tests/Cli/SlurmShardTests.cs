using System.Globalization;
using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Cli.Running;
using Alibaba.ChipSim.Tests.Support;
using Spectre.Console.Testing;
using Xunit.Abstractions;

namespace Alibaba.ChipSim.Tests.Cli;

/// <summary>
/// A real Slurm job array (<c>.ci/slurm-up</c> starts a one-node cluster): four array tasks each run one shard with
/// <c>--shard auto/4</c>, and the merge gives the summary.json of the same run in one process, byte for byte; also
/// for a run conditioned on a <c>--history</c> file (weighted shards, the file copied into each shard folder).
/// </summary>
public sealed class SlurmShardTests(ITestOutputHelper log) : IDisposable
{
    private const long Trials = 20_001;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [SlurmFact]
    public void A_slurm_job_array_of_four_shards_merges_to_the_summary_of_one_process() =>
        ArrayMergesToOneProcess("fee-raised.yaml", null);

    [SlurmFact]
    public void A_slurm_job_array_of_a_run_conditioned_on_a_history_file_merges_to_the_weighted_summary_of_one_process() =>
        ArrayMergesToOneProcess("base.yaml", Path.Combine(RepoRoot.Scenarios, "history", "history-2026-06.yaml"));

    private void ArrayMergesToOneProcess(string scenarioFile, string? historyFile)
    {
        var chipsim = Path.Combine(AppContext.BaseDirectory, "chipsim");
        Assert.True(File.Exists(chipsim), $"the built chipsim is not beside the tests ({chipsim})");
        var scenario = Path.Combine(RepoRoot.Scenarios, scenarioFile);
        var name = Path.GetFileNameWithoutExtension(scenarioFile);
        var history = historyFile is null ? "" : $" --history \"{historyFile}\"";
        var dir = _temp.Path;
        var script = Path.Combine(dir, "shards.sbatch");
        File.WriteAllText(script, string.Create(CultureInfo.InvariantCulture, $"""
            #!/bin/bash
            #SBATCH --job-name=chipsim-shards
            #SBATCH --array=0-3
            #SBATCH --ntasks=1
            #SBATCH --cpus-per-task=1
            #SBATCH --time=10
            #SBATCH --output={dir}/slurm-%A_%a.out
            set -euo pipefail
            exec "{chipsim}" run "{scenario}" --trials {Trials} --seed 7 --threads 1 --shard auto/4{history} --out "{dir}/shard-$SLURM_ARRAY_TASK_ID"

            """));

        var (code, output, error) = Slurm.Run("sbatch", ["--wait", script], dir, TimeSpan.FromMinutes(5));
        var taskLogs = Directory.GetFiles(dir, "slurm-*.out").Order().Select(f => $"{Path.GetFileName(f)}: {File.ReadAllText(f).Trim()}").ToList();
        log.WriteLine($"$ sbatch --wait shards.sbatch  (exit {code})\n{output.Trim()}{error.Trim()}");
        foreach (var line in taskLogs) log.WriteLine(line);
        Assert.True(code == 0, $"sbatch --wait exited {code}: {error}\n{string.Join("\n", taskLogs)}");
        Assert.Equal(4, taskLogs.Count);
        for (var k = 0; k < 4; k++) Assert.Contains(taskLogs, l => l.Contains($"Wrote shard {k}/4 of {name}", StringComparison.Ordinal));

        using var console = new TestConsole().Width(160);
        var errors = new StringWriter();
        var merged = Path.Combine(dir, "merged");
        var settings = new RunSettings(Trials, 7, 2, merged, ["json"], Quiet: true, Json: false);
        if (historyFile is not null) Assert.True(File.Exists(Path.Combine(dir, "shard-0", "history", Path.GetFileName(historyFile))));
        Assert.Equal(0, MergeCommand.Execute([.. Enumerable.Range(0, 4).Select(k => Path.Combine(dir, $"shard-{k}"))], settings, console, TextWriter.Null, errors));
        Assert.Equal("", errors.ToString());
        var single = Path.Combine(dir, "single");
        Assert.Equal(0, RunCommand.Execute([scenario], settings with { OutDir = single, HistoryFile = historyFile }, console, TextWriter.Null, errors, outputRedirected: true));

        var expected = File.ReadAllBytes(Path.Combine(single, "summary.json"));
        var actual = File.ReadAllBytes(Path.Combine(merged, "summary.json"));
        log.WriteLine($"merged summary.json: {actual.Length} bytes; one-process summary.json: {expected.Length} bytes; identical: {expected.AsSpan().SequenceEqual(actual)}");
        Assert.True(expected.AsSpan().SequenceEqual(actual), "the merged summary.json differs from the one-process run's");
    }
}
