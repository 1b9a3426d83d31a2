using System.Globalization;
using Alibaba.ChipSim.Statistics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Alibaba.ChipSim.Cli.Rendering;

/// <summary>
/// The Targets section of <c>run</c>: each target (the scenario's <c>targets:</c>, then <c>--target</c>) with its
/// probability and 95% Wilson interval, a column per scenario; targets are matched across scenarios by their text.
/// </summary>
internal static class TargetsTable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Null when no run has a target.</summary>
    public static IRenderable? Render(IReadOnlyList<RunSummary> runs)
    {
        var keys = new List<(string Text, string? Description)>();
        foreach (var r in runs)
            foreach (var t in r.Targets)
                if (!keys.Any(k => k.Text == t.Target.Text)) keys.Add((t.Target.Text, t.Target.Description));
        if (keys.Count == 0) return null;

        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Targets[/]");
        table.AddColumn("Target");
        foreach (var r in runs)
            table.AddColumn(new TableColumn(runs.Count == 1 ? "Probability [[95% CI]]" : $"[bold]{Markup.Escape(r.Scenario)}[/]").RightAligned());
        if (runs.Count == 1) table.AddColumn(new TableColumn("Trials").RightAligned());
        foreach (var (text, description) in keys)
        {
            var cells = new List<string> { "P(" + Markup.Escape(text) + ")" + (description is null ? "" : " [dim]" + Markup.Escape(description) + "[/]") };
            TargetResult? last = null;
            foreach (var r in runs)
            {
                last = r.Targets.FirstOrDefault(t => t.Target.Text == text);
                cells.Add(last is null ? "–" : Cell(last));
            }
            if (runs.Count == 1) cells.Add(last!.Count.ToString("N0", Inv));
            table.AddRow(cells.ToArray());
        }
        table.Caption("Over the trials where the metric is defined; strict inequalities.");
        return new TrimmedLines(table);
    }

    private static string Cell(TargetResult t) =>
        t.Probability is not { } p || t.Ci95 is not { } ci ? "– (no trial defines it)" : $"{Percent(p)} [[{Percent(ci.Low)}, {Percent(ci.High)}]]";

    private static string Percent(double p) => (p * 100).ToString("0.0", Inv) + "%";
}
