using Alibaba.ChipSim.Engine;

namespace Alibaba.ChipSim.Report;

/// <summary>Axis ranges shared by every scenario in one report, so that the same chart of two scenarios compares by eye.</summary>
internal sealed class ChartScales
{
    private readonly Dictionary<string, AxisRange> _metrics = new(StringComparer.Ordinal);

    public AxisRange QuarterlyRevenue { get; }

    public ChartScales(IReadOnlyList<SimulationResult> results, IEnumerable<MetricDisplay> metrics)
    {
        var revenue = new List<AxisRange>();
        foreach (var result in results)
            foreach (var q in result.Quarterly)
            {
                if (q.Metric is not (MetricNames.CloudRevenueCnyBn or MetricNames.CloudRevenueWithoutH200CnyBn)) continue;
                var bands = FanChart.Bands(q);
                revenue.Add(new AxisRange(bands[0].DefaultIfEmpty(double.NaN).Min(), bands[^1].DefaultIfEmpty(double.NaN).Max()));
            }
        QuarterlyRevenue = AxisRange.Union(revenue).Padded(0.08);

        // P0.5–P99.5 rather than min–max: one extreme trial should not squash every histogram.
        foreach (var display in metrics)
        {
            var ranges = new List<AxisRange>();
            foreach (var result in results)
            {
                var values = display.ValuesOf(result);
                if (values is null) continue;
                var p = new Percentiles(values);
                if (p.Count > 0) ranges.Add(new AxisRange(p.At(0.5), p.At(99.5)));
            }
            _metrics[display.Metric] = AxisRange.Union(ranges).Padded(0.04);
        }
    }

    public AxisRange Of(MetricDisplay display) => _metrics.TryGetValue(display.Metric, out var r) ? r : new AxisRange(0, 1);
}
