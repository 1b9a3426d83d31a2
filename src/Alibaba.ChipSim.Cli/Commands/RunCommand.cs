using System.Collections.Immutable;
using System.CommandLine;
using Alibaba.ChipSim.Cli.Running;
using Alibaba.ChipSim.Statistics.Convergence;
using Spectre.Console;

namespace Alibaba.ChipSim.Cli.Commands;

/// <summary>
/// <c>chipsim run [SCENARIO.yaml ...]</c>: simulate, write the output files, print the summary.
/// Exit codes: 0 done; 1 runtime failure (e.g. the output folder cannot be written); 2 invalid scenario
/// or arguments; 130 interrupted by Ctrl-C (the run stops cleanly; no file is left behind).
/// </summary>
internal static class RunCommand
{
    public const int Interrupted = 130;

    /// <summary>Shown on stderr (with the progress bar) once the trials are done and the statistics start.</summary>
    public const string ComputingStatistics = "Computing statistics…";

    public static Command Build()
    {
        var scenarios = new Argument<string[]>("scenario")
        {
            Description = "Scenario YAML files (default: the embedded base scenario). Several are run at the same seed and shown side by side.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        OptionChecks.NoOptions(scenarios);
        var trials = new Option<long?>("--trials") { Description = "Number of trials (default: simulation.trials of the first scenario)." };
        OptionChecks.Range(trials, 1, Array.MaxLength);
        var seed = new Option<ulong?>("--seed") { Description = "Random seed (default: simulation.seed of the first scenario)." };
        var threads = new Option<int>("--threads") { Description = "Worker threads, 0 = every core. Never changes the numbers.", DefaultValueFactory = _ => 0 };
        OptionChecks.Range(threads, 0, 1024);
        var outDir = new Option<string?>("--out") { Description = "Write summary.json and the per-trial tables to this folder (DIR/<scenario name>/ with several scenarios)." };
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
        var maxTrials = new Option<long>("--max-trials") { Description = "The most trials --until-se may run.", DefaultValueFactory = _ => ConvergentRuns.DefaultMaxTrials };
        OptionChecks.Range(maxTrials, 1, Array.MaxLength);
        var batchTrials = new Option<int>("--batch-trials") { Description = "Trials per batch of --until-se.", DefaultValueFactory = _ => ConvergentRuns.DefaultBatchTrials };
        OptionChecks.Range(batchTrials, 1, Array.MaxLength);
        var target = new Option<string[]>("--target")
        {
            Description = "METRIC<X or METRIC>X: report P(metric < X) or P(metric > X) with a 95% Wilson interval (table, summary.json, summary.csv). Repeatable; adds to the scenario's targets:.",
        };
        target.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
                if (Scenarios.TargetSpec.TryParse(token.Value, out var error) is null) r.AddError(error!);
        });
        untilSe.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
                if (SeTarget.TryParse(token.Value, out var error) is null) r.AddError(error!);
        });

        var command = new Command("run", "Simulate scenarios and print a summary table (or JSON); optionally write the output files.")
        {
            scenarios, trials, seed, threads, outDir, format, quiet, json, sensitivity, target, untilSe, maxTrials, batchTrials,
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
                UntilSe = parse.GetValue(untilSe) is { } text ? SeTarget.TryParse(text, out _) : null,
                FormatsGiven = given,
                Targets = [.. (parse.GetValue(target) ?? []).Select(t => Scenarios.TargetSpec.TryParse(t, out _)!)],
            };
            // Redirected output has no window width; Spectre would assume 80 columns and wrap every label.
            if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 120;
            return Execute(parse.GetValue(scenarios) ?? [], settings, AnsiConsole.Console, Console.Out, Console.Error, Console.IsOutputRedirected);
        });
        return command;
    }

    /// <summary>Runs the command; <paramref name="stop"/> (besides Ctrl-C) interrupts it the same way.</summary>
    public static int Execute(IReadOnlyList<string> paths, RunSettings settings, IAnsiConsole console, TextWriter output,
        TextWriter errors, bool outputRedirected, CancellationToken stop = default)
    {
        if (settings.OutDir is null && (settings.FormatsGiven || settings.Formats.Any(f => f != "csv")))
        {
            errors.WriteLine("run: --format chooses the files written with --out; give --out DIR as well");
            return ScenarioInput.InvalidInput;
        }
        var unsupported = RunOutput.Unsupported(settings).ToList();
        if (unsupported.Count > 0)
        {
            errors.WriteLine($"run: --format {string.Join(", ", unsupported)} is not available in this build; use csv or json");
            return ScenarioInput.InvalidInput;
        }
        if (settings.UntilSe is not null && settings.Trials is not null)
        {
            errors.WriteLine("run: --until-se chooses the number of trials; leave out --trials (cap it with --max-trials)");
            return ScenarioInput.InvalidInput;
        }
        var scenarios = ScenarioInput.LoadAll(paths, errors);
        if (scenarios is null) return ScenarioInput.InvalidInput;
        foreach (var t in settings.Targets)
            foreach (var s in scenarios)
                if (Scenarios.TargetMetrics.Problem(t.Metric, s) is { } problem)
                {
                    errors.WriteLine($"run: --target '{t.Text}': {problem}");
                    return ScenarioInput.InvalidInput;
                }
        var duplicate = scenarios.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null && settings.OutDir is not null)
        {
            errors.WriteLine($"run: two scenarios are named '{duplicate.Key}'; each writes to --out DIR/<name>/, so names must differ");
            return ScenarioInput.InvalidInput;
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stop);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true; // stop the run cleanly instead of killing the process mid-write
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            if (settings.UntilSe is { } target)
            {
                var seed = settings.Seed ?? scenarios[0].Simulation.Seed;
                var options = new Engine.RunOptions { Trials = 1, Seed = seed, Threads = settings.Threads, CancellationToken = cancel.Token };
                var converged = ConvergentRuns.RunAll(scenarios, target, options, settings.BatchTrials, settings.MaxTrials, errors);
                if (converged is not { } c) return ScenarioInput.InvalidInput;
                if (settings.ShowProgress(outputRedirected)) errors.WriteLine(ComputingStatistics);
                return RunOutput.Finish(c.Results, settings, console, output, errors, cancel.Token, c.Traces);
            }
            var results = ScenarioRunner.RunAll(scenarios, settings, console, settings.ShowProgress(outputRedirected), cancel.Token);
            // The statistics of a big run take seconds after the bar reaches 100%: say what is happening.
            if (settings.ShowProgress(outputRedirected)) errors.WriteLine(ComputingStatistics);
            return RunOutput.Finish(results, settings, console, output, errors, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            errors.WriteLine("run: interrupted; nothing was written");
            return Interrupted;
        }
        catch (OutOfMemoryException)
        {
            // Every trial keeps ~60 numbers (about 0.5 GB per million trials for base.yaml).
            errors.WriteLine("run: not enough memory for the per-trial columns of this many trials; run fewer trials (--trials)");
            return 1;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
