using System.Globalization;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;
using ScottPlot;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// The cumulative probability that the initial tranche has shipped by each month, with the deadline marked. In a run
/// conditioned on history the probability is the share of weight, and a one-scenario chart marks the observed
/// shipments and the end of the record (<see cref="HistoryMarks"/>).
/// </summary>
internal static class FirstDeliveryChart
{
    /// <summary>
    /// P(first delivery in month ≤ m) over all trials (a trial with no delivery never counts), in %, per month index; in a
    /// weighted run, the weight of the trials delivered by m over the weight of all trials.
    /// </summary>
    public static double[] Cumulative(SimulationResult result)
    {
        var months = result.Scenario.Calendar.Months;
        var curve = new double[months];
        var column = result.Column(MetricNames.MonthsToFirstDelivery);
        if (column is null || column.Values.Length == 0) return curve;
        if (ChartWeights.Scaled(result.Weights) is { } weights) return Weighted(column.Values, weights, curve);
        var counts = new long[months];
        foreach (var v in column.Values)
            if (!double.IsNaN(v) && v >= 0 && v < months) counts[(int)v]++;
        long running = 0;
        for (var m = 0; m < months; m++)
        {
            running += counts[m];
            curve[m] = 100.0 * running / column.Values.Length;
        }
        return curve;
    }

    private static double[] Weighted(double[] values, double[] weights, double[] curve)
    {
        var months = curve.Length;
        var sums = new double[months];
        double total = 0;
        for (var t = 0; t < values.Length; t++)
        {
            var w = weights[t];
            if (!(w > 0)) continue;
            total += w;
            var v = values[t];
            if (!double.IsNaN(v) && v >= 0 && v < months) sums[(int)v] += w;
        }
        if (!(total > 0)) return curve;
        double running = 0;
        for (var m = 0; m < months; m++)
        {
            running += sums[m];
            curve[m] = Math.Min(100.0, 100.0 * running / total);
        }
        return curve;
    }

    /// <param name="byDeadline">The run's P(delivered by the deadline) from its summary, printed in the legend of a one-scenario chart.</param>
    public static ReportChart Render(string stem, IReadOnlyList<(string Name, SimulationResult Result)> runs, double? byDeadline = null)
    {
        var first = runs[0].Result.Scenario;
        var months = runs.Max(r => r.Result.Scenario.Calendar.Months);
        var title = runs.Count == 1 ? "When does the first H200 tranche arrive?" : "First delivery by month, scenarios compared";
        var plot = ChartTheme.NewPlot(title, "Month", "Probability that the first tranche has shipped (%)");
        for (var i = 0; i < runs.Count; i++)
        {
            var curve = Cumulative(runs[i].Result);
            var xs = Enumerable.Range(0, curve.Length).Select(m => (double)m).ToArray();
            var line = plot.Add.Scatter(xs, curve);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.Color = runs.Count == 1 ? ChartTheme.Palette[0] : ChartTheme.ColorOf(i);
            line.LinePattern = ChartTheme.Patterns[i % ChartTheme.Patterns.Length];
            line.LineWidth = 2.5f;
            line.MarkerShape = ChartTheme.Markers[i % ChartTheme.Markers.Length];
            line.MarkerSize = 7;
            line.LegendText = runs.Count == 1 ? "P(first delivery by the end of the month)" : runs[i].Name;
        }

        var deadline = first.Shipments.Deadline;
        var at = deadline.MonthsSince(first.Calendar.Start);
        if (at >= 0 && at < months)
        {
            var mark = plot.Add.VerticalLine(at);
            mark.LinePattern = LinePattern.Dashed;
            mark.LineWidth = 2;
            mark.Color = ChartTheme.Ink;
            var share = runs.Count == 1 && byDeadline is { } p
                ? $": {(100 * p).ToString("0.0", CultureInfo.InvariantCulture)}% by then"
                : "";
            mark.LegendText = $"Deadline {deadline}{share} (dashed)";
            mark.LabelText = $"deadline {deadline}";
            mark.LabelOppositeAxis = true;
            mark.LabelFontSize = ChartTheme.MinFontSize;
        }
        var observed = runs.Count == 1 ? HistoryMarks.FirstDelivery(plot, first.History, first.Calendar.Start, months) : null;
        MonthAxis.Apply(plot, first.Calendar.Start, months);
        ChartTheme.PercentTicks(plot.Axes.Left);
        plot.Axes.SetLimits(-0.5, months - 0.5, 0, 100);
        ChartTheme.LegendInside(plot, Alignment.LowerRight);
        var caption = "Share of all trials in which the initial tranche has shipped by the end of each month; trials with no delivery "
            + "in the horizon never count, so the curve's final height is the probability of any delivery at all.";
        if (runs.Any(r => r.Result.Weights is not null))
            caption = ChartWeights.Caption + " " + (runs.Count == 1 ? caption.Replace("Share of all trials", "Share of the weight of all trials", StringComparison.Ordinal)
                : caption + " A run conditioned on history is drawn weighted, one without history counts trials.");
        if (observed is not null) caption += " " + observed;
        return ChartTheme.Render(plot, stem, title, caption);
    }
}
