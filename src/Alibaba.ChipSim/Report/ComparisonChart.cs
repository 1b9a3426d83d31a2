using ScottPlot;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// One metric's empirical CDFs for several scenarios on one chart: colour, line pattern and marker differ for each. A run
/// conditioned on history (with weights, scaled by <see cref="ChartWeights.Scaled"/>) is drawn as its weighted CDF.
/// </summary>
internal static class ComparisonChart
{
    public static ReportChart Render(string stem, MetricDisplay display, IReadOnlyList<(string Name, double[] Values)> runs, AxisRange range,
        IReadOnlyList<double[]?>? weights = null)
    {
        var weighted = weights is not null && weights.Any(w => w is not null);
        var title = display.Label + ": scenarios compared";
        var plot = ChartTheme.NewPlot(title, display.AxisLabel, weighted ? "Share at or below (%)" : "Share of trials at or below (%)");
        for (var i = 0; i < runs.Count; i++)
        {
            var w = weights is not null && i < weights.Count ? weights[i] : null;
            var (xs, ys) = w is null ? ColumnCurves.Cdf(runs[i].Values, range) : ColumnCurves.Cdf(runs[i].Values, w, range);
            if (double.IsNaN(ys[0]))
            {
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = runs[i].Name + ": no trial has a value" });
                continue;
            }
            var line = plot.Add.Scatter(xs, ys);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.Color = ChartTheme.ColorOf(i);
            line.LinePattern = ChartTheme.Patterns[i % ChartTheme.Patterns.Length];
            line.LineWidth = 2.5f;
            line.MarkerSize = 0;

            // Sparse markers tell the curves apart in grey print where line patterns blur.
            var mx = new List<double>();
            var my = new List<double>();
            for (var k = 20 + 9 * i; k < xs.Length; k += 50) { mx.Add(xs[k]); my.Add(ys[k]); }
            var markers = plot.Add.Markers(mx.ToArray(), my.ToArray());
            markers.MarkerShape = ChartTheme.Markers[i % ChartTheme.Markers.Length];
            markers.MarkerSize = 9;
            markers.Color = ChartTheme.ColorOf(i);
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = w is null || !weighted ? runs[i].Name : runs[i].Name + " (weighted)",
                LineColor = line.Color,
                LineWidth = line.LineWidth,
                LinePattern = line.LinePattern,
                MarkerShape = markers.MarkerShape,
                MarkerSize = markers.MarkerSize,
                MarkerFillColor = line.Color,
                MarkerLineColor = line.Color,
            });
        }
        plot.Axes.SetLimits(range.Min, range.Max, 0, 100);
        ChartTheme.PercentTicks(plot.Axes.Left);
        ChartTheme.LegendInside(plot, Alignment.LowerRight);
        var caption = "Empirical cumulative distributions on one axis: a curve further right means larger values. "
            + "Scenarios run at the same seed share every draw they have in common, so the gaps are the effect of what differs.";
        if (weighted)
            caption += " A run conditioned on history is drawn weighted (the share of weight at or below each value), so its gap from a run without history is also what the record changes.";
        return ChartTheme.Render(plot, stem, title, caption);
    }
}
