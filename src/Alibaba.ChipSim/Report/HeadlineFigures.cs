using Alibaba.ChipSim.Engine;

namespace Alibaba.ChipSim.Report;

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

    /// <summary>One or two plain sentences with the figures a reader wants before any chart.</summary>
    public static string Brief(SimulationResult result)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var parts = new List<string>();
        var deadline = result.Column(MetricNames.DeliveredByDeadline);
        var nothing = result.Column(MetricNames.NothingDelivered);
        if (deadline is not null && nothing is not null)
            parts.Add(string.Create(inv,
                $"The first tranche ships by the deadline ({result.Scenario.Shipments.Deadline}) in {100 * new Percentiles(deadline.Values).Mean:0.0}% of trials, and within the horizon at all in {100 * (1 - new Percentiles(nothing.Values).Mean):0.0}%."));
        if (MetricDisplay.IncrementalRevenue.ValuesOf(result) is { } revenue && new Percentiles(revenue) is { Count: > 0 } r)
            parts.Add(string.Create(inv,
                $"Median incremental cloud revenue from H200s over the horizon is CNY {r.At(50):0.00} bn (90% of trials between {r.At(5):0.00} and {r.At(95):0.00})."));
        if (MetricDisplay.Roi.ValuesOf(result) is { } roi)
        {
            var p = new Percentiles(roi);
            parts.Add(p.Count == 0
                ? "No trial buys any H200, so the return is undefined throughout."
                : string.Create(inv, $"The median return is {p.At(50):0.00} CNY of gross profit per CNY spent (P5 {p.At(5):0.00}, P95 {p.At(95):0.00}), over the {p.Count:#,0} trials that bought chips."));
        }
        return string.Join(" ", parts);
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
