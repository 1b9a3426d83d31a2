using System.Globalization;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Scenarios.History;
using ScottPlot;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// What a run conditioned on history (docs/history.md) observed, drawn on its month-axis charts: on an observed actor's
/// occupancy chart, the observed months lightened and each observed state named, with the end of the record
/// (<c>as_of</c>) marked; on the first-delivery chart, the observed shipment ranges shaded and named, and <c>as_of</c>.
/// Months sit at whole x positions, so month m covers m − ½ … m + ½ and the record ends at as_of + ½.
/// </summary>
internal static class HistoryMarks
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The observed entries of <paramref name="actor"/>, or null when the history does not observe it.</summary>
    public static ActorHistory? Observed(HistorySpec? history, string actor) =>
        history?.Actors.FirstOrDefault(a => a.Actor == actor && a.Entries.Length > 0);

    /// <summary>"observed through 2026-06", the label of the end of the record.</summary>
    public static string Through(HistorySpec history) => $"observed through {history.AsOf}";

    /// <summary>Marks an observed actor's months on its occupancy chart; returns the caption's sentence, or null when nothing is observed.</summary>
    public static string? Occupancy(Plot plot, HistorySpec? history, ActorSpec? actor, string actorName, Month start, int months)
    {
        if (history is null || Observed(history, actorName) is not { } observed) return null;
        var end = Index(history.AsOf, start, months);
        var first = Index(observed.Entries[0].From, start, months);
        var band = Span(plot, first - 0.5, end + 0.5);
        band.FillStyle.Color = Colors.White.WithAlpha(0.45);
        // No legend entries: the legend lists the states (two columns); the labels and the caption name the marks.
        EndOfRecord(plot, history, end, legend: false);

        var parts = new List<string>();
        for (var i = 0; i < observed.Entries.Length; i++)
        {
            var entry = observed.Entries[i];
            var state = entry.State.Replace('_', ' ');
            var from = Index(entry.From, start, months);
            // Stagger the names, so that a one-month entry's name does not run into the next one's.
            Label(plot, "observed: " + state, from - 0.5, 86 - 11 * (i % 3), Alignment.UpperLeft);
            var description = actor?.States.FirstOrDefault(s => s.Name == entry.State)?.Description;
            var last = i + 1 < observed.Entries.Length ? observed.Entries[i + 1].From.AddMonths(-1) : history.AsOf;
            parts.Add($"{state}{(string.IsNullOrWhiteSpace(description) ? "" : $" ({description})")} {Range(entry.From, last)}");
        }
        return $"Lightened: the months the history observes (docs/history.md), {Through(history)}: {string.Join("; ", parts)}. "
            + "In those months every trial is pinned to the observed state, which therefore fills the chart; after them the states are simulated.";
    }

    /// <summary>Marks the observed shipment ranges and the end of the record on a one-scenario first-delivery chart; returns the caption's sentence.</summary>
    public static string? FirstDelivery(Plot plot, HistorySpec? history, Month start, int months)
    {
        if (history is null) return null;
        var end = Index(history.AsOf, start, months);
        var parts = new List<string>();
        for (var i = 0; i < history.Shipments.Length; i++)
        {
            var s = history.Shipments[i];
            var from = Index(s.From, start, months);
            var to = Index(s.To, start, months);
            var span = Span(plot, from - 0.5, to + 0.5);
            span.FillStyle.Color = ChartTheme.Palette[2].WithAlpha(0.18);
            if (i == 0) span.LegendText = "Observed shipments (shaded)";
            Label(plot, $"{Modules(s)} shipped {Range(s.From, s.To)}", from - 0.5, 86 - 9 * (i % 4), Alignment.UpperLeft);
            parts.Add($"{Modules(s)} shipped to China {Range(s.From, s.To)}");
        }
        EndOfRecord(plot, history, end, legend: true);
        var shipped = parts.Count == 0 ? "no shipment is observed" : "shaded, " + string.Join("; ", parts);
        return $"What the history observes (docs/history.md): {shipped}; the dotted line marks the end of the record ({history.AsOf}), and the curve after it is simulated.";
    }

    /// <summary>A dotted line after as_of, named inside the data area to its right (above the data area sit the title and the deadline's label).</summary>
    private static void EndOfRecord(Plot plot, HistorySpec history, int end, bool legend)
    {
        var line = plot.Add.VerticalLine(end + 0.5);
        line.LinePattern = LinePattern.Dotted;
        line.LineWidth = 2.5f;
        line.Color = ChartTheme.Ink;
        if (legend) line.LegendText = $"End of the record, {history.AsOf} (dotted)";
        Label(plot, Through(history), end + 0.5, 97, Alignment.UpperLeft);
    }

    /// <summary>
    /// A band over x in [left, right] across the share axis (0–100%): a filled area rather than ScottPlot's axis span,
    /// whose SVG rendering makes Skia print "Unsupported path effect" to the console.
    /// </summary>
    private static ScottPlot.Plottables.FillY Span(Plot plot, double left, double right)
    {
        var fill = plot.Add.FillY([left, right], [0.0, 0.0], [100.0, 100.0]);
        fill.LineStyle.Width = 0;
        return fill;
    }

    private static void Label(Plot plot, string text, double x, double y, Alignment alignment)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontSize = ChartTheme.MinFontSize;
        label.LabelFontColor = ChartTheme.Ink;
        label.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
        label.LabelBorderColor = ChartTheme.Muted;
        label.LabelBorderWidth = 1;
        label.LabelPadding = 3;
        label.LabelAlignment = alignment;
        label.OffsetX = 4;
    }

    private static int Index(Month m, Month start, int months) => Math.Clamp(m.MonthsSince(start), 0, Math.Max(months - 1, 0));

    private static string Range(Month from, Month to) => from == to ? $"in {from}" : $"{from} to {to}";

    private static string Modules(ShipmentObservation s)
    {
        static string N(long n) => n.ToString("#,0", Invariant);
        if (s.MinModules == s.MaxModules) return $"{N(s.MinModules)} module{(s.MinModules == 1 ? "" : "s")}";
        return $"{N(s.MinModules)}–{N(s.MaxModules)} modules";
    }
}
