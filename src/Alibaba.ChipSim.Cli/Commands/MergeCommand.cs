using System.Collections.Immutable;
using System.CommandLine;
using Alibaba.ChipSim.Cli.Rendering;
using Alibaba.ChipSim.Cli.Running;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Output.Shards;
using Alibaba.ChipSim.Runs;
using Alibaba.ChipSim.Scenarios;
using Spectre.Console;

namespace Alibaba.ChipSim.Cli.Commands;

/// <summary>
/// <c>chipsim merge SHARD_DIR... --out DIR</c>: rebuilds a run from the shard folders of <c>run --shard</c> and writes
/// its files (summary.json, summary.csv, trials.csv / trials.parquet, quarters.csv), byte for byte those of the same run in one
/// process. Exit codes: 0 done; 1 the output cannot be written or memory runs out; 2 a missing, overlapping, foreign or
/// damaged shard (each named), or bad arguments; 130 interrupted.
/// </summary>
internal static class MergeCommand
{
    public static Command Build()
    {
        var shards = new Argument<string[]>("shards")
        {
            Description = "The shard folders (the --out of each run --shard), in any order; all M of one run.",
            Arity = ArgumentArity.OneOrMore,
        };
        OptionChecks.NoOptions(shards);
        var outDir = new Option<string>("--out") { Description = "Write the run's files to this folder.", Required = true };
        OptionChecks.NotEmpty(outDir);
        var format = new Option<string[]>("--format")
        {
            Description = "Files to write: csv (trials.csv, quarters.csv), parquet (trials.parquet), json (summary.json and summary.csv only). Repeatable; default csv. summary.json and summary.csv are always written.",
            AllowMultipleArgumentsPerToken = true,
        };
        format.AcceptOnlyFromAmong("csv", "parquet", "json");
        var sensitivity = new Option<bool>("--sensitivity") { Description = "Rank the uncertain inputs by their Spearman correlation with each headline output, as run --sensitivity." };
        var threads = new Option<int>("--threads") { Description = "Worker threads for the statistics, 0 = every core. Never changes the numbers.", DefaultValueFactory = _ => 0 };
        OptionChecks.Range(threads, 0, 1024);
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Only the summary table and errors." };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON (summary.json) on stdout instead of the table." };
        var streamAbove = new Option<long>("--stream-above")
        {
            Description = "With --format json alone, a run of more trials is summarised by streaming its shards back through exact statistics in chunks, in bounded memory, rather than a column at a time (the same summary.json).",
            DefaultValueFactory = _ => RunRequest.DefaultColumnTrialsLimit,
        };
        OptionChecks.Range(streamAbove, 0, long.MaxValue);
        var command = new Command("merge", "Combine the shard folders of run --shard into the run's files, identical to a one-process run.")
        {
            shards, outDir, format, sensitivity, threads, quiet, json, streamAbove,
        };
        command.SetAction(parse =>
        {
            var formats = parse.GetValue(format) is { Length: > 0 } f ? f.Distinct().ToImmutableArray() : ["csv"];
            var settings = new RunSettings(null, null, parse.GetValue(threads), parse.GetValue(outDir), formats, parse.GetValue(quiet), parse.GetValue(json))
            {
                Sensitivity = parse.GetValue(sensitivity),
                StreamAbove = parse.GetValue(streamAbove),
            };
            if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 120;
            return Execute(parse.GetValue(shards) ?? [], settings, AnsiConsole.Console, Console.Out, Console.Error);
        });
        return command;
    }

    public static int Execute(IReadOnlyList<string> folders, RunSettings settings, IAnsiConsole console, TextWriter output, TextWriter errors,
        CancellationToken stop = default)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stop);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            // A folder that cannot be written is found before the shards are read, not after.
            if (!RunOutput.CanWrite("merge", settings.OutDir!, errors)) return ExitCode.Failure;
            if (settings.Formats.All(f => f == "json") && !settings.Sensitivity)
                return SummaryOnly(folders, settings, console, output, errors, cancel.Token);
            var (run, problems) = ShardRuns.Merge(folders, settings.ToRequest(cancel.Token));
            if (run is null)
            {
                foreach (var e in problems) errors.WriteLine("merge: " + e);
                return ExitCode.InvalidInput;
            }
            return RunOutput.Finish([run], settings, console, output, errors, cancel.Token);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine(MessageText.Escape($"merge: {e.Message}"));
            return ExitCode.Failure;
        }
        catch (Engine.NoTrialMatchedException e)
        {
            // A run conditioned on history in which no trial of any shard has weight: as run fails in one process.
            return NoTrialMatched.Report("merge", e, errors);
        }
        catch (OperationCanceledException)
        {
            errors.WriteLine("merge: interrupted; nothing was written");
            return ExitCode.Interrupted;
        }
        catch (OutOfMemoryException)
        {
            errors.WriteLine("merge: not enough memory for the run's per-trial columns (as much as the run in one process needs)");
            return ExitCode.Failure;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>
    /// --format json alone: the summary from the shard files a column at a time or, above --stream-above trials, streamed back
    /// in chunks (docs/running-big.md, "Merge"); never the whole run in memory.
    /// </summary>
    private static int SummaryOnly(IReadOnlyList<string> folders, RunSettings settings, IAnsiConsole console, TextWriter output,
        TextWriter errors, CancellationToken cancel)
    {
        var merged = ShardRuns.Summarise(folders, settings.ToRequest(cancel));
        if (merged is not { Summary: { } summary, Scenario: { } scenario })
        {
            foreach (var e in merged.Errors) errors.WriteLine("merge: " + e);
            return ExitCode.InvalidInput;
        }
        IReadOnlyList<string> written;
        try
        {
            written = RunOutputWriter.WriteSummary(settings.OutDir!, summary, scenario, cancel);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RunOutput.CannotWrite("merge", settings.OutDir!, e, errors);
            return ExitCode.Failure;
        }
        return RunOutput.Print([summary], [scenario.Shipments.Deadline.ToString()],
            [$"Wrote {string.Join(", ", written.Select(Path.GetFileName))} to {settings.OutDir}"], settings, console, output, errors);
    }
}
