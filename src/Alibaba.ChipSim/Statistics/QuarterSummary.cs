namespace Alibaba.ChipSim.Statistics;

/// <summary>The fan-chart statistics of one metric in one reported quarter, or a year's total (a row of <c>quarters.csv</c>).</summary>
public sealed record QuarterSummary(
    string Quarter,
    string Metric,
    long Count,
    double? Mean,
    double? Sd,
    double? P5,
    double? P25,
    double? P50,
    double? P75,
    double? P95)
{
    /// <summary>The 10th percentile (in <c>quarters.csv</c>; not in <c>summary.json</c>, whose quarters keep their keys).</summary>
    public double? P10 { get; init; }

    /// <summary>The 90th percentile (as <see cref="P10"/>).</summary>
    public double? P90 { get; init; }

    public static QuarterSummary From(string quarter, string metric, MetricSummary s) =>
        new(quarter, metric, s.Count, s.Mean, s.Sd, s.P5, s.P25, s.P50, s.P75, s.P95) { P10 = s.P10, P90 = s.P90 };
}
