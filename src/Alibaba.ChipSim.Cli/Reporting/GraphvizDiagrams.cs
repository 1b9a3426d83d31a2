using System.Collections.Immutable;
using System.Diagnostics;
using Alibaba.ChipSim.Report;
using Alibaba.ChipSim.Policy;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Cli.Reporting;

/// <summary>
/// The actors' state diagram for the report, from the Stateless machines (<see cref="PolicyGraph"/>): drawn to SVG
/// by Graphviz's <c>dot</c> when it is installed, otherwise embedded as Mermaid text (the report says which).
/// </summary>
internal static class GraphvizDiagrams
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The first <c>dot</c> found in /usr/bin, /usr/local/bin or on PATH; null when there is none.</summary>
    public static string? FindDot()
    {
        var candidates = new List<string> { "/usr/bin/dot", "/usr/local/bin/dot" };
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            candidates.Add(Path.Combine(dir, "dot"));
        return candidates.FirstOrDefault(File.Exists);
    }

    public static ImmutableArray<ActorDiagram> For(Scenario scenario, string? dot)
    {
        var actors = string.Join(", ", scenario.Actors.Select(a => a.Name));
        var svg = dot is null ? null : Render(dot, PolicyGraph.Dot(scenario));
        var diagram = svg is not null
            ? new ActorDiagram(actors, DiagramFormat.Svg, svg,
                "the Stateless machines' DOT export (chipsim graph --format dot), drawn by Graphviz dot; each box shows a state and its gate, each arrow the monthly probability or the date")
            : new ActorDiagram(actors, DiagramFormat.Text, PolicyGraph.Mermaid(scenario),
                dot is null
                    ? "Mermaid text (chipsim graph): Graphviz's dot is not installed, so the diagram is not drawn; paste it into any Mermaid viewer"
                    : "Mermaid text (chipsim graph): Graphviz's dot failed on the DOT export");
        return [diagram];
    }

    /// <summary>Runs <c>dot -Tsvg</c> on the DOT text; null if it fails or takes too long.</summary>
    private static string? Render(string dot, string source)
    {
        var start = new ProcessStartInfo(dot)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-Tsvg");
        // The charts' sans-serif font, so that the diagram reads like the rest of the page.
        foreach (var kind in new[] { "-G", "-N", "-E" }) start.ArgumentList.Add(kind + "fontname=DejaVu Sans");
        try
        {
            using var process = Process.Start(start);
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(source);
            process.StandardInput.Close();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            _ = error.Result;
            return process.ExitCode == 0 && output.Result.Contains("<svg", StringComparison.Ordinal) ? output.Result : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
