using System.CommandLine;
using System.Globalization;
using Alibaba.ChipSim.Cli.Reporting;
using Alibaba.ChipSim.Cli.Running;
using Alibaba.ChipSim.Report;
using Alibaba.ChipSim.Runs;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Cli.Commands;

/// <summary><c>chipsim report [SCENARIO.yaml ...] --out DIR [--trials N] [--seed S] [--threads T] [--date D]</c>: the HTML report with charts.</summary>
internal static class ReportCommand
{
    private static readonly string[] IsoFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    public static Command Build()
    {
        var files = new Argument<string[]>("scenarios")
        {
            Description = "Scenario YAML files (none: the embedded base scenario). Several are compared on one page.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        OptionChecks.NoOptions(files);
        var output = new Option<string>("--out") { Description = "Folder for report.html and the charts (PNG and SVG).", Required = true };
        OptionChecks.NotEmpty(output);
        var trials = new Option<long?>("--trials") { Description = "Trials per scenario (default: simulation.trials of the first scenario)." };
        OptionChecks.Range(trials, TrialLimits.Min, TrialLimits.Max);
        var seed = new Option<ulong?>("--seed") { Description = "The seed of every scenario (default: simulation.seed of the first scenario, so variants share draws)." };
        var threads = new Option<int>("--threads") { Description = "Worker threads (0 = every core); never changes the results." };
        OptionChecks.Range(threads, 0, 1024);
        var allowOutside = ScenarioInput.AllowExtendsOutsideOption();
        var date = new Option<string?>("--date")
        {
            Description = "The date printed in the report, ISO 8601 (default: now, UTC); set it to make the report reproducible byte for byte.",
        };
        var history = new Option<string?>("--history")
        {
            Description = "A history file (history: as_of, actors, shipments, revenue) to condition every scenario on, replacing its own: weighted charts (docs/history.md).",
        };
        var command = new Command("report", "Run scenarios and write a self-contained HTML report with charts (PNG and SVG beside it).");
        command.Arguments.Add(files);
        foreach (var o in new Option[] { output, trials, seed, threads, date, history, allowOutside }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            Rendering.WarmUp.Start(table: false);
            return Run(
                new ReportSettings(parse.GetValue(files) ?? [], parse.GetValue(output)!, parse.GetValue(trials), parse.GetValue(seed),
                    parse.GetValue(threads), parse.GetValue(date)) { AllowExtendsOutside = parse.GetValue(allowOutside), HistoryFile = parse.GetValue(history) },
                TimeProvider.System,
                parse.InvocationConfiguration.Output,
                parse.InvocationConfiguration.Error);
        });
        return command;
    }

    /// <summary>Runs the command; <paramref name="stop"/> (besides SIGINT, SIGTERM and SIGHUP) interrupts it, leaving no file.</summary>
    public static int Run(ReportSettings settings, TimeProvider clock, TextWriter output, TextWriter error, CancellationToken stop = default)
    {
        if (settings.Trials is { } t && TrialLimits.Check(t, "--trials") is { } bound)
        {
            error.WriteLine("report: " + bound);
            return ExitCode.InvalidInput;
        }
        if (string.IsNullOrWhiteSpace(settings.OutputDirectory))
        {
            error.WriteLine("report: --out needs a folder name (got an empty value)");
            return ExitCode.InvalidInput;
        }
        if (settings.Threads < 0)
        {
            error.WriteLine($"report: --threads must be 0 (every core) or more (got {settings.Threads})");
            return ExitCode.InvalidInput;
        }
        var generatedAt = clock.GetUtcNow();
        if (settings.Date is { } text &&
            !DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out generatedAt))
        {
            error.WriteLine(Scenarios.MessageText.Escape($"report: --date '{text}' is not an ISO 8601 date, e.g. 2026-01-15 or 2026-01-15T09:30:00Z"));
            return ExitCode.InvalidInput;
        }
        var scenarios = ScenarioInput.LoadAll(settings.Files, error, allowExtendsOutside: settings.AllowExtendsOutside);
        if (scenarios is null) return ExitCode.InvalidInput;
        if (settings.HistoryFile is { } historyFile)
        {
            scenarios = ScenarioInput.WithHistory(scenarios, historyFile, error);
            if (scenarios is null) return ExitCode.InvalidInput;
        }

        using var interruption = new Interruption(stop);
        try
        {
            Output.RunOutputWriter.CheckWritable(settings.OutputDirectory);
            var dot = GraphvizDiagrams.FindDot();
            var inputs = new List<ReportScenario>(scenarios.Count);
            var set = RunSet.For(scenarios, new RunRequest
            {
                Trials = settings.Trials, Seed = settings.Seed, Threads = settings.Threads, Sensitivity = true,
                CancellationToken = interruption.Token,
            });
            for (var i = 0; i < scenarios.Count; i++)
            {
                var scenario = scenarios[i];
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"report: running {scenario.Name} ({set.Trials:#,0} trials, seed {set.Seed})"));
                var run = set.Run(i);
                var provenance = new ReportProvenance(scenario.Name, scenario.Description, scenario.Sha256, set.Seed,
                    set.Trials, EngineInfo.Name, generatedAt)
                {
                    ScenarioFile = i < settings.Files.Count ? settings.Files[i] : null,
                };
                // The statistics are computed once by the pipeline, as `run` computes them for summary.json; the page only reads them.
                inputs.Add(new ReportScenario(run.Result, run.Summary, provenance, GraphvizDiagrams.For(scenario, dot)));
            }
            var report = ReportBuilder.Build(inputs, generatedAt, settings.Threads > 0 ? settings.Threads : null);
            var written = ReportFiles.Write(report, settings.OutputDirectory, interruption.Token);
            output.WriteLine($"{written[0]} ({report.Charts.Length} charts, each also as PNG and SVG in {Path.GetDirectoryName(written[0])})");
            return ExitCode.Ok;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"report: interrupted{(interruption.Signal is { } s ? $" ({s})" : "")}; nothing was written");
            return ExitCode.Interrupted;
        }
        catch (Engine.NoTrialMatchedException e)
        {
            return NoTrialMatched.Report("report", e, error);
        }
        catch (OutOfMemoryException)
        {
            error.WriteLine("report: not enough memory for the per-trial columns of this many trials; run fewer trials (--trials)");
            return ExitCode.Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine(Scenarios.MessageText.Escape($"report: cannot write {settings.OutputDirectory}: {e.Message}"));
            return ExitCode.Failure;
        }
    }
}
