using System.Globalization;
using ScottPlot;

namespace Alibaba.ChipSim.Report;

/// <summary>Histogram and empirical CDF of one per-trial metric, with P5, P50 and P95 marked by line style and label.</summary>
internal static class DistributionChart
{
    private const int Bins = 40;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly (double Level, string Name, LinePattern Pattern)[] Marks =
        [(5, "P5", LinePattern.Dashed), (50, "P50", LinePattern.Solid), (95, "P95", LinePattern.Dotted)];

    public static ReportChart Histogram(string stem, MetricDisplay display, double[] values, AxisRange range)
    {
        var p = new Percentiles(values);
        var title = display.Label;
        var plot = ChartTheme.NewPlot(title, display.AxisLabel, "Share of trials (%)");
        var width = (range.Max - range.Min) / Bins;
        var top = 1.0;
        if (p.Count > 0)
        {
            var counts = new long[Bins];
            foreach (var v in p.Sorted)
                counts[Math.Clamp((int)Math.Floor((v - range.Min) / width), 0, Bins - 1)]++;
            var bars = new List<Bar>();
            for (var i = 0; i < Bins; i++)
                bars.Add(new Bar
                {
                    Position = range.Min + (i + 0.5) * width,
                    Value = 100.0 * counts[i] / p.Count,
                    Size = width,
                    FillColor = ChartTheme.Palette[0].WithAlpha(0.55),
                    LineColor = ChartTheme.Ink,
                    LineWidth = 0.6f,
                });
            top = bars.Max(bar => bar.Value);
            var barPlot = plot.Add.Bars(bars);
            barPlot.LegendText = $"Trials ({p.Count.ToString("#,0", Invariant)} with a value)";
        }
        AddMarks(plot, display, p, top * 1.15);
        // Headroom for the percentile labels drawn along the top edge.
        plot.Axes.SetLimits(range.Min, range.Max, 0, p.Count > 0 ? top * 1.15 : 100);
        if (p.Count > 0) ChartTheme.LegendBelow(plot);
        return ChartTheme.Render(plot, stem, title + " — histogram", Caption(p, values.Length, "histogram"));
    }

    public static ReportChart Cdf(string stem, MetricDisplay display, double[] values, AxisRange range)
    {
        var p = new Percentiles(values);
        var title = display.Label;
        var plot = ChartTheme.NewPlot(title, display.AxisLabel, "Share of trials at or below (%)");
        if (p.Count > 0)
        {
            var (xs, ys) = Curve(p, range);
            var line = plot.Add.Scatter(xs, ys);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.Color = ChartTheme.Palette[0];
            line.LineWidth = 2.5f;
            line.MarkerSize = 0;
            line.LegendText = "Cumulative share of trials";
        }
        AddMarks(plot, display, p, 100);
        plot.Axes.SetLimits(range.Min, range.Max, 0, 100);
        ChartTheme.PercentTicks(plot.Axes.Left);
        if (p.Count > 0) ChartTheme.LegendBelow(plot);
        return ChartTheme.Render(plot, stem, title + " — cumulative distribution", Caption(p, values.Length, "cdf"));
    }

    /// <summary>The empirical CDF sampled on a grid over the shared range (step points at every grid value).</summary>
    public static (double[] Xs, double[] Ys) Curve(Percentiles p, AxisRange range, int points = 400)
    {
        var xs = new double[points + 1];
        var ys = new double[points + 1];
        for (var i = 0; i <= points; i++)
        {
            xs[i] = range.Min + (range.Max - range.Min) * i / points;
            ys[i] = 100.0 * p.ShareAtOrBelow(xs[i]);
        }
        return (xs, ys);
    }

    /// <summary>P5, P50 and P95 as vertical lines, each labelled inside the data area at staggered heights below <paramref name="top"/>.</summary>
    private static void AddMarks(Plot plot, MetricDisplay display, Percentiles p, double top)
    {
        if (p.Count == 0)
        {
            var none = plot.Add.Annotation("No trial has a value for this metric", Alignment.MiddleCenter);
            none.LabelFontSize = 18;
            none.LabelBackgroundColor = Colors.White;
            none.LabelBorderColor = ChartTheme.Ink;
            none.LabelShadowColor = Colors.Transparent;
            none.LabelFontColor = ChartTheme.Ink;
            return;
        }
        for (var k = 0; k < Marks.Length; k++)
        {
            var (level, name, pattern) = Marks[k];
            var x = p.At(level);
            var line = plot.Add.VerticalLine(x);
            line.LinePattern = pattern;
            line.LineWidth = 2;
            line.Color = ChartTheme.Palette[5];
            var text = $"{name} = {x.ToString(display.Format, Invariant)}";
            line.LegendText = $"{text} {display.Unit} ({PatternName(pattern)})";
            var label = plot.Add.Text(text, x, top * (0.985 - 0.06 * k));
            label.LabelFontSize = 12;
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

    private static string Caption(Percentiles p, int trials, string kind)
    {
        var defined = p.Count == trials
            ? $"All {trials.ToString("#,0", Invariant)} trials."
            : $"Defined in {p.Count.ToString("#,0", Invariant)} of {trials.ToString("#,0", Invariant)} trials; the others are left out.";
        var what = kind == "histogram"
            ? $" {Bins} equal bins over the axis range shared by every scenario in this report; values beyond it are counted in the end bins."
            : " The curve gives, for each value, the share of trials at or below it; read P5, P50 and P95 off the marked lines.";
        return defined + what;
    }
}
