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
            Description = "Files to write with --out: csv (trials.csv, quarters.csv), parquet (trials.parquet), json (summary.json only). Repeatable; default csv. summary.json is always written.",
            AllowMultipleArgumentsPerToken = true,
        };
        format.AcceptOnlyFromAmong("csv", "parquet", "json");
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar and no messages: only the summary table and errors." };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON (summary.json) on stdout instead of the table." };
        var sensitivity = new Option<bool>("--sensitivity") { Description = "Rank the uncertain inputs by their Spearman correlation with each headline output (table; 'sensitivity' in summary.json)." };
        var untilSe = new Option<string?>("--until-se") { Description = "METRIC=VALUE: run batches until the standard error of the metric's mean is at most VALUE (replaces --trials)." };
        var maxTrials = new Option<long>("--max-trials") { Description = "The most trials --until-se may run.", DefaultValueFactory = _ => ConvergentRuns.DefaultMaxTrials };
        OptionChecks.Range(maxTrials, 1, Array.MaxLength);
        var batchTrials = new Option<int>("--batch-trials") { Description = "Trials per batch of --until-se.", DefaultValueFactory = _ => ConvergentRuns.DefaultBatchTrials };
        OptionChecks.Range(batchTrials, 1, Array.MaxLength);
        var history = new Option<string?>("--history") { Description = "A history file (history: as_of, actors, shipments, revenue) to condition every scenario on, replacing its own: weighted trials (docs/history.md)." };
        untilSe.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
                if (SeTarget.TryParse(token.Value, out var error) is null) r.AddError(error!);
        });

        var command = new Command("run", "Simulate scenarios and print a summary table (or JSON); optionally write the output files.")
        {
            scenarios, trials, seed, threads, outDir, format, quiet, json, sensitivity, untilSe, maxTrials, batchTrials, history,
        };
        command.SetAction(parse =>
        {
            var formats = parse.GetValue(format) is { Length: > 0 } f ? f.Distinct().ToImmutableArray() : ["csv"];
            var settings = new RunSettings(parse.GetValue(trials), parse.GetValue(seed), parse.GetValue(threads),
                parse.GetValue(outDir), formats, parse.GetValue(quiet), parse.GetValue(json))
            {
                Sensitivity = parse.GetValue(sensitivity),
                MaxTrials = parse.GetValue(maxTrials),
                BatchTrials = parse.GetValue(batchTrials),
                HistoryFile = parse.GetValue(history),
                UntilSe = parse.GetValue(untilSe) is { } text ? SeTarget.TryParse(text, out _) : null,
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
        if (settings.OutDir is null && settings.Formats.Any(f => f != "csv"))
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
        if (settings.HistoryFile is { } historyFile)
        {
            scenarios = ScenarioInput.WithHistory(scenarios, historyFile, errors);
            if (scenarios is null) return ScenarioInput.InvalidInput;
        }
        if (scenarios.Any(s => s.History is not null) && settings.Sensitivity)
        {
            // Its rank correlations are not weighted yet (docs/history.md).
            errors.WriteLine("run: --sensitivity is not available for a run conditioned on history yet; leave it out (the summary is weighted)");
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
                return RunOutput.Finish(c.Results, settings, console, output, errors, cancel.Token, c.Traces);
            }
            var results = ScenarioRunner.RunAll(scenarios, settings, console, settings.ShowProgress(outputRedirected), cancel.Token);
            return RunOutput.Finish(results, settings, console, output, errors, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            errors.WriteLine("run: interrupted; nothing was written");
            return Interrupted;
        }
        catch (Engine.NoTrialMatchedException e)
        {
            errors.WriteLine("run: " + e.Message + "; nothing was written");
            return 1;
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
