using System.Globalization;
using Alibaba.ChipSim.Statistics;
using ScottPlot;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// Histogram and empirical CDF of one per-trial metric, with P5, P50 and P95 (read from the summary) marked by line
/// style and label. Callers draw neither for a degenerate metric (<see cref="MetricDisplay.IsDegenerate"/>).
/// </summary>
internal static class DistributionChart
{
    private const int Bins = 40;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly (int Level, string Name, LinePattern Pattern)[] Marks =
        [(5, "P5", LinePattern.Dashed), (50, "P50", LinePattern.Solid), (95, "P95", LinePattern.Dotted)];

    public static ReportChart Histogram(string stem, MetricDisplay display, MetricSummary summary, double[] values, AxisRange range)
    {
        var title = display.Label;
        var plot = ChartTheme.NewPlot(title, display.AxisLabel, "Share of trials (%)");
        var width = (range.Max - range.Min) / Bins;
        var counts = ColumnCurves.Histogram(values, range, Bins, out var defined);
        var bars = new List<Bar>();
        for (var i = 0; i < Bins; i++)
            bars.Add(new Bar
            {
                Position = range.Min + (i + 0.5) * width,
                Value = defined == 0 ? 0 : 100.0 * counts[i] / defined,
                Size = width,
                FillColor = ChartTheme.Palette[0].WithAlpha(0.55),
                LineColor = ChartTheme.Ink,
                LineWidth = 0.6f,
            });
        var top = Math.Max(bars.Max(bar => bar.Value), 1e-9);
        var barPlot = plot.Add.Bars(bars);
        barPlot.LegendText = $"Trials ({summary.Count.ToString("#,0", Invariant)} with a value)";
        // Headroom for the percentile labels along the top edge, but a share axis never beyond 100%.
        var yMax = Math.Min(100, top * 1.25);
        AddMarks(plot, display, summary, yMax);
        plot.Axes.SetLimits(range.Min, range.Max, 0, yMax);
        ChartTheme.PercentTicks(plot.Axes.Left);
        ChartTheme.LegendBelow(plot);
        return ChartTheme.Render(plot, stem, title + " — histogram", Caption(summary, values.Length, "histogram"), ChartTheme.Height + 30);
    }

    public static ReportChart Cdf(string stem, MetricDisplay display, MetricSummary summary, double[] values, AxisRange range)
    {
        var title = display.Label;
        var plot = ChartTheme.NewPlot(title, display.AxisLabel, "Share of trials at or below (%)");
        var (xs, ys) = ColumnCurves.Cdf(values, range);
        var line = plot.Add.Scatter(xs, ys);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.Color = ChartTheme.Palette[0];
        line.LineWidth = 2.5f;
        line.MarkerSize = 0;
        line.LegendText = "Cumulative share of trials";
        AddMarks(plot, display, summary, 100);
        plot.Axes.SetLimits(range.Min, range.Max, 0, 100);
        ChartTheme.PercentTicks(plot.Axes.Left);
        ChartTheme.LegendBelow(plot);
        return ChartTheme.Render(plot, stem, title + " — cumulative distribution", Caption(summary, values.Length, "cdf"), ChartTheme.Height + 30);
    }

    /// <summary>A sentence for a metric with nothing to draw: no trial defines it, or every trial gives one value.</summary>
    public static string Degenerate(MetricDisplay display, MetricSummary summary, long trials)
    {
        if (summary.Count == 0)
            return $"{display.Label}: no trial has a value (it is defined in 0 of {trials.ToString("#,0", Invariant)} trials), so there is no distribution to draw.";
        var value = display.Scaled(summary.Min).ToString(display.Format, Invariant);
        var all = summary.Count == trials
            ? $"every one of the {trials.ToString("#,0", Invariant)} trials"
            : $"each of the {summary.Count.ToString("#,0", Invariant)} trials where it is defined (of {trials.ToString("#,0", Invariant)})";
        return $"{display.Label}: {value} {display.Unit} in {all}: there is no spread, so no histogram is drawn.";
    }

    /// <summary>P5, P50 and P95 as vertical lines, each labelled inside the data area at staggered heights below <paramref name="top"/>.</summary>
    private static void AddMarks(Plot plot, MetricDisplay display, MetricSummary summary, double top)
    {
        for (var k = 0; k < Marks.Length; k++)
        {
            var (level, name, pattern) = Marks[k];
            var x = display.Scaled(summary.Percentile(level));
            if (double.IsNaN(x)) continue;
            var line = plot.Add.VerticalLine(x);
            line.LinePattern = pattern;
            line.LineWidth = 2;
            line.Color = ChartTheme.Palette[5];
            var text = $"{name} = {x.ToString(display.Format, Invariant)}";
            line.LegendText = $"{text} {display.Unit} ({PatternName(pattern)})";
            var label = plot.Add.Text(text, x, top * (0.985 - 0.075 * k));
            label.LabelFontSize = ChartTheme.MinFontSize;
            label.LabelFontColor = ChartTheme.Ink;
            label.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            label.LabelBorderColor = ChartTheme.Palette[5];
            label.LabelBorderWidth = 1;
            label.LabelPadding = 3;
            label.LabelAlignment = Alignment.UpperLeft;
            label.OffsetX = 4;
        }
    }

    private static string PatternName(LinePattern pattern) =>
        pattern.Equals(LinePattern.Dashed) ? "dashed" : pattern.Equals(LinePattern.Dotted) ? "dotted" : "solid";

    private static string Caption(MetricSummary summary, int trials, string kind)
    {
        var defined = summary.Count == trials
            ? $"All {trials.ToString("#,0", Invariant)} trials."
            : $"Defined in {summary.Count.ToString("#,0", Invariant)} of {trials.ToString("#,0", Invariant)} trials; the others are left out.";
        var what = kind == "histogram"
            ? $" {Bins} equal bins over the axis range shared by every scenario in this report (P1 to P99 of the runs, with a margin); values beyond it are counted in the end bins."
            : " The curve gives, for each value, the share of trials at or below it; read P5, P50 and P95 off the marked lines.";
        return defined + what;
    }
}
