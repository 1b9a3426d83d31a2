using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Report;

/// <summary>Month-indexed x axes: index 0 is the first simulated month; a labelled tick every few months.</summary>
internal static class MonthAxis
{
    public static (double[] Positions, string[] Labels) Ticks(Month start, int months)
    {
        var step = months <= 13 ? 1 : months <= 30 ? 3 : 6;
        var positions = new List<double>();
        var labels = new List<string>();
        for (var m = 0; m < months; m += step)
        {
            positions.Add(m);
            labels.Add(start.AddMonths(m).ToString());
        }
        return (positions.ToArray(), labels.ToArray());
    }

    public static void Apply(ScottPlot.Plot plot, Month start, int months)
    {
        var (positions, labels) = Ticks(start, months);
        ChartTheme.ManualTicks(plot.Axes.Bottom, positions, labels);
        // The last tick may sit at the right edge: room for half its label, so "2028-03" is not clipped.
        plot.Axes.Right.MinimumSize = 40;
    }
}
