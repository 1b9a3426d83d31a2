using System.Globalization;
using Alibaba.ChipSim.Output.Shards;
using Alibaba.ChipSim.Runs;
using Alibaba.ChipSim.Runs.Shards;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Cli.Running;

/// <summary>
/// <c>run --shard</c>: simulates one slice of the run's trials (the same draws the whole run makes for them) and writes
/// a shard folder for <c>chipsim merge</c>. The summary, sensitivity and the per-trial files come from the merge. A shard of
/// more than <c>--stream-above</c> trials keeps no columns: it writes its file as it simulates (docs/running-big.md, "Shards").
/// </summary>
internal static class ShardRun
{
    public static int Execute(IReadOnlyList<Scenario> scenarios, RunSettings settings, ShardRequest request, TextWriter output,
        TextWriter errors, Func<string, string?> environment, CancellationToken cancel)
    {
        string? problem = null;
        if (settings.OutDir is null) problem = "--shard writes a shard folder: give --out DIR (then chipsim merge DIR... --out RESULT)";
        else if (scenarios.Count != 1) problem = "--shard runs one scenario; submit one job array per scenario";
        else if (settings.UntilSe is not null) problem = "--shard needs a fixed trial count (--trials N); --until-se chooses it as it goes";
        else if (settings.Sensitivity) problem = "--sensitivity is computed from all the trials: give it to chipsim merge instead";
        else if (settings.FormatsGiven)
            // A shard writes shard.bin and nothing else; the files are the merge's (csv, parquet, json; no xlsx).
            problem = settings.Formats.Contains("xlsx")
                ? "--format xlsx: a shard writes only shard.bin, and chipsim merge writes csv, parquet or json, not run.xlsx; leave --format out of run --shard"
                : "--format chooses the files chipsim merge writes (a shard writes only shard.bin): give it to chipsim merge instead";
        if (problem is not null)
        {
            errors.WriteLine("run: " + problem);
            return ExitCode.InvalidInput;
        }

        var set = RunSet.For(scenarios, settings.ToRequest(cancel));
        var (trials, seed) = (set.Trials, set.Seed);
        if (request.Resolve(environment, trials, out var error) is not { } slice)
        {
            errors.WriteLine("run: " + error);
            return ExitCode.InvalidInput;
        }
        var (first, count) = slice.Range(trials);
        try
        {
            // Above --stream-above trials the shard is simulated and written chunk by chunk (bounded memory, the same file).
            if (count > settings.StreamAbove) ShardFolder.WriteStreamed(settings.OutDir!, scenarios[0], trials, seed, slice, settings.Threads, cancel);
            else ShardFolder.Write(settings.OutDir!, ShardPipeline.Simulate(scenarios[0], trials, seed, slice, settings.Threads, cancel), slice, trials, cancel);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"run: cannot write the shard to {settings.OutDir}: {e.Message}");
            return ExitCode.Failure;
        }
        if (!settings.Quiet && !settings.Json)
            // Plain text, not the console: a scheduler's log file should get one unwrapped line per shard.
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote shard {slice} of {scenarios[0].Name} (trials {first}-{first + count - 1} of {trials}, seed {seed}) to {settings.OutDir}"));
        return ExitCode.Ok;
    }
}
