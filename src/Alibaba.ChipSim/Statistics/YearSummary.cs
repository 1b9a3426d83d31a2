namespace Alibaba.ChipSim.Statistics;

/// <summary>A year total of a per-quarter metric (<c>FY2027</c>, <c>cloud_revenue_cny_bn</c>): the statistics of each trial's four-quarter sum.</summary>
public sealed record YearSummary(string Year, string Metric, MetricSummary Statistics);
