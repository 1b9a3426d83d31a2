using Alibaba.ChipSim.Cli.Rendering;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Runs;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;
using Spectre.Console;

namespace Alibaba.ChipSim.Cli.Running;

/// <summary>What <c>run</c> does with finished runs: write the output folders, print the summary.</summary>
internal static class RunOutput
{
    /// <summary>
    /// With <see cref="RunSettings.OutDir"/>, one scenario writes into the folder itself and several into
    /// <c>DIR/&lt;scenario name&gt;/</c>. Each folder is written all or nothing (see <see cref="RunOutputWriter"/>).
    /// </summary>
    public static int Finish(IReadOnlyList<ScenarioRun> runs, RunSettings settings, IAnsiConsole console,
        TextWriter output, TextWriter errors, CancellationToken cancel)
    {
        var results = runs.Select(r => r.Result).ToList();
        var summaries = runs.Select(r => r.Summary).ToList();

        var wrote = new List<string>();
        if (settings.OutDir is { } dir)
        {
            var formats = Formats(settings);
            try
            {
                // Every folder is checked and staged before any is replaced: all of them are written, or none.
                var folders = results.Select((r, i) => new RunOutputFolder(
                    results.Count == 1 ? dir : Path.Combine(dir, r.Scenario.Name), r, summaries[i])).ToList();
                var written = RunOutputWriter.WriteAll(folders, formats, RunFileWriters.All, cancel);
                for (var i = 0; i < folders.Count; i++)
                    wrote.Add($"Wrote {string.Join(", ", written[i].Select(Path.GetFileName))} to {folders[i].Directory}");
                for (var i = 0; i < folders.Count; i++)
                    if ((formats & OutputFormats.Xlsx) != 0 && RunXlsxWriter.TruncationNote(results[i].Trials) is { } note)
                        errors.WriteLine("chipsim: warning: " + note);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                CannotWrite("run", dir, e, errors);
                return ExitCode.Failure;
            }
        }

        return Print(summaries, results.Select(r => r.Scenario.Shipments.Deadline.ToString()).ToList(), wrote, settings, console, output, errors);
    }

    /// <summary>
    /// Prints finished summaries as <c>run</c> does: <c>summary.json</c> on stdout with <see cref="RunSettings.Json"/>,
    /// else the table, then each scenario's history, convergence and sensitivity lines and the targets; the
    /// <paramref name="wrote"/> lines on stderr unless quiet. <paramref name="deadlines"/> are the scenarios' delivery deadlines.
    /// </summary>
    public static int Print(IReadOnlyList<RunSummary> summaries, IReadOnlyList<string> deadlines, IReadOnlyList<string> wrote,
        RunSettings settings, IAnsiConsole console, TextWriter output, TextWriter errors)
    {
        if (settings.Json)
        {
            if (summaries.Count == 1) output.Write(SummaryJsonWriter.ToJson(summaries[0]));
            else output.Write("[\n" + string.Join(",\n", summaries.Select(s => SummaryJsonWriter.ToJson(s).TrimEnd('\n'))) + "\n]\n");
            return ExitCode.Ok;
        }
        var figures = summaries.Select((s, i) => HeadlineBuilder.From(s, deadlines[i])).ToList();
        console.Write(SummaryTable.Render(figures));
        for (var i = 0; i < summaries.Count; i++)
        {
            if (summaries[i].History is not null) console.Write(HistoryLine.Render(summaries[i], summaries[0]));
            if (summaries[i].Convergence is { } trace) console.Write(ConvergenceLine.Render(summaries[i].Scenario, trace));
            if (summaries[i].Sensitivity is { } sensitivity) console.Write(SensitivityTable.Render(summaries[i].Scenario, sensitivity));
        }
        if (TargetsTable.Render(summaries) is { } targets) console.Write(targets);
        if (!settings.Quiet)
            foreach (var line in wrote) errors.WriteLine(line);
        return ExitCode.Ok;
    }

    /// <summary>
    /// Whether files can be created in <paramref name="dir"/>, checked before any work so that a long run does not find
    /// out at its end; when not, prints the reason as <paramref name="command"/>'s message.
    /// </summary>
    public static bool CanWrite(string command, string dir, TextWriter errors)
    {
        try
        {
            RunOutputWriter.CheckWritable(dir);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            CannotWrite(command, dir, e, errors);
            return false;
        }
    }

    /// <summary>Prints <c>COMMAND: cannot write the output to DIR: why</c> (exit code 1 follows).</summary>
    public static void CannotWrite(string command, string dir, Exception e, TextWriter errors) =>
        errors.WriteLine(MessageText.Escape($"{command}: cannot write the output to {dir}: {e.Message}"));

    public static OutputFormats Formats(RunSettings settings)
    {
        var formats = OutputFormats.Json;
        foreach (var f in settings.Formats)
            formats |= f switch
            {
                "csv" => OutputFormats.Csv,
                "parquet" => OutputFormats.Parquet,
                "xlsx" => OutputFormats.Xlsx,
                _ => OutputFormats.Json,
            };
        return formats;
    }
}
