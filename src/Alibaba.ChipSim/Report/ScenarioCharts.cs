using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Report;

/// <summary>The charts of one scenario's section, in the order the page shows them.</summary>
internal sealed record ScenarioCharts(
    ReportChart? Fan,
    IReadOnlyList<ReportChart> Occupancy,
    ReportChart FirstDelivery,
    IReadOnlyList<(ReportChart Histogram, ReportChart Cdf)> Outcomes,
    IReadOnlyList<ReportChart> Volumes)
{
    public static ScenarioCharts Render(string key, SimulationResult result, ChartScales scales)
    {
        var scenario = result.Scenario;
        ReportChart? fan = null;
        var with = result.Quarterly.FirstOrDefault(q => q.Metric == MetricNames.CloudRevenueCnyBn);
        if (with is not null && with.Quarters.Length > 0)
        {
            var without = result.Quarterly.FirstOrDefault(q => q.Metric == MetricNames.CloudRevenueWithoutH200CnyBn);
            var axis = scenario.Calendar.Quarters == QuarterConvention.Fiscal
                ? "Alibaba fiscal quarter (fiscal year ends in March)"
                : "Calendar quarter";
            fan = FanChart.Render($"{key}-fan-cloud-revenue", with, without, axis, scales.QuarterlyRevenue);
        }

        var occupancy = new List<ReportChart>();
        foreach (var o in result.Occupancy)
        {
            var actor = scenario.Actors.FirstOrDefault(a => a.Name == o.Actor);
            var gates = o.States.Select(s => ConstantGate(actor, s)).ToList();
            occupancy.Add(OccupancyChart.Render($"{key}-occupancy-{Slug.Of(o.Actor)}", o, result.Trials, gates));
        }

        var first = FirstDeliveryChart.Render($"{key}-first-delivery", [(scenario.Name, result)]);

        var outcomes = new List<(ReportChart, ReportChart)>();
        foreach (var (display, slug) in new[] { (MetricDisplay.IncrementalRevenue, "incremental-revenue"), (MetricDisplay.Roi, "roi") })
        {
            var values = display.ValuesOf(result);
            if (values is null) continue;
            outcomes.Add((DistributionChart.Histogram($"{key}-{slug}-histogram", display, values, scales.Of(display)),
                DistributionChart.Cdf($"{key}-{slug}-cdf", display, values, scales.Of(display))));
        }

        var volumes = new List<ReportChart>();
        foreach (var (display, slug) in new[]
                 {
                     (MetricDisplay.ChipsDelivered, "chips-delivered"), (MetricDisplay.FeeTotal, "fee-total"),
                     (MetricDisplay.FeeBorne, "fee-borne"),
                 })
        {
            var values = display.ValuesOf(result);
            if (values is not null)
                volumes.Add(DistributionChart.Histogram($"{key}-{slug}-histogram", display, values, scales.Of(display)));
        }
        return new ScenarioCharts(fan, occupancy, first, outcomes, volumes);
    }

    public IEnumerable<ReportChart> All()
    {
        if (Fan is not null) yield return Fan;
        foreach (var c in Occupancy) yield return c;
        yield return FirstDelivery;
        foreach (var (h, c) in Outcomes) { yield return h; yield return c; }
        foreach (var c in Volumes) yield return c;
    }

    private static double? ConstantGate(ActorSpec? actor, string state)
    {
        var spec = actor?.States.FirstOrDefault(s => s.Name == state);
        return spec?.Gate.Distribution is Distributions.FixedDistribution f ? f.Value : null;
    }
}
