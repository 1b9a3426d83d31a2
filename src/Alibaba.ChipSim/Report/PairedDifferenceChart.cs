using System.Globalization;
using Alibaba.ChipSim.Statistics.Comparison;
using ScottPlot;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// The paired difference of one metric between a variant and the first scenario, trial by trial (common random
/// numbers: trial t of both runs drew the same inputs, so B − A is the effect of what the variant changes, without
/// sampling noise). Drawn as the CDF of B − A, with the shares of trials lower, unchanged and higher.
/// </summary>
internal static class PairedDifferenceChart
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Per-trial differences and the paired statistics (the same as <c>chipsim diff</c>'s) over the common trials.</summary>
    public static (double[] Differences, PairedStatistics Statistics, long Lower, long Higher) Pair(double[] a, double[] b)
    {
        var n = Math.Min(a.Length, b.Length);
        var paired = new PairedColumn("difference");
        var differences = new double[n];
        long lower = 0, higher = 0;
        for (var t = 0; t < n; t++)
        {
            paired.Add(a[t], b[t]);
            var d = b[t] - a[t];
            differences[t] = d;
            if (d < 0) lower++;
            else if (d > 0) higher++;
        }
        return (differences, paired.Statistics(), lower, higher);
    }

    /// <summary>The chart, or null when no trial changed (the page then says so in words).</summary>
    public static ReportChart? Render(string stem, MetricDisplay display, string nameA, string nameB, double[] a, double[] b)
    {
        var (d, stats, lower, higher) = Pair(a, b);
        if (stats.Pairs == 0 || (lower == 0 && higher == 0)) return null;
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var v in d)
            if (!double.IsNaN(v)) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
        var range = new AxisRange(Math.Min(lo, 0), Math.Max(hi, 0)).Padded(0.04);
        var title = $"{display.ShortLabel[..1].ToUpperInvariant()}{display.ShortLabel[1..]}: {nameB} minus {nameA}, trial by trial";
        var plot = ChartTheme.NewPlot(title, $"Difference per trial, {nameB} − {nameA} ({display.Unit})", "Share of trials at or below (%)");
        var (xs, ys) = ColumnCurves.Cdf(d, range);
        var line = plot.Add.Scatter(xs, ys);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.Color = ChartTheme.Palette[0];
        line.LineWidth = 2.5f;
        line.MarkerSize = 0;
        line.LegendText = "Cumulative share of paired trials";
        var zero = plot.Add.VerticalLine(0);
        zero.Color = ChartTheme.Ink;
        zero.LinePattern = LinePattern.Dashed;
        zero.LineWidth = 1.5f;
        var pairs = (double)stats.Pairs;
        zero.LegendText = string.Create(Invariant,
            $"No change (dashed): {nameB} lower in {100 * lower / pairs:0.0}%, equal in {100 * (pairs - lower - higher) / pairs:0.0}%, higher in {100 * higher / pairs:0.0}%");
        plot.Axes.SetLimits(range.Min, range.Max, 0, 100);
        ChartTheme.PercentTicks(plot.Axes.Left);
        ChartTheme.LegendBelow(plot);
        var se = stats.SeDifference is { } s ? $" ± {(2 * s).ToString("G2", Invariant)} (2 se)" : "";
        var caption = string.Create(Invariant,
            $"Both scenarios drew the same inputs in each trial (common random numbers), so the difference is what {nameB} changes, trial for trial. "
            + $"Over {stats.Pairs:#,0} paired trials the value changed in {100.0 * stats.Changed / Math.Max(1, stats.Pairs):0.0}%; the mean difference is {stats.MeanDifference.ToString("G3", Invariant).Replace("-", "−", StringComparison.Ordinal)}{se} {display.Unit}.");
        return ChartTheme.Render(plot, stem, title, caption, ChartTheme.Height + 30);
    }
}
