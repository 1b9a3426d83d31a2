using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// Axis ranges shared by every scenario in one report, so that the same chart of two scenarios compares by eye.
/// Read from each run's summary (P1–P99 of a metric, P5–P95 of a quarterly series), never recomputed.
/// </summary>
internal sealed class ChartScales
{
    private readonly Dictionary<string, AxisRange> _metrics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AxisRange> _quarterly = new(StringComparer.Ordinal);

    public ChartScales(IReadOnlyList<RunSummary> summaries, IEnumerable<MetricDisplay> metrics)
    {
        // P1–P99 rather than min–max: one extreme trial should not squash every histogram.
        foreach (var display in metrics)
        {
            var ranges = new List<AxisRange>();
            foreach (var summary in summaries)
                if (summary.Metric(display.Metric) is { Count: > 0 } s)
                    ranges.Add(new AxisRange(display.Scaled(s.P1), display.Scaled(s.P99)));
            _metrics[display.Metric] = AxisRange.Union(ranges).Padded(0.04);
        }
        // Cloud revenue with and without H200s share one axis; incremental revenue has its own.
        Quarterly(summaries, "revenue", [Engine.MetricNames.CloudRevenueCnyBn, Engine.MetricNames.CloudRevenueWithoutH200CnyBn], zeroFloor: false);
        Quarterly(summaries, Engine.MetricNames.IncrementalRevenueCnyBn, [Engine.MetricNames.IncrementalRevenueCnyBn], zeroFloor: true);
    }

    public AxisRange Of(MetricDisplay display) => _metrics.TryGetValue(display.Metric, out var r) ? r : new AxisRange(0, 1);

    public AxisRange QuarterlyRevenue => _quarterly["revenue"];

    public AxisRange QuarterlyIncrementalRevenue => _quarterly[Engine.MetricNames.IncrementalRevenueCnyBn];

    private void Quarterly(IReadOnlyList<RunSummary> summaries, string key, string[] metrics, bool zeroFloor)
    {
        var ranges = new List<AxisRange>();
        foreach (var summary in summaries)
            foreach (var q in summary.Quarters)
                if (Array.IndexOf(metrics, q.Metric) >= 0 && q.Count > 0)
                    ranges.Add(new AxisRange(q.P5 ?? double.NaN, q.P95 ?? double.NaN));
        var range = AxisRange.Union(ranges).Padded(0.08);
        _quarterly[key] = zeroFloor && !double.IsNaN(range.Min) ? range with { Min = Math.Max(range.Min, 0) } : range;
    }
}
