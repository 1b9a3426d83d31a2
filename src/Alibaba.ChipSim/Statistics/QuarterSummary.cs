namespace Alibaba.ChipSim.Statistics;

/// <summary>The fan-chart statistics of one metric in one reported quarter (a row of <c>quarters.csv</c>).</summary>
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
    public static QuarterSummary From(string quarter, string metric, MetricSummary s) =>
        new(quarter, metric, s.Count, s.Mean, s.Sd, s.P5, s.P25, s.P50, s.P75, s.P95);
}
