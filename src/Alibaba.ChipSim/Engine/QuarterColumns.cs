using System.Collections.Immutable;

namespace Alibaba.ChipSim.Engine;

/// <summary>
/// Per-quarter per-trial values of one metric (e.g. <c>cloud_revenue_cny_bn</c>), for every quarter
/// whose three months lie in the horizon: <c>Values[q][trial]</c>.
/// </summary>
public sealed class QuarterColumns(string metric, ImmutableArray<string> quarters, double[][] values)
{
    /// <summary>The metric's base name; the per-quarter metric is <c>{Metric}_{Quarter}</c>.</summary>
    public string Metric { get; } = metric;

    /// <summary>Quarter names, e.g. <c>FY2026Q4</c> or <c>CY2026Q1</c>, in time order.</summary>
    public ImmutableArray<string> Quarters { get; } = quarters;

    public double[][] Values { get; } = values;
}
