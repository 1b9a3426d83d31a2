using Alibaba.ChipSim.Statistics;
using ScottPlot;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// A quarterly series as a fan: P5–P95 and P25–P75 bands and the median, read from the summary's quarter rows
/// (<c>quarters.csv</c>); optionally a second series (the run without H200s) as median and P5/P95 lines. In a run
/// conditioned on history the summary's percentiles are weighted, so the fan is too, and its legend says "of weight".
/// </summary>
internal static class FanChart
{
    /// <summary>The band levels of a fan, as the summary's quarter rows carry them.</summary>
    public static readonly int[] Levels = [5, 25, 50, 75, 95];

    /// <summary>The summary's rows of one quarterly metric, in time order.</summary>
    public static IReadOnlyList<QuarterSummary> Rows(RunSummary summary, string metric) =>
        summary.Quarters.Where(q => q.Metric == metric).ToList();

    /// <summary>Percentiles per quarter: <c>[level][quarter]</c>, levels as in <see cref="Levels"/>.</summary>
    public static double[][] Bands(IReadOnlyList<QuarterSummary> rows)
    {
        var bands = new double[Levels.Length][];
        for (var l = 0; l < Levels.Length; l++) bands[l] = new double[rows.Count];
        for (var q = 0; q < rows.Count; q++)
        {
            var r = rows[q];
            double?[] values = [r.P5, r.P25, r.P50, r.P75, r.P95];
            for (var l = 0; l < Levels.Length; l++) bands[l][q] = values[l] ?? double.NaN;
        }
        return bands;
    }

    /// <summary><c>FY2027Q1</c> → "FY2027" over "Q1"; other names unchanged.</summary>
    public static string TwoLines(string quarter)
    {
        var q = quarter.LastIndexOf('Q');
        return q > 0 ? quarter[..q] + "\n" + quarter[q..] : quarter;
    }

    public static ReportChart Render(string stem, string title, MetricDisplay display, IReadOnlyList<QuarterSummary> with,
        IReadOnlyList<QuarterSummary>? without, string quarterAxis, AxisRange yRange, string caption, bool weighted = false)
    {
        var of = weighted ? "weight" : "trials";
        var xs = Enumerable.Range(0, with.Count).Select(i => (double)i).ToArray();
        var b = Bands(with);
        var plot = ChartTheme.NewPlot(title, quarterAxis, $"{display.Label} ({display.Unit})");
        var blue = ChartTheme.Palette[0];
        var series = without is null ? "" : "With H200s: ";

        var outer = plot.Add.FillY(xs, b[0], b[4]);
        outer.FillStyle.Color = blue.WithAlpha(0.45);
        outer.FillStyle.Hatch = new ScottPlot.Hatches.Striped();
        outer.FillStyle.HatchColor = Colors.White;
        outer.LineStyle.Width = 0;
        outer.LegendText = series + $"P5–P95 (light band, 90% of {of})";

        var inner = plot.Add.FillY(xs, b[1], b[3]);
        inner.FillStyle.Color = blue.WithAlpha(0.40);
        inner.LineStyle.Width = 0;
        inner.LegendText = series + $"P25–P75 (dark band, 50% of {of})";

        var median = plot.Add.Scatter(xs, b[2]);
        median.Color = blue;
        median.LineWidth = 3;
        median.MarkerSize = 8;
        median.MarkerShape = MarkerShape.FilledCircle;
        median.LegendText = series + "median";

        if (without is not null)
        {
            var w = Bands(without);
            var orange = ChartTheme.Palette[5];
            var wm = plot.Add.Scatter(xs, w[2]);
            wm.Color = orange;
            wm.LineWidth = 2.5f;
            wm.LinePattern = LinePattern.Dashed;
            wm.MarkerSize = 8;
            wm.MarkerShape = MarkerShape.OpenSquare;
            wm.LegendText = "Without H200s: median (dashed)";
            foreach (var (level, text) in new[] { (0, "Without H200s: P5 and P95 (dotted)"), (4, "") })
            {
                var line = plot.Add.Scatter(xs, w[level]);
                line.Color = orange;
                line.LineWidth = 1.5f;
                line.LinePattern = LinePattern.Dotted;
                line.MarkerSize = 0;
                line.LegendText = text;
            }
        }

        // Name the bands at the right edge too, so that a grey printout needs no legend lookup.
        var last = xs.Length - 1;
        var names = new[] { "P5", "P25", "P50", "P75", "P95" };
        for (var level = 0; level < names.Length; level++)
        {
            var label = plot.Add.Text(names[level], last + 0.1, b[level][last]);
            label.LabelFontSize = ChartTheme.MinFontSize;
            label.LabelFontColor = ChartTheme.Ink;
            label.LabelAlignment = Alignment.MiddleLeft;
        }

        // Two lines (FY2027 over Q1) so that nine or more quarter names fit side by side at a readable size.
        ChartTheme.ManualTicks(plot.Axes.Bottom, xs, with.Select(q => TwoLines(q.Quarter)).ToList());
        plot.Axes.SetLimits(-0.4, last + 0.9, yRange.Min, yRange.Max);
        ChartTheme.LegendInside(plot, Alignment.UpperLeft);
        return ChartTheme.Render(plot, stem, title, caption, ChartTheme.Height + 30);
    }
}
