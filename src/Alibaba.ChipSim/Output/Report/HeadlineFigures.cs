using Alibaba.ChipSim.Engine;

namespace Alibaba.ChipSim.Output.Report;

/// <summary>The figures a board asks for first, computed from a run's per-trial columns.</summary>
internal static class HeadlineFigures
{
    public static readonly MetricDisplay[] Distributions =
    [
        MetricDisplay.MonthsToFirstDelivery, MetricDisplay.ChipsDelivered, MetricDisplay.FeeTotal, MetricDisplay.FeeBorne,
        MetricDisplay.CostCny, MetricDisplay.CloudRevenue, MetricDisplay.IncrementalRevenue,
        MetricDisplay.IncrementalGrossProfit, MetricDisplay.Roi,
    ];

    public static IReadOnlyList<HeadlineFigure> Of(SimulationResult result)
    {
        var rows = new List<HeadlineFigure>();
        var deadline = result.Scenario.Shipments.Deadline;
        if (Probability(result, MetricNames.DeliveredByDeadline, $"First tranche shipped by the deadline ({deadline})", invert: false) is { } d)
            rows.Add(d);
        if (Probability(result, MetricNames.NothingDelivered, "Any H200 shipped within the horizon", invert: true) is { } any)
            rows.Add(any);
        foreach (var display in Distributions)
        {
            var values = display.ValuesOf(result);
            if (values is null) continue;
            var p = new Percentiles(values);
            rows.Add(new HeadlineFigure(display.Label, display.Unit, display.Format, null,
                p.Mean, p.At(5), p.At(50), p.At(95), p.Count, result.Trials));
        }
        return rows;
    }

    /// <summary>Share of trials in each final state of each actor: (actor, state, share).</summary>
    public static IReadOnlyList<(string Actor, string State, double Share)> FinalStates(SimulationResult result)
    {
        var rows = new List<(string, string, double)>();
        foreach (var column in result.Categorical)
        {
            var counts = new long[column.Categories.Length];
            foreach (var code in column.Codes)
                if (code < counts.Length) counts[code]++;
            var actor = column.Name.EndsWith("_final", StringComparison.Ordinal) ? column.Name[..^6] : column.Name;
            for (var s = 0; s < counts.Length; s++)
                rows.Add((actor, column.Categories[s], column.Codes.Length == 0 ? double.NaN : (double)counts[s] / column.Codes.Length));
        }
        return rows;
    }

    private static HeadlineFigure? Probability(SimulationResult result, string metric, string label, bool invert)
    {
        var column = result.Column(metric);
        if (column is null) return null;
        var p = new Percentiles(column.Values);
        if (p.Count == 0) return null;
        var share = invert ? 1 - p.Mean : p.Mean;
        return new HeadlineFigure(label, "%", "0.0", share, share, double.NaN, double.NaN, double.NaN, p.Count, result.Trials);
    }
}
