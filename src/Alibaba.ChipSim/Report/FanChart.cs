using Alibaba.ChipSim.Engine;
using ScottPlot;

namespace Alibaba.ChipSim.Report;

/// <summary>Quarterly cloud revenue as a fan: P5–P95 and P25–P75 bands and the median with H200s, and the run without them.</summary>
internal static class FanChart
{
    public static readonly double[] Levels = [5, 25, 50, 75, 95];

    /// <summary>Percentiles per quarter: <c>[level][quarter]</c>, levels as in <see cref="Levels"/>.</summary>
    public static double[][] Bands(QuarterColumns columns)
    {
        var bands = new double[Levels.Length][];
        for (var l = 0; l < Levels.Length; l++) bands[l] = new double[columns.Quarters.Length];
        for (var q = 0; q < columns.Quarters.Length; q++)
        {
            var p = new Percentiles(columns.Values[q]);
            for (var l = 0; l < Levels.Length; l++) bands[l][q] = p.At(Levels[l]);
        }
        return bands;
    }

    public static ReportChart Render(string stem, QuarterColumns with, QuarterColumns? without, string quarterAxis, AxisRange yRange)
    {
        var xs = Enumerable.Range(0, with.Quarters.Length).Select(i => (double)i).ToArray();
        var b = Bands(with);
        var title = "Quarterly cloud revenue, with and without H200s";
        var plot = ChartTheme.NewPlot(title, quarterAxis, "Cloud revenue per quarter (CNY bn)");
        var blue = ChartTheme.Palette[0];

        var outer = plot.Add.FillY(xs, b[0], b[4]);
        outer.FillStyle.Color = blue.WithAlpha(0.45);
        outer.FillStyle.Hatch = new ScottPlot.Hatches.Striped();
        outer.FillStyle.HatchColor = Colors.White;
        outer.LineStyle.Width = 0;
        outer.LegendText = "With H200s: P5–P95 (hatched, 90% of trials)";

        var inner = plot.Add.FillY(xs, b[1], b[3]);
        inner.FillStyle.Color = blue.WithAlpha(0.40);
        inner.LineStyle.Width = 0;
        inner.LegendText = "With H200s: P25–P75 (solid, 50% of trials)";

        var median = plot.Add.Scatter(xs, b[2]);
        median.Color = blue;
        median.LineWidth = 3;
        median.MarkerSize = 8;
        median.MarkerShape = MarkerShape.FilledCircle;
        median.LegendText = "With H200s: median";

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
        foreach (var (level, name) in new[] { (0, "P5"), (1, "P25"), (2, "P50"), (3, "P75"), (4, "P95") })
        {
            var label = plot.Add.Text(name, last + 0.08, b[level][last]);
            label.LabelFontSize = 12;
            label.LabelFontColor = ChartTheme.Ink;
            label.LabelAlignment = Alignment.MiddleLeft;
        }

        ChartTheme.ManualTicks(plot.Axes.Bottom, xs, with.Quarters);
        plot.Axes.SetLimits(-0.3, last + 0.6, yRange.Min, yRange.Max);
        ChartTheme.LegendInside(plot, Alignment.UpperLeft);
        var caption = "Bands span the 5th–95th and 25th–75th percentiles of the trials in each quarter; the line is the median. "
            + "The dashed line is the same trials run without any H200 capacity (common random numbers), so the gap between the two medians is the H200 effect.";
        return ChartTheme.Render(plot, stem, title, caption);
    }
}
