using System.Globalization;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Report;

/// <summary>The figures a board asks for first, read from the run's summary (never recomputed from the trials).</summary>
internal static class HeadlineFigures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static readonly MetricDisplay[] Distributions = MetricDisplay.All;

    public static IReadOnlyList<HeadlineFigure> Of(RunSummary summary, Scenario scenario)
    {
        var rows = new List<HeadlineFigure>();
        var deadline = scenario.Shipments.Deadline;
        if (Probability(summary, MetricNames.DeliveredByDeadline, $"First tranche shipped by the deadline ({deadline})", invert: false) is { } d)
            rows.Add(d);
        if (Probability(summary, MetricNames.NothingDelivered, "Any H200 shipped within the horizon", invert: true) is { } any)
            rows.Add(any);
        foreach (var display in Distributions)
            if (summary.Metric(display.Metric) is { } s)
                rows.Add(HeadlineFigure.Of(display, s, summary.Trials));
        return rows;
    }

    /// <summary>One or two plain sentences with the figures a reader wants before any chart.</summary>
    public static string Brief(RunSummary summary, Scenario scenario)
    {
        var parts = new List<string>();
        var deadline = summary.Metric(MetricNames.DeliveredByDeadline)?.Probability;
        var nothing = summary.Metric(MetricNames.NothingDelivered)?.Probability;
        if (deadline is { } pd && nothing is { } pn)
            parts.Add(string.Create(Invariant,
                $"The first tranche ships by the deadline ({scenario.Shipments.Deadline}) in {100 * pd:0.0}% of trials, and within the horizon at all in {100 * (1 - pn):0.0}%."));
        var revenue = MetricDisplay.IncrementalRevenue;
        if (summary.Metric(revenue.Metric) is { } r)
            parts.Add(MetricDisplay.IsDegenerate(r)
                ? r.Count == 0
                    ? "No trial has an incremental revenue."
                    : string.Create(Invariant, $"Incremental cloud revenue from H200s is CNY {revenue.Scaled(r.Min):0.00} bn in every trial: nothing here varies it.")
                : string.Create(Invariant,
                    $"Median incremental cloud revenue from H200s over the horizon is CNY {revenue.Scaled(r.P50):0.00} bn (90% of trials between {revenue.Scaled(r.P5):0.00} and {revenue.Scaled(r.P95):0.00})."));
        if (summary.Metric(MetricNames.Roi) is { } roi)
            parts.Add(roi.Count == 0
                ? "No trial buys any H200, so the return is undefined throughout."
                : roi.Min == roi.Max
                    ? string.Create(Invariant, $"The return is {roi.Min:0.00} CNY of in-horizon gross profit per CNY spent in each of the {roi.Count:#,0} trials that bought chips.")
                    : string.Create(Invariant, $"The median return is {roi.P50:0.00} CNY of in-horizon gross profit per CNY spent (P5 {roi.P5:0.00}, P95 {roi.P95:0.00}), over the {roi.Count:#,0} trials that bought chips."));
        return string.Join(" ", parts);
    }

    /// <summary>What ROI means in this scenario, with its horizon: revenue after the horizon is not counted.</summary>
    public static string RoiMeaning(Scenario scenario)
    {
        var c = scenario.Calendar;
        return $"Return (ROI) = gross profit within the {c.Months}-month horizon ({c.Start} to {c.End}) ÷ Alibaba's spend on the chips, "
            + $"fee included. Revenue the chips earn after {c.End} is not counted, so an ROI below 1 is not a loss: it is the share of the cost recovered within the horizon."
            + (scenario.Economics.ValueOverLife is { } life
                ? $" Lifetime ROI is the other one: discounted gross profit over each chip's {life.UsefulLifeMonths}-month useful life (after the horizon at the last month's rate) "
                  + $"÷ discounted spend, at {(100 * life.DiscountRateYoy).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}% a year; above 1 the purchase pays for itself."
                : "");
    }

    /// <summary>Share of trials in each final state of each actor, from the summary: (actor, state, share).</summary>
    public static IReadOnlyList<(string Actor, string State, double Share)> FinalStates(RunSummary summary)
    {
        var rows = new List<(string, string, double)>();
        foreach (var entry in summary.Metrics)
        {
            if (entry is not StateShares shares || !shares.Name.EndsWith("_final", StringComparison.Ordinal)) continue;
            var actor = shares.Name[..^6];
            for (var s = 0; s < shares.States.Length; s++)
                rows.Add((actor, shares.States[s], summary.Trials == 0 ? double.NaN : shares.Shares[s]));
        }
        return rows;
    }

    private static HeadlineFigure? Probability(RunSummary summary, string metric, string label, bool invert)
    {
        if (summary.Metric(metric) is not { Probability: { } p } s) return null;
        var share = invert ? 1 - p : p;
        return new HeadlineFigure(label, "%", "0.0", share, share, double.NaN, double.NaN, double.NaN, s.Count, summary.Trials);
    }
}
