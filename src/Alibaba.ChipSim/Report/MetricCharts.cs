namespace Alibaba.ChipSim.Report;

/// <summary>One metric's charts in a scenario's section, or, when it has no spread, the sentence that replaces them.</summary>
internal sealed record MetricCharts(MetricDisplay Display, ReportChart? Histogram, ReportChart? Cdf, string? Degenerate)
{
    public IEnumerable<ReportChart> All()
    {
        if (Histogram is not null) yield return Histogram;
        if (Cdf is not null) yield return Cdf;
    }
}
