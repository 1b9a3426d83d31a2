using System.Globalization;
using Alibaba.ChipSim.Statistics;
using ScottPlot;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// Histogram and empirical CDF of one per-trial metric, with P5, P50 and P95 (read from the summary) marked by line
/// style and label. Callers draw neither for a degenerate metric (<see cref="MetricDisplay.IsDegenerate"/>). With
/// <c>weights</c> (a run conditioned on history, scaled by <see cref="ChartWeights.Scaled"/>) the bars and the curve are
/// shares of weight, and the marks are the summary's weighted percentiles.
/// </summary>
internal static class DistributionChart
{
    private const int Bins = 40;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly (int Level, string Name, LinePattern Pattern)[] Marks =
        [(5, "P5", LinePattern.Dashed), (50, "P50", LinePattern.Solid), (95, "P95", LinePattern.Dotted)];

    public static ReportChart Histogram(string stem, MetricDisplay display, MetricSummary summary, double[] values, AxisRange range, double[]? weights = null)
    {
        var title = display.Label;
        var plot = ChartTheme.NewPlot(title, display.AxisLabel, weights is null ? "Share of trials (%)" : "Share of weight (%)");
        var width = (range.Max - range.Min) / Bins;
        var shares = Shares(values, weights, range);
        var bars = new List<Bar>();
        for (var i = 0; i < Bins; i++)
            bars.Add(new Bar
            {
                Position = range.Min + (i + 0.5) * width,
                Value = shares[i],
                Size = width,
                FillColor = ChartTheme.Palette[0].WithAlpha(0.55),
                LineColor = ChartTheme.Ink,
                LineWidth = 0.6f,
            });
        var top = Math.Max(bars.Max(bar => bar.Value), 1e-9);
        var barPlot = plot.Add.Bars(bars);
        barPlot.LegendText = weights is null
            ? $"Trials ({summary.Count.ToString("#,0", Invariant)} with a value)"
            : $"Share of weight ({summary.Count.ToString("#,0", Invariant)} trials with a value and weight)";
        // Headroom for the percentile labels along the top edge, but a share axis never beyond 100%.
        var yMax = Math.Min(100, top * 1.25);
        AddMarks(plot, display, summary, yMax);
        plot.Axes.SetLimits(range.Min, range.Max, 0, yMax);
        ChartTheme.PercentTicks(plot.Axes.Left);
        ChartTheme.LegendBelow(plot);
        return ChartTheme.Render(plot, stem, title + " — histogram", Caption(summary, values.Length, "histogram", weights is not null), ChartTheme.Height + 30);
    }

    /// <summary>Each bin's share of the defined values (of their weight, when weighted), in %.</summary>
    internal static double[] Shares(double[] values, double[]? weights, AxisRange range)
    {
        var shares = new double[Bins];
        if (weights is null)
        {
            var counts = ColumnCurves.Histogram(values, range, Bins, out var defined);
            for (var i = 0; i < Bins; i++) shares[i] = defined == 0 ? 0 : 100.0 * counts[i] / defined;
            return shares;
        }
        var sums = ColumnCurves.Histogram(values, weights, range, Bins, out var total);
        for (var i = 0; i < Bins; i++) shares[i] = total > 0 ? 100.0 * sums[i] / total : 0;
        return shares;
    }

    public static ReportChart Cdf(string stem, MetricDisplay display, MetricSummary summary, double[] values, AxisRange range, double[]? weights = null)
    {
        var title = display.Label;
        var plot = ChartTheme.NewPlot(title, display.AxisLabel, weights is null ? "Share of trials at or below (%)" : "Share of weight at or below (%)");
        var (xs, ys) = weights is null ? ColumnCurves.Cdf(values, range) : ColumnCurves.Cdf(values, weights, range);
        var line = plot.Add.Scatter(xs, ys);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.Color = ChartTheme.Palette[0];
        line.LineWidth = 2.5f;
        line.MarkerSize = 0;
        line.LegendText = weights is null ? "Cumulative share of trials" : "Cumulative share of weight";
        AddMarks(plot, display, summary, 100);
        plot.Axes.SetLimits(range.Min, range.Max, 0, 100);
        ChartTheme.PercentTicks(plot.Axes.Left);
        ChartTheme.LegendBelow(plot);
        return ChartTheme.Render(plot, stem, title + " — cumulative distribution", Caption(summary, values.Length, "cdf", weights is not null), ChartTheme.Height + 30);
    }

    /// <summary>A sentence for a metric with nothing to draw: no trial defines it, or every trial gives one value.</summary>
    public static string Degenerate(MetricDisplay display, MetricSummary summary, long trials, bool weighted = false)
    {
        if (weighted) return DegenerateWeighted(display, summary, trials);
        if (summary.Count == 0)
            return $"{display.Label}: no trial has a value (it is defined in 0 of {trials.ToString("#,0", Invariant)} trials), so there is no distribution to draw.";
        var value = display.Scaled(summary.Min).ToString(display.Format, Invariant);
        var all = summary.Count == trials
            ? $"every one of the {trials.ToString("#,0", Invariant)} trials"
            : $"each of the {summary.Count.ToString("#,0", Invariant)} trials where it is defined (of {trials.ToString("#,0", Invariant)})";
        return $"{display.Label}: {value} {display.Unit} in {all}: there is no spread, so no histogram is drawn.";
    }

    private static string DegenerateWeighted(MetricDisplay display, MetricSummary summary, long trials)
    {
        if (summary.Count == 0)
            return $"{display.Label}: no trial that carries weight has a value (of {trials.ToString("#,0", Invariant)} trials), so there is no distribution to draw.";
        var value = display.Scaled(summary.Min).ToString(display.Format, Invariant);
        return $"{display.Label}: {value} {display.Unit} in each of the {summary.Count.ToString("#,0", Invariant)} trials that have a value and carry weight "
            + $"(of {trials.ToString("#,0", Invariant)}): there is no spread, so no histogram is drawn.";
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

    private static string Caption(MetricSummary summary, int trials, string kind, bool weighted)
    {
        if (weighted) return WeightedCaption(summary, trials, kind);
        var defined = summary.Count == trials
            ? $"All {trials.ToString("#,0", Invariant)} trials."
            : $"Defined in {summary.Count.ToString("#,0", Invariant)} of {trials.ToString("#,0", Invariant)} trials; the others are left out.";
        var what = kind == "histogram"
            ? $" {Bins} equal bins over the axis range shared by every scenario in this report (P1 to P99 of the runs, with a margin); values beyond it are counted in the end bins."
            : " The curve gives, for each value, the share of trials at or below it; read P5, P50 and P95 off the marked lines.";
        return defined + what;
    }

    private static string WeightedCaption(MetricSummary summary, int trials, string kind)
    {
        var counted = summary.Count == trials
            ? $" All {trials.ToString("#,0", Invariant)} trials have a value and carry weight."
            : $" {summary.Count.ToString("#,0", Invariant)} of {trials.ToString("#,0", Invariant)} trials have a value and carry weight; the others are left out.";
        var what = kind == "histogram"
            ? $" Each bar is its bin's share of their total weight: {Bins} equal bins over the axis range shared by every scenario in this report (P1 to P99 of the runs, with a margin); values beyond it are counted in the end bins."
            : " The curve gives, for each value, the share of weight at or below it (the weighted empirical distribution); the marked lines are the summary's weighted P5, P50 and P95.";
        return ChartWeights.Caption + counted + what;
    }
}
