using Alibaba.ChipSim.Cli.Rendering;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Statistics.Convergence;
using Alibaba.ChipSim.Statistics.Sensitivity;
using Spectre.Console;

namespace Alibaba.ChipSim.Cli.Running;

/// <summary>What <c>run</c> does with finished results: summarise, write the output folders, print the summary.</summary>
internal static class RunOutput
{
    /// <summary>
    /// With <see cref="RunSettings.OutDir"/>, one scenario writes into the folder itself and several into
    /// <c>DIR/&lt;scenario name&gt;/</c>. Each folder is written all or nothing (see <see cref="RunOutputWriter"/>).
    /// </summary>
    public static int Finish(IReadOnlyList<SimulationResult> results, RunSettings settings, IAnsiConsole console,
        TextWriter output, TextWriter errors, CancellationToken cancel, IReadOnlyList<ConvergenceTrace>? traces = null)
    {
        var threads = settings.Threads == 0 ? (int?)null : settings.Threads;
        var summaries = results.Select(r => SummaryBuilder.Build(r, threads)).ToList();
        // Under --until-se the run was made in sampling blocks of the batch size; sensitivity regenerates the same draws.
        var block = traces is null ? 0 : settings.BatchTrials;
        for (var i = 0; i < summaries.Count; i++)
        {
            if (settings.Sensitivity) summaries[i] = summaries[i] with { Sensitivity = SensitivityBuilder.Build(results[i], 0, block) };
            if (traces is not null) summaries[i] = summaries[i] with { Convergence = traces[i] };
        }

        var wrote = new List<string>();
        if (settings.OutDir is { } dir)
        {
            var formats = Formats(settings);
            try
            {
                for (var i = 0; i < results.Count; i++)
                {
                    var folder = results.Count == 1 ? dir : Path.Combine(dir, results[i].Scenario.Name);
                    var written = RunOutputWriter.Write(folder, results[i], summaries[i], formats, cancel);
                    wrote.Add($"Wrote {string.Join(", ", written.Select(Path.GetFileName))} to {folder}");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.WriteLine($"run: cannot write the output to {dir}: {e.Message}");
                return 1;
            }
        }

        if (settings.Json)
        {
            if (summaries.Count == 1) output.Write(SummaryJsonWriter.ToJson(summaries[0]));
            else output.Write("[\n" + string.Join(",\n", summaries.Select(s => SummaryJsonWriter.ToJson(s).TrimEnd('\n'))) + "\n]\n");
            return 0;
        }
        var figures = summaries.Select((s, i) => HeadlineBuilder.From(s, results[i].Scenario.Shipments.Deadline.ToString())).ToList();
        console.Write(SummaryTable.Render(figures));
        for (var i = 0; i < summaries.Count; i++)
        {
            if (summaries[i].History is not null) console.Write(HistoryLine.Render(summaries[i], summaries[0]));
            if (summaries[i].Convergence is { } trace) console.Write(ConvergenceLine.Render(summaries[i].Scenario, trace));
            if (summaries[i].Sensitivity is { } sensitivity) console.Write(SensitivityTable.Render(summaries[i].Scenario, sensitivity));
        }
        if (!settings.Quiet)
            foreach (var line in wrote) console.WriteLine(line);
        return 0;
    }

    public static OutputFormats Formats(RunSettings settings)
    {
        var formats = OutputFormats.Json;
        foreach (var f in settings.Formats)
            formats |= f switch
            {
                "csv" => OutputFormats.Csv,
                "parquet" => OutputFormats.Parquet,
                _ => OutputFormats.Json,
            };
        return formats;
    }

    /// <summary>The formats asked for that no file writer of this build produces (e.g. Parquet before its writer exists).</summary>
    public static IEnumerable<string> Unsupported(RunSettings settings)
    {
        foreach (var f in settings.Formats)
        {
            var flag = Formats(settings with { Formats = [f] });
            if (!RunFileWriters.All.Any(w => (w.Format & flag & ~OutputFormats.Json) != 0) && f != "json") yield return f;
        }
    }
}
