using System.CommandLine;
using Alibaba.ChipSim.Cli.Rendering;
using Alibaba.ChipSim.Output.Scoring;
using Alibaba.ChipSim.Scenarios.Actuals;
using Spectre.Console;

namespace Alibaba.ChipSim.Cli.Commands;

/// <summary>
/// <c>chipsim score RUN_DIR ACTUALS.yaml</c>: how a run's forecast did against what happened: PIT and CRPS of realised values,
/// Brier and log score of events, weighted when the run's trials carry weights (docs/forecast-scoring.md).
/// </summary>
internal static class ScoreCommand
{
    public static Command Build(IAnsiConsole? console = null, TextWriter? error = null)
    {
        var run = new Argument<string>("RUN_DIR") { Description = "A run folder written by `chipsim run --out DIR` with trials.csv or trials.parquet." };
        var actuals = new Argument<string>("ACTUALS") { Description = "A YAML file of what happened: realised metric values and events (see docs/forecast-scoring.md)." };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON instead of tables." };
        OptionChecks.NoOptions(run);
        OptionChecks.NoOptions(actuals);
        var command = new Command("score", "Score a run's forecast against what happened: PIT and CRPS of realised values, Brier and log score of events.")
        {
            run, actuals, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = console ?? StandardOutput();
            var errors = error ?? parse.InvocationConfiguration.Error;
            var loaded = ActualsLoader.Load(parse.GetValue(actuals)!);
            foreach (var d in loaded.Diagnostics) errors.WriteLine(d.ToString());
            if (!loaded.Succeeded) return Task.FromResult(ExitCode.InvalidInput);
            ScoreReport report;
            try
            {
                report = RunScorer.Score(parse.GetValue(run)!, loaded.Actuals, cancellationToken);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                errors.WriteLine(Scenarios.MessageText.Escape("score: " + e.Message));
                return Task.FromResult(ExitCode.InvalidInput);
            }
            catch (OperationCanceledException)
            {
                errors.WriteLine("interrupted");
                return Task.FromResult(ExitCode.Interrupted);
            }
            if (report.Scored == 0)
            {
                errors.WriteLine($"score: {loaded.Actuals.File}: none of its actuals is in this run:");
                foreach (var v in report.Values) errors.WriteLine($"  {v.Metric}: {v.Note}");
                foreach (var e in report.Events) errors.WriteLine($"  {e.Event}: {e.Note}");
                return Task.FromResult(ExitCode.InvalidInput);
            }
            if (parse.GetValue(json)) output.Profile.Out.Writer.Write(ScoreJsonWriter.Write(report));
            else ScoreTable.Render(output, report);
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>The terminal, or, when stdout is redirected (a file, a CI log), a console wide enough for the table.</summary>
    private static IAnsiConsole StandardOutput()
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected) console.Profile.Width = 160;
        return console;
    }
}
