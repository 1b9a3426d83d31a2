using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// How a per-trial metric is shown: a readable label, the unit printed on axes and tables (the console's units:
/// spend and fees in USD m, revenue in CNY bn), the scale from the stored unit, and the number format. Every label
/// the report prints for a metric is here, so that moving to the outcome catalogue is one edit.
/// </summary>
internal sealed record MetricDisplay(string Metric, string Label, string Unit, double Scale, string Format)
{
    public static readonly MetricDisplay IncrementalRevenue =
        new(MetricNames.IncrementalRevenueCnyBn, "Incremental cloud revenue from H200s over the horizon", "CNY bn", 1, "0.00");

    public static readonly MetricDisplay IncrementalGrossProfit =
        new(MetricNames.IncrementalGrossProfitCnyBn, "Incremental gross profit from H200s", "CNY bn", 1, "0.00");

    public static readonly MetricDisplay Roi =
        new(MetricNames.Roi, "Return on the H200 purchase (in-horizon gross profit ÷ cost)", "CNY per CNY", 1, "0.00");

    public static readonly MetricDisplay ChipsDelivered =
        new(MetricNames.ChipsDelivered, "H200 chips delivered to Alibaba within the horizon", "thousand chips", 1e-3, "0.0");

    public static readonly MetricDisplay FeeTotal =
        new(MetricNames.FeeTotalUsd, "Export fee collected by the US on all H200s shipped to China", "USD m", 1e-6, "#,0");

    public static readonly MetricDisplay FeeBorne =
        new(MetricNames.FeeBorneUsd, "Export fee borne by Alibaba through the price", "USD m", 1e-6, "#,0");

    public static readonly MetricDisplay CostUsd =
        new(MetricNames.CostUsd, "Alibaba's spend on H200s, fee included", "USD m", 1e-6, "#,0");

    public static readonly MetricDisplay CloudRevenue =
        new(MetricNames.CloudRevenueCnyBn, "Cloud revenue over the horizon", "CNY bn", 1, "#,0.0");

    public static readonly MetricDisplay MonthsToFirstDelivery =
        new(MetricNames.MonthsToFirstDelivery, "Months from the start to the first delivery", "months", 1, "0.#");

    /// <summary>Quarterly series (the fan charts): metric name → label.</summary>
    public static readonly MetricDisplay QuarterlyCloudRevenue =
        new(MetricNames.CloudRevenueCnyBn, "Cloud revenue per quarter", "CNY bn", 1, "0.00");

    public static readonly MetricDisplay QuarterlyIncrementalRevenue =
        new(MetricNames.IncrementalRevenueCnyBn, "Incremental cloud revenue from H200s per quarter", "CNY bn", 1, "0.00");

    public static readonly MetricDisplay[] All =
        [MonthsToFirstDelivery, ChipsDelivered, FeeTotal, FeeBorne, CostUsd, CloudRevenue, IncrementalRevenue, IncrementalGrossProfit, Roi];

    public string AxisLabel => $"{Label} ({Unit})";

    /// <summary>A short name for titles ("What moves incremental cloud revenue").</summary>
    public string ShortLabel => Metric switch
    {
        MetricNames.IncrementalRevenueCnyBn => "incremental cloud revenue",
        MetricNames.CloudRevenueCnyBn => "cloud revenue",
        MetricNames.Roi => "the return on the purchase",
        MetricNames.ChipsDelivered => "chips delivered",
        _ => Label,
    };

    /// <summary>The display of <paramref name="metric"/>, or null when the report has no label for it.</summary>
    public static MetricDisplay? Of(string metric)
    {
        foreach (var d in All) if (d.Metric == metric) return d;
        return null;
    }

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
