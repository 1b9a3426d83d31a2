using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Outcomes;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// How the report shows a per-trial outcome. Name, unit and display scale come from the outcome catalogue (so the
/// page's units are the console's: spend and fees in USD m, revenue in CNY bn, chips as chips); the report adds
/// a sentence-length label and a number format. An outcome without report words gets the catalogue's label.
/// </summary>
internal sealed record MetricDisplay(OutcomeMetric Outcome, string Label, string Format)
{
    private static readonly Dictionary<Outcome, (string Label, string Format)> Words = new()
    {
        [Outcomes.Outcome.MonthsToFirstDelivery] = ("Months from the start to the first delivery", "0.#"),
        [Outcomes.Outcome.ChipsDelivered] = ("H200 chips delivered to Alibaba within the horizon", "#,0"),
        [Outcomes.Outcome.FeeTotalUsd] = ("Export fee collected by the US on all H200s shipped to China", "#,0"),
        [Outcomes.Outcome.FeeBorneUsd] = ("Export fee borne by Alibaba through the price", "#,0"),
        [Outcomes.Outcome.CostUsd] = ("Alibaba's spend on H200s, fee included", "#,0"),
        [Outcomes.Outcome.CloudRevenueCnyBn] = ("Cloud revenue over the horizon", "#,0.0"),
        [Outcomes.Outcome.IncrementalRevenueCnyBn] = ("Incremental cloud revenue from H200s over the horizon", "0.00"),
        [Outcomes.Outcome.IncrementalGrossProfitCnyBn] = ("Incremental gross profit from H200s", "0.00"),
        [Outcomes.Outcome.Roi] = ("Return on the H200 purchase (in-horizon gross profit ÷ cost)", "0.00"),
    };

    public static readonly MetricDisplay IncrementalRevenue = For(OutcomeCatalogue.IncrementalRevenueCnyBn);
    public static readonly MetricDisplay IncrementalGrossProfit = For(OutcomeCatalogue.IncrementalGrossProfitCnyBn);
    public static readonly MetricDisplay Roi = For(OutcomeCatalogue.Roi);
    public static readonly MetricDisplay ChipsDelivered = For(OutcomeCatalogue.ChipsDelivered);
    public static readonly MetricDisplay FeeTotal = For(OutcomeCatalogue.FeeTotalUsd);
    public static readonly MetricDisplay FeeBorne = For(OutcomeCatalogue.FeeBorneUsd);
    public static readonly MetricDisplay CostUsd = For(OutcomeCatalogue.CostUsd);
    public static readonly MetricDisplay CloudRevenue = For(OutcomeCatalogue.CloudRevenueCnyBn);
    public static readonly MetricDisplay MonthsToFirstDelivery = For(OutcomeCatalogue.MonthsToFirstDelivery);

    /// <summary>Quarterly series (the fan charts).</summary>
    public static readonly MetricDisplay QuarterlyCloudRevenue = CloudRevenue with { Label = "Cloud revenue per quarter" };

    public static readonly MetricDisplay QuarterlyIncrementalRevenue =
        IncrementalRevenue with { Label = "Incremental cloud revenue from H200s per quarter" };

    /// <summary>
    /// The distributions of the headline table, in order: the catalogue's headline outcomes (a scenario with value
    /// over life adds NPV and the like) with the first-delivery month, cloud revenue and gross profit the board asks for.
    /// </summary>
    public static readonly MetricDisplay[] All =
    [
        MonthsToFirstDelivery, ChipsDelivered, FeeTotal, FeeBorne, CostUsd, CloudRevenue, IncrementalRevenue, IncrementalGrossProfit, Roi,
        .. OutcomeCatalogue.Headlines.Where(m => m.Id > Outcomes.Outcome.Roi).Select(For),
    ];

    public string Metric => Outcome.Name;

    public double Scale => Outcome.DisplayScale;

    /// <summary>The unit as displayed: the stored unit at the catalogue's display scale (USD × 1e-6 = USD m).</summary>
    public string Unit => Outcome.DisplayScale switch
    {
        1 => Outcome.Unit,
        1e-3 => Outcome.Unit + " thousand",
        1e-6 => Outcome.Unit + " m",
        1e-9 => Outcome.Unit + " bn",
        var s => $"{Outcome.Unit} × {s:G3}",
    };

    public string AxisLabel => $"{Label} ({Unit})";

    /// <summary>A short name for titles ("What moves incremental cloud revenue").</summary>
    public string ShortLabel => Outcome.Id switch
    {
        Outcomes.Outcome.IncrementalRevenueCnyBn => "incremental cloud revenue",
        Outcomes.Outcome.CloudRevenueCnyBn => "cloud revenue",
        Outcomes.Outcome.Roi => "the return on the purchase",
        Outcomes.Outcome.ChipsDelivered => "chips delivered",
        _ => char.ToLowerInvariant(Label[0]) + Label[1..],
    };

    /// <summary>The report's display of a catalogue outcome: its own words when it has them, else the catalogue's label without the unit.</summary>
    public static MetricDisplay For(OutcomeMetric m)
    {
        if (Words.TryGetValue(m.Id, out var w)) return new MetricDisplay(m, w.Label, w.Format);
        var display = new MetricDisplay(m, m.Label, m.Kind is OutcomeKind.Count or OutcomeKind.ChipCount ? "#,0" : "0.00");
        var suffix = $" ({display.Unit})";
        return m.Label.EndsWith(suffix, StringComparison.Ordinal) ? display with { Label = m.Label[..^suffix.Length] } : display;
    }

    /// <summary>The display of <paramref name="metric"/>, or null when it is not a catalogue outcome.</summary>
    public static MetricDisplay? Of(string metric) => OutcomeCatalogue.Find(metric) is { } m ? For(m) : null;

    /// <summary>The metric's values in display units (NaN kept as missing); null when the run lacks the column.</summary>
    public double[]? ValuesOf(SimulationResult result)
    {
        var column = result.Column(Metric);
        if (column is null) return null;
        var values = new double[column.Values.Length];
        for (var i = 0; i < values.Length; i++) values[i] = column.Values[i] * Scale;
        return values;
    }

    /// <summary>A statistic of the summary in display units; NaN when absent.</summary>
    public double Scaled(double? value) => value is { } v ? v * Scale : double.NaN;

    /// <summary>True when the summary leaves nothing to draw: no trial defines the metric, or every trial gives one value.</summary>
    public static bool IsDegenerate(MetricSummary s) => s.Count == 0 || s.Min == s.Max;
}
