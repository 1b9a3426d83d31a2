using Alibaba.ChipSim.Engine;

namespace Alibaba.ChipSim.Report;

/// <summary>How a per-trial metric is shown: its label, the unit printed on axes and tables, and the scale from the stored unit.</summary>
internal sealed record MetricDisplay(string Metric, string Label, string Unit, double Scale, string Format)
{
    public static readonly MetricDisplay IncrementalRevenue =
        new(MetricNames.IncrementalRevenueCnyBn, "Incremental cloud revenue from H200s over the horizon", "CNY bn", 1, "0.00");

    public static readonly MetricDisplay IncrementalGrossProfit =
        new(MetricNames.IncrementalGrossProfitCnyBn, "Incremental gross profit from H200s", "CNY bn", 1, "0.00");

    public static readonly MetricDisplay Roi =
        new(MetricNames.Roi, "Return on the H200 purchase (incremental gross profit ÷ cost)", "CNY per CNY", 1, "0.00");

    public static readonly MetricDisplay ChipsDelivered =
        new(MetricNames.ChipsDelivered, "H200 chips delivered to Alibaba within the horizon", "thousand chips", 1e-3, "0.0");

    public static readonly MetricDisplay FeeTotal =
        new(MetricNames.FeeTotalUsd, "Export fee collected by the US on all H200s shipped to China", "USD m", 1e-6, "#,0");

    public static readonly MetricDisplay FeeBorne =
        new(MetricNames.FeeBorneUsd, "Export fee borne by Alibaba through the price", "USD m", 1e-6, "#,0");

    public static readonly MetricDisplay CostCny =
        new(MetricNames.CostCny, "Alibaba's spend on H200s, fee included", "CNY bn", 1e-9, "0.00");

    public static readonly MetricDisplay CloudRevenue =
        new(MetricNames.CloudRevenueCnyBn, "Cloud revenue over the horizon", "CNY bn", 1, "#,0.0");

    public static readonly MetricDisplay MonthsToFirstDelivery =
        new(MetricNames.MonthsToFirstDelivery, "Months from the start to the first delivery", "months", 1, "0.#");

    public string AxisLabel => $"{Label} ({Unit})";

    /// <summary>The metric's defined values in display units (NaN kept as missing); null when the run lacks the column.</summary>
    public double[]? ValuesOf(SimulationResult result)
    {
        var column = result.Column(Metric);
        if (column is null) return null;
        var values = new double[column.Values.Length];
        for (var i = 0; i < values.Length; i++) values[i] = column.Values[i] * Scale;
        return values;
    }
}
