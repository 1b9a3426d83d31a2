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

    /// <summary>The section's charts, drawn on up to <paramref name="threads"/> threads (every core when null): the same bytes for any count.</summary>
    public static ScenarioCharts Render(string key, ReportScenario run, ChartScales scales, int? threads = null)
    {
        var result = run.Result;
        var summary = run.Summary;
        var scenario = result.Scenario;
        var weights = ChartWeights.Scaled(result.Weights);
        var weighted = weights is not null;
        var axis = scenario.Calendar.Quarters == QuarterConvention.Fiscal
            ? "Alibaba fiscal quarter (fiscal year ends in March)"
            : "Calendar quarter";
        // Each chart is drawn on its own (a plot, its PNG and its SVG); they are drawn side by side and put back in order.
        var charts = new ChartJobs();
        int? fan = null, incremental = null;
        var with = FanChart.Rows(summary, MetricNames.CloudRevenueCnyBn);
        if (with.Count > 0)
        {
            var without = FanChart.Rows(summary, MetricNames.CloudRevenueWithoutH200CnyBn);
            fan = charts.Add(() => FanChart.Render($"{key}-fan-cloud-revenue", "Quarterly cloud revenue, with and without H200s",
                MetricDisplay.QuarterlyCloudRevenue, with, without.Count == with.Count ? without : null, axis, scales.QuarterlyRevenue,
                (weighted ? ChartWeights.Caption + " Bands span the weighted 5th–95th and 25th–75th percentiles of the trials in each quarter (summary.json's quarter rows); the line is the weighted median. "
                    : "Bands span the 5th–95th and 25th–75th percentiles of the trials in each quarter; the line is the median. ")
                + "The dashed line is the same trials run without any H200 capacity (common random numbers), so the gap between the two medians is the H200 effect.",
                weighted));
        }
        var gain = FanChart.Rows(summary, MetricNames.IncrementalRevenueCnyBn);
        if (gain.Count > 0 && gain.Any(q => q.P95 > 0 || q.P5 < 0))
            incremental = charts.Add(() => FanChart.Render($"{key}-fan-incremental-revenue", "Incremental cloud revenue from H200s, quarter by quarter",
                MetricDisplay.QuarterlyIncrementalRevenue, gain, null, axis, scales.QuarterlyIncrementalRevenue,
                (weighted ? ChartWeights.Caption + " The revenue the H200s add in each quarter (with minus without H200s, trial by trial): weighted P5–P95 and P25–P75 bands and the weighted median. "
                    : "The revenue the H200s add in each quarter (with minus without H200s, trial by trial): P5–P95 and P25–P75 bands and the median. ")
                + "It is small beside total revenue, so it gets its own axis.",
                weighted));

        var occupancy = new List<int>();
        foreach (var o in result.Occupancy)
        {
            var actor = scenario.Actors.FirstOrDefault(a => a.Name == o.Actor);
            var gates = o.States.Select(s => ConstantGate(actor, s)).ToList();
            occupancy.Add(charts.Add(() => OccupancyChart.Render($"{key}-occupancy-{Slug.Of(o.Actor)}", o, result.Trials, gates, scenario.History, actor)));
        }

        var first = charts.Add(() => FirstDeliveryChart.Render($"{key}-first-delivery", [(scenario.Name, result)],
            summary.Metric(MetricNames.DeliveredByDeadline)?.Probability));

        var outcomes = Metrics(charts, key, run, scales, [(MetricDisplay.IncrementalRevenue, "incremental-revenue"), (MetricDisplay.Roi, "roi")], cdf: true, weights);
        var volumes = Metrics(charts, key, run, scales,
            [(MetricDisplay.ChipsDelivered, "chips-delivered"), (MetricDisplay.CostUsd, "cost"), (MetricDisplay.FeeTotal, "fee-total"), (MetricDisplay.FeeBorne, "fee-borne")],
            cdf: false, weights);

        // A conditioned run's rank correlations are weighted (docs/sensitivity.md): its tornado is drawn as any other, its caption marked.
        var tornadoes = new List<int>();
        if (summary.Sensitivity is { } sensitivity)
            foreach (var metric in TornadoOutputs)
                if (sensitivity.Output(metric) is { } output)
                    tornadoes.Add(charts.Add(() => TornadoChart.Render($"{key}-tornado-{Slug.Of(metric)}", output, scenario, sensitivity.Weighted)));

        var drawn = charts.Draw(threads);
        ReportChart? Drawn(int? job) => job is { } j ? drawn[j] : null;
        return new ScenarioCharts(Drawn(fan), Drawn(incremental), [.. occupancy.Select(j => drawn[j]!)], drawn[first]!,
            [.. outcomes.Select(m => m.Charts(drawn))], [.. volumes.Select(m => m.Charts(drawn))], [.. tornadoes.Select(j => drawn[j]!)]);
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

    private static List<MetricJobs> Metrics(ChartJobs charts, string key, ReportScenario run, ChartScales scales, (MetricDisplay, string)[] metrics, bool cdf,
        double[]? weights)
    {
        var list = new List<MetricJobs>();
        foreach (var (display, slug) in metrics)
        {
            if (run.Summary.Metric(display.Metric) is not { } s) continue;
            if (MetricDisplay.IsDegenerate(s))
            {
                list.Add(new MetricJobs(display, null, null, DistributionChart.Degenerate(display, s, run.Summary.Trials, weights is not null)));
                continue;
            }
            var values = display.ValuesOf(run.Result)!;
            var range = scales.Of(display);
            list.Add(new MetricJobs(display,
                charts.Add(() => DistributionChart.Histogram($"{key}-{slug}-histogram", display, s, values, range, weights)),
                cdf ? charts.Add(() => DistributionChart.Cdf($"{key}-{slug}-cdf", display, s, values, range, weights)) : null,
                null));
        }
        return list;
    }

    /// <summary>A metric's charts before they are drawn: the jobs of its histogram and CDF, or the sentence of a degenerate metric.</summary>
    private sealed record MetricJobs(MetricDisplay Display, int? Histogram, int? Cdf, string? Degenerate)
    {
        public MetricCharts Charts(IReadOnlyList<ReportChart?> drawn) =>
            new(Display, Histogram is { } h ? drawn[h] : null, Cdf is { } c ? drawn[c] : null, Degenerate);
    }

    private static double? ConstantGate(ActorSpec? actor, string state)
    {
        var spec = actor?.States.FirstOrDefault(s => s.Name == state);
        return spec?.Gate.Distribution is Distributions.FixedDistribution f ? f.Value : null;
    }
}
