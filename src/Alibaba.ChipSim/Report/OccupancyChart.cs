using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Scenarios.History;
using ScottPlot;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// The share of trials in each of an actor's states after each month's step, as stacked areas (each hatched
/// differently). In a run conditioned on history the shares are of weight, and an observed actor's observed months are
/// marked (<see cref="HistoryMarks"/>).
/// </summary>
internal static class OccupancyChart
{
    public static ReportChart Render(string stem, StateOccupancy occupancy, long trials, IReadOnlyList<double?> gates,
        HistorySpec? history = null, ActorSpec? actor = null)
    {
        var months = occupancy.Months;
        var xs = Enumerable.Range(0, months).Select(i => (double)i).ToArray();
        var weighted = occupancy.WeightedCounts is not null;
        var share = weighted ? "share of weight" : "share of trials";
        var title = $"{ParameterLabels.Capitalised(occupancy.Actor)}: {share} in each state, month by month";
        var plot = ChartTheme.NewPlot(title, "Month (state after that month's step)", weighted ? "Share of weight (%)" : "Share of trials (%)");
        var below = new double[months];
        for (var s = 0; s < occupancy.States.Length; s++)
        {
            var above = new double[months];
            for (var m = 0; m < months; m++)
                above[m] = below[m] + (occupancy.WeightedCounts is null
                    ? 100.0 * occupancy.Count(m, s) / Math.Max(trials, 1)
                    : 100.0 * occupancy.Share(m, s));
            var fill = plot.Add.FillY(xs, below, above);
            var color = ChartTheme.ColorOf(s);
            fill.FillStyle.Color = color.WithAlpha(0.55);
            fill.FillStyle.Hatch = ChartTheme.HatchOf(s);
            fill.FillStyle.HatchColor = ChartTheme.Ink.WithAlpha(0.55);
            fill.LineStyle.Color = ChartTheme.Ink;
            fill.LineStyle.Width = 1;
            var gate = s < gates.Count && gates[s] is { } g ? $" (gate {ChartTheme.Number(g)})" : "";
            fill.LegendText = $"{occupancy.States[s].Replace('_', ' ')}{gate}";
            below = above;
        }
        var observed = HistoryMarks.Occupancy(plot, history, actor, occupancy.Actor, occupancy.Start, months);
        MonthAxis.Apply(plot, occupancy.Start, months);
        ChartTheme.PercentTicks(plot.Axes.Left);
        plot.Axes.SetLimits(-0.3, months - 0.7, 0, 100);
        ChartTheme.LegendBelow(plot);
        var caption = $"Each band is the share of trials in which {ParameterLabels.Capitalised(occupancy.Actor)} is in that state after the month's step; "
            + "bands are stacked from the bottom in the order the legend lists the states, and sum to 100%. Gates are shown where they are constants.";
        if (weighted) caption = ChartWeights.Caption + " " + caption.Replace("the share of trials in which", "the share of weight of the trials in which", StringComparison.Ordinal);
        if (observed is not null) caption += " " + observed;
        return ChartTheme.Render(plot, stem, title, caption);
    }
}
