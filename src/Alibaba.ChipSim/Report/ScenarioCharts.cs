using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Report;

/// <summary>The charts of one scenario's section, in the order the page shows them.</summary>
internal sealed record ScenarioCharts(
    ReportChart? Fan,
    ReportChart? IncrementalFan,
    IReadOnlyList<ReportChart> Occupancy,
    ReportChart FirstDelivery,
    IReadOnlyList<MetricCharts> Outcomes,
    IReadOnlyList<MetricCharts> Volumes,
    IReadOnlyList<ReportChart> Tornadoes)
{
    /// <summary>The outputs that get a tornado chart when the summary carries the run's sensitivity.</summary>
    private static readonly string[] TornadoOutputs = [MetricNames.IncrementalRevenueCnyBn, MetricNames.CloudRevenueCnyBn];

    public static ScenarioCharts Render(string key, ReportScenario run, ChartScales scales)
    {
        var result = run.Result;
        var summary = run.Summary;
        var scenario = result.Scenario;
        var weights = ChartWeights.Scaled(result.Weights);
        var weighted = weights is not null;
        var axis = scenario.Calendar.Quarters == QuarterConvention.Fiscal
            ? "Alibaba fiscal quarter (fiscal year ends in March)"
            : "Calendar quarter";
        ReportChart? fan = null, incremental = null;
        var with = FanChart.Rows(summary, MetricNames.CloudRevenueCnyBn);
        if (with.Count > 0)
        {
            var without = FanChart.Rows(summary, MetricNames.CloudRevenueWithoutH200CnyBn);
            fan = FanChart.Render($"{key}-fan-cloud-revenue", "Quarterly cloud revenue, with and without H200s",
                MetricDisplay.QuarterlyCloudRevenue, with, without.Count == with.Count ? without : null, axis, scales.QuarterlyRevenue,
                (weighted ? ChartWeights.Caption + " Bands span the weighted 5th–95th and 25th–75th percentiles of the trials in each quarter (summary.json's quarter rows); the line is the weighted median. "
                    : "Bands span the 5th–95th and 25th–75th percentiles of the trials in each quarter; the line is the median. ")
                + "The dashed line is the same trials run without any H200 capacity (common random numbers), so the gap between the two medians is the H200 effect.",
                weighted);
        }
        var gain = FanChart.Rows(summary, MetricNames.IncrementalRevenueCnyBn);
        if (gain.Count > 0 && gain.Any(q => q.P95 > 0 || q.P5 < 0))
            incremental = FanChart.Render($"{key}-fan-incremental-revenue", "Incremental cloud revenue from H200s, quarter by quarter",
                MetricDisplay.QuarterlyIncrementalRevenue, gain, null, axis, scales.QuarterlyIncrementalRevenue,
                (weighted ? ChartWeights.Caption + " The revenue the H200s add in each quarter (with minus without H200s, trial by trial): weighted P5–P95 and P25–P75 bands and the weighted median. "
                    : "The revenue the H200s add in each quarter (with minus without H200s, trial by trial): P5–P95 and P25–P75 bands and the median. ")
                + "It is small beside total revenue, so it gets its own axis.",
                weighted);

        var occupancy = new List<ReportChart>();
        foreach (var o in result.Occupancy)
        {
            var actor = scenario.Actors.FirstOrDefault(a => a.Name == o.Actor);
            var gates = o.States.Select(s => ConstantGate(actor, s)).ToList();
            occupancy.Add(OccupancyChart.Render($"{key}-occupancy-{Slug.Of(o.Actor)}", o, result.Trials, gates, scenario.History, actor));
        }

        var first = FirstDeliveryChart.Render($"{key}-first-delivery", [(scenario.Name, result)],
            summary.Metric(MetricNames.DeliveredByDeadline)?.Probability);

        var outcomes = Metrics(key, run, scales, [(MetricDisplay.IncrementalRevenue, "incremental-revenue"), (MetricDisplay.Roi, "roi")], cdf: true, weights);
        var volumes = Metrics(key, run, scales,
            [(MetricDisplay.ChipsDelivered, "chips-delivered"), (MetricDisplay.CostUsd, "cost"), (MetricDisplay.FeeTotal, "fee-total"), (MetricDisplay.FeeBorne, "fee-borne")],
            cdf: false, weights);

        // A conditioned run's rank correlations are weighted (docs/sensitivity.md): its tornado is drawn as any other, its caption marked.
        var tornadoes = new List<ReportChart>();
        if (summary.Sensitivity is { } sensitivity)
            foreach (var metric in TornadoOutputs)
                if (sensitivity.Output(metric) is { } output)
                    tornadoes.Add(TornadoChart.Render($"{key}-tornado-{Slug.Of(metric)}", output, scenario, sensitivity.Weighted));
        return new ScenarioCharts(fan, incremental, occupancy, first, outcomes, volumes, tornadoes);
    }

    public IEnumerable<ReportChart> All()
    {
        if (Fan is not null) yield return Fan;
        if (IncrementalFan is not null) yield return IncrementalFan;
        yield return FirstDelivery;
        foreach (var c in Occupancy) yield return c;
        foreach (var m in Outcomes) foreach (var c in m.All()) yield return c;
        foreach (var m in Volumes) foreach (var c in m.All()) yield return c;
        foreach (var c in Tornadoes) yield return c;
    }

    private static List<MetricCharts> Metrics(string key, ReportScenario run, ChartScales scales, (MetricDisplay, string)[] metrics, bool cdf, double[]? weights)
    {
        var list = new List<MetricCharts>();
        foreach (var (display, slug) in metrics)
        {
            if (run.Summary.Metric(display.Metric) is not { } s) continue;
            if (MetricDisplay.IsDegenerate(s))
            {
                list.Add(new MetricCharts(display, null, null, DistributionChart.Degenerate(display, s, run.Summary.Trials, weights is not null)));
                continue;
            }
            var values = display.ValuesOf(run.Result)!;
            var range = scales.Of(display);
            list.Add(new MetricCharts(display,
                DistributionChart.Histogram($"{key}-{slug}-histogram", display, s, values, range, weights),
                cdf ? DistributionChart.Cdf($"{key}-{slug}-cdf", display, s, values, range, weights) : null,
                null));
        }
        return list;
    }

    private static double? ConstantGate(ActorSpec? actor, string state)
    {
        var spec = actor?.States.FirstOrDefault(s => s.Name == state);
        return spec?.Gate.Distribution is Distributions.FixedDistribution f ? f.Value : null;
    }
}
