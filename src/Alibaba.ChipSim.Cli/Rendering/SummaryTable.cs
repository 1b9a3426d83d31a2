using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Alibaba.ChipSim.Cli.Rendering;

/// <summary>
/// The console summary of one or more runs: headline probabilities with 95% intervals, P5/P50/P95 of
/// the money and capacity metrics, then each actor's final-state shares. One scenario gets a column per
/// statistic; several are shown side by side, a column each.
/// </summary>
internal static class SummaryTable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The table, with no trailing whitespace on its lines (see <see cref="TrimmedLines"/>).</summary>
    public static IRenderable Render(IReadOnlyList<HeadlineFigures> runs) => new TrimmedLines(runs.Count == 1 ? Single(runs[0]) : SideBySide(runs));

    private static Table Single(HeadlineFigures f)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{Markup.Escape(f.Scenario)}[/]: {f.Trials.ToString("N0", Inv)} trials, seed {f.Seed.ToString(Inv)}");
        table.AddColumn("Metric");
        table.AddColumn(new TableColumn("Probability [[95% CI]]").RightAligned());
        table.AddColumn(new TableColumn("P5").RightAligned());
        table.AddColumn(new TableColumn("P50").RightAligned());
        table.AddColumn(new TableColumn("P95").RightAligned());
        table.AddRow($"Delivered by the deadline ({f.Deadline})", $"{Percent(f.DeliveredByDeadline.P)} {Interval(f.DeliveredByDeadline)}", "", "", "");
        table.AddRow("Nothing delivered within the horizon", $"{Percent(f.NothingDelivered.P)} {Interval(f.NothingDelivered)}", "", "", "");
        foreach (var s in f.Spreads)
            table.AddRow(Label(s), "", Number(s.P5 * s.Scale), Number(s.P50 * s.Scale), Number(s.P95 * s.Scale));
        foreach (var actor in f.Finals)
            for (var i = 0; i < actor.States.Length; i++)
                table.AddRow($"{Markup.Escape(actor.Actor)} ends {Markup.Escape(actor.States[i])}", Percent(actor.Shares[i]), "", "", "");
        var roi = f.Spreads.FirstOrDefault(x => x.Metric == Outcomes.OutcomeCatalogue.Roi.Name);
        table.Caption("Percentiles over the trials where the metric is defined"
                      + (roi is null ? "." : $" (ROI: the {roi.Count.ToString("N0", Inv)} trials with a purchase)."));
        return table;
    }

    private static Table SideBySide(IReadOnlyList<HeadlineFigures> runs)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{runs[0].Trials.ToString("N0", Inv)} trials each, seed {runs[0].Seed.ToString(Inv)}");
        table.AddColumn("Metric");
        foreach (var r in runs) table.AddColumn(new TableColumn($"[bold]{Markup.Escape(r.Scenario)}[/]").RightAligned());
        table.AddRow(Row("Delivered by the deadline", runs, r => $"{Percent(r.DeliveredByDeadline.P)} {Interval(r.DeliveredByDeadline)}"));
        table.AddRow(Row("Nothing delivered within the horizon", runs, r => $"{Percent(r.NothingDelivered.P)} {Interval(r.NothingDelivered)}"));
        table.AddEmptyRow();
        for (var i = 0; i < runs[0].Spreads.Length; i++)
        {
            var k = i;
            table.AddRow(Row(runs[0].Spreads[k].Label, runs, r =>
            {
                var s = r.Spreads[k];
                return s.Count == 0 ? "–" : $"{Number(s.P50 * s.Scale)} ({Number(s.P5 * s.Scale)}–{Number(s.P95 * s.Scale)})";
            }));
        }
        table.AddEmptyRow();
        // Actors and states as declared in the first scenario; a variant without one shows a dash.
        foreach (var actor in runs[0].Finals)
            for (var i = 0; i < actor.States.Length; i++)
            {
                var state = actor.States[i];
                table.AddRow(Row($"{Markup.Escape(actor.Actor)} ends {Markup.Escape(state)}", runs, r =>
                {
                    var a = r.Finals.FirstOrDefault(x => x.Actor == actor.Actor);
                    var j = a is null ? -1 : a.States.IndexOf(state);
                    return j < 0 ? "–" : Percent(a!.Shares[j]);
                }));
            }
        table.Caption("Probabilities: estimate [[95% Wilson interval]]. Other metrics: P50 (P5–P95) over the trials where defined (ROI: trials with a purchase).");
        return table;
    }

    private static string[] Row(string label, IReadOnlyList<HeadlineFigures> runs, Func<HeadlineFigures, string> cell)
    {
        var cells = new string[runs.Count + 1];
        cells[0] = label;
        for (var i = 0; i < runs.Count; i++) cells[i + 1] = cell(runs[i]);
        return cells;
    }

    private static string Label(Spread s) => s.Label;

    private static string Percent(double p) => double.IsNaN(p) ? "–" : (p * 100).ToString("0.0", Inv) + "%";

    private static string Interval(Proportion p) => $"[[{Percent(p.Low)}, {Percent(p.High)}]]";

    /// <summary>Three significant figures at most for small numbers, thousands separators for large ones.</summary>
    public static string Number(double v)
    {
        if (double.IsNaN(v)) return "–";
        var a = Math.Abs(v);
        if (a >= 1000) return v.ToString("N0", Inv);
        if (a >= 100) return v.ToString("0", Inv);
        if (a >= 10) return v.ToString("0.0", Inv);
        if (a == 0) return "0";
        return v.ToString("0.00", Inv);
    }
}
