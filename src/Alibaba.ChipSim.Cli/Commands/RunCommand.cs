using System.Collections.Immutable;
using System.CommandLine;
using Alibaba.ChipSim.Cli.Running;
using Alibaba.ChipSim.Runs;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics.Convergence;
using Spectre.Console;

namespace Alibaba.ChipSim.Cli.Commands;

/// <summary>
/// <c>chipsim run [SCENARIO.yaml ...]</c>: simulate, write the output files, print the summary.
/// Exit codes: 0 done; 1 runtime failure (e.g. the output folder cannot be written); 2 invalid scenario
/// or arguments; 130 interrupted by SIGINT (Ctrl-C), SIGTERM or SIGHUP (the run stops cleanly; no file is left behind).
/// </summary>
internal static class RunCommand
{
    /// <summary>Shown on stderr (with the progress bar) once the trials are done and the statistics start.</summary>
    public const string ComputingStatistics = "Computing statistics…";

    /// <summary>What a streamed run conditioned on history says when its bar is full: its weighted statistics take further passes.</summary>
    public const string ComputingWeightedStatistics =
        "Computing statistics… (conditioned on history and streamed: about three more passes over the trials, each as long as the bar took)";

    public static Command Build()
    {
        var scenarios = new Argument<string[]>("scenario")
        {
            Description = "Scenario YAML files (default: the embedded base scenario). Several are run at the same seed and shown side by side.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        OptionChecks.NoOptions(scenarios);
        var trials = new Option<long?>("--trials") { Description = "Number of trials (default: simulation.trials of the first scenario)." };
        OptionChecks.Range(trials, TrialLimits.Min, TrialLimits.Max);
        var seed = new Option<ulong?>("--seed") { Description = "Random seed (default: simulation.seed of the first scenario)." };
        var threads = new Option<int>("--threads") { Description = "Worker threads, 0 = every core. Never changes the numbers.", DefaultValueFactory = _ => 0 };
        OptionChecks.Range(threads, 0, 1024);
        var outDir = new Option<string?>("--out") { Description = "Write summary.json and the per-trial tables to this folder (DIR/<scenario name>/ with several scenarios)." };
        OptionChecks.NotEmpty(outDir);
        var format = new Option<string[]>("--format")
        {
            Description = "Files to write with --out: csv (trials.csv, quarters.csv), parquet (trials.parquet), xlsx (run.xlsx), json (summary.json and summary.csv only). Repeatable; default csv. summary.json and summary.csv are always written.",
            AllowMultipleArgumentsPerToken = true,
        };
        format.AcceptOnlyFromAmong("csv", "parquet", "xlsx", "json");
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar and no messages: only the summary table and errors." };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON (summary.json) on stdout instead of the table." };
        var sensitivity = new Option<bool>("--sensitivity") { Description = "Rank the uncertain inputs by their Spearman correlation with each headline output (table; 'sensitivity' in summary.json)." };
        var untilSe = new Option<string?>("--until-se") { Description = "METRIC=VALUE: run batches until the standard error of the metric's mean is at most VALUE (replaces --trials)." };
        var maxTrials = new Option<long>("--max-trials") { Description = "The most trials --until-se may run.", DefaultValueFactory = _ => ConvergenceRequest.DefaultMaxTrials };
        OptionChecks.Range(maxTrials, TrialLimits.Min, TrialLimits.Max);
        var batchTrials = new Option<int>("--batch-trials") { Description = "Trials per batch of --until-se.", DefaultValueFactory = _ => ConvergenceRequest.DefaultBatchTrials };
        OptionChecks.Range(batchTrials, 1, Array.MaxLength);
        var shard = new Option<string?>("--shard")
        {
            Description = "K/M or auto/M: run only the K-th (from 0) of M equal slices of the trials into the shard folder --out; "
                + "auto reads K from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX. Combine the shards with chipsim merge.",
        };
        shard.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
                if (ShardRequest.TryParse(token.Value, out var error) is null) r.AddError(error!);
        });
        var target = new Option<string[]>("--target")
        {
            Description = "METRIC<X or METRIC>X: report P(metric < X) or P(metric > X) with a 95% Wilson interval (table, summary.json, summary.csv). Repeatable; adds to the scenario's targets:.",
        };
        target.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
                if (Scenarios.TargetSpec.TryParse(token.Value, out var error) is null) r.AddError(error!);
        });
        var streamAbove = new Option<long>("--stream-above")
        {
            Description = "A run that writes no per-trial file (no --out, or --format json) keeps no per-trial columns above this many trials: its trials stream past exact statistics in chunks, in bounded memory (the same summary.json).",
            DefaultValueFactory = _ => RunRequest.DefaultColumnTrialsLimit,
        };
        OptionChecks.Range(streamAbove, 0, long.MaxValue);
        var history = new Option<string?>("--history") { Description = "A history file (history: as_of, actors, shipments, revenue) to condition every scenario on, replacing its own: weighted trials (docs/history.md)." };
        untilSe.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
                if (SeTarget.TryParse(token.Value, out var error) is null) r.AddError(error!);
        });

        var allowOutside = ScenarioInput.AllowExtendsOutsideOption();
        var command = new Command("run", "Simulate scenarios and print a summary table (or JSON); optionally write the output files.")
        {
            scenarios, trials, seed, threads, outDir, format, quiet, json, sensitivity, untilSe, maxTrials, batchTrials, allowOutside, shard, target, history, streamAbove,
        };
        command.SetAction(parse =>
        {
            var given = parse.GetValue(format) is { Length: > 0 };
            var formats = given ? parse.GetValue(format)!.Distinct().ToImmutableArray() : ["csv"];
            var settings = new RunSettings(parse.GetValue(trials), parse.GetValue(seed), parse.GetValue(threads),
                parse.GetValue(outDir), formats, parse.GetValue(quiet), parse.GetValue(json))
            {
                Sensitivity = parse.GetValue(sensitivity),
                MaxTrials = parse.GetValue(maxTrials),
                BatchTrials = parse.GetValue(batchTrials),
                HistoryFile = parse.GetValue(history),
                UntilSe = parse.GetValue(untilSe) is { } text ? SeTarget.TryParse(text, out _) : null,
                Shard = parse.GetValue(shard) is { } k ? ShardRequest.TryParse(k, out _) : null,
                FormatsGiven = given,
                StreamAbove = parse.GetValue(streamAbove),
                Targets = [.. (parse.GetValue(target) ?? []).Select(t => Scenarios.TargetSpec.TryParse(t, out _)!)],
            };
            Rendering.WarmUp.Start(table: true);
            // Redirected output has no window width; Spectre would assume 80 columns and wrap every label.
            if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 120;
            return Execute(parse.GetValue(scenarios) ?? [], settings, AnsiConsole.Console, Console.Out, Console.Error, Console.IsOutputRedirected,
                allowExtendsOutside: parse.GetValue(allowOutside));
        });
        return command;
    }

    /// <summary>Runs the command; <paramref name="stop"/> (besides SIGINT, SIGTERM and SIGHUP) interrupts it the same way.</summary>
    public static int Execute(IReadOnlyList<string> paths, RunSettings settings, IAnsiConsole console, TextWriter output,
        TextWriter errors, bool outputRedirected, CancellationToken stop = default, bool allowExtendsOutside = false)
    {
        if (settings.OutDir is null && (settings.FormatsGiven || settings.Formats.Any(f => f != "csv")))
        {
            errors.WriteLine("run: --format chooses the files written with --out; give --out DIR as well");
            return ExitCode.InvalidInput;
        }
        if (settings.UntilSe is not null && settings.Trials is not null)
        {
            errors.WriteLine("run: --until-se chooses the number of trials; leave out --trials (cap it with --max-trials)");
            return ExitCode.InvalidInput;
        }
        var scenarios = ScenarioInput.LoadAll(paths, errors, allowExtendsOutside: allowExtendsOutside);
        if (scenarios is null) return ExitCode.InvalidInput;
        foreach (var t in settings.Targets)
            foreach (var s in scenarios)
                if (Scenarios.TargetMetrics.Problem(t.Metric, s) is { } problem)
                {
                    errors.WriteLine(MessageText.Escape($"run: --target '{t.Text}': {problem}"));
                    return ExitCode.InvalidInput;
                }
        if (settings.HistoryFile is { } historyFile)
        {
            scenarios = ScenarioInput.WithHistory(scenarios, historyFile, errors);
            if (scenarios is null) return ExitCode.InvalidInput;
        }
        var duplicate = scenarios.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null && settings.OutDir is not null)
        {
            errors.WriteLine($"run: two scenarios are named '{duplicate.Key}'; each writes to --out DIR/<name>/, so names must differ");
            return ExitCode.InvalidInput;
        }

        // The trial count is checked once more against the one bound, whatever gave it (option or scenario).
        var trialCount = settings.Trials ?? scenarios[0].Simulation.Trials; // the set's rule (Runs.RunSet)
        if (settings.UntilSe is null && TrialLimits.Check(trialCount, "trials") is { } bound)
        {
            errors.WriteLine("run: " + bound);
            return ExitCode.InvalidInput;
        }

        // A folder that cannot be written is found before the trials are run, not after.
        if (settings.OutDir is { } outDir && !RunOutput.CanWrite("run", outDir, errors)) return ExitCode.Failure;

        // Stop cleanly on a signal instead of dying mid-write: the output folders are left as they were.
        using var cancel = new Interruption(stop);
        try
        {
            if (settings.Shard is { } request)
                return ShardRun.Execute(scenarios, settings, request, output, errors, Environment.GetEnvironmentVariable, cancel.Token);
            var runRequest = settings.ToRequest(cancel.Token);
            // Only the table is printed: the run keeps and summarises only the columns the table (and its targets) read.
            if (settings.PrintsTableOnly) runRequest = runRequest with { Columns = Engine.ColumnSelection.ForTable(scenarios, settings.Targets) };
            var set = RunSet.For(scenarios, runRequest);
            if (set.MissingConvergenceMetric() is { } missing)
            {
                errors.WriteLine($"run: --until-se: '{settings.UntilSe!.Metric}' is not a per-trial metric of scenario '{missing.Scenario.Name}'; use one of: {string.Join(", ", missing.Metrics)}");
                return ExitCode.InvalidInput;
            }
            var runs = ScenarioRunner.RunAll(set, console, settings.ShowProgress(outputRedirected), errors);
            return RunOutput.Finish(runs, settings, console, output, errors, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            errors.WriteLine($"run: interrupted{(cancel.Signal is { } s ? $" ({s})" : "")}; nothing was written");
            return ExitCode.Interrupted;
        }
        catch (Engine.NoTrialMatchedException e)
        {
            return NoTrialMatched.Report("run", e, errors);
        }
        catch (OutOfMemoryException)
        {
            // Every trial keeps ~60 numbers (about 0.5 GB per million trials for base.yaml).
            errors.WriteLine("run: not enough memory for the per-trial columns of this many trials; run fewer trials (--trials), or write no per-trial file (no --out, or --format json) so that the run keeps no columns");
            return ExitCode.Failure;
        }
    }
}
