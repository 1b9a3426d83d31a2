using System.Collections.Immutable;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Report;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Report;

public sealed class ChartDataTests
{
    [Fact]
    public void First_delivery_curve_is_the_share_of_all_trials_delivered_by_each_month()
    {
        // Four trials: first delivery in months 0, 2, 2 and never. By month 0: 1/4; by 1: 1/4; by 2 and later: 3/4.
        var scenario = TestScenarios.SpecExample();
        var column = new NumericColumn(MetricNames.MonthsToFirstDelivery, [0, 2, double.NaN, 2], isWholeNumber: true);
        var result = new SimulationResult(scenario, 1, 4, [column], [], [], []);
        var curve = FirstDeliveryChart.Cumulative(result);
        Assert.Equal(scenario.Calendar.Months, curve.Length);
        Assert.Equal([25.0, 25.0, 75.0, 75.0], curve[..4]);
        Assert.Equal(75.0, curve[^1]);
    }

    [Fact]
    public void Fan_bands_are_the_per_quarter_percentiles()
    {
        // Quarter 0 holds 0..100 (P5 = 5, P25 = 25, …); quarter 1 holds 100..200.
        var q0 = Enumerable.Range(0, 101).Select(i => (double)i).ToArray();
        var q1 = q0.Select(v => v + 100).ToArray();
        var bands = FanChart.Bands(new QuarterColumns(MetricNames.CloudRevenueCnyBn, ["FY2026Q4", "FY2027Q1"], [q0, q1]));
        Assert.Equal([5.0, 105.0], bands[0]);
        Assert.Equal([50.0, 150.0], bands[2]);
        Assert.Equal([95.0, 195.0], bands[4]);
    }

    [Fact]
    public void Scales_are_shared_so_that_every_scenario_fits_the_same_axis()
    {
        var wide = SyntheticResults.Make("base", 1000, 1);
        var narrow = SyntheticResults.Make("blocks", 1000, 2, 0.2);
        var scales = new ChartScales([wide, narrow], [MetricDisplay.IncrementalRevenue]);
        var range = scales.Of(MetricDisplay.IncrementalRevenue);
        foreach (var result in new[] { wide, narrow })
        {
            var p = new Percentiles(MetricDisplay.IncrementalRevenue.ValuesOf(result)!);
            Assert.InRange(p.At(0.5), range.Min, range.Max);
            Assert.InRange(p.At(99.5), range.Min, range.Max);
        }
        Assert.True(scales.QuarterlyRevenue.Max > scales.QuarterlyRevenue.Min);
    }

    [Fact]
    public void A_metric_defined_in_no_trial_still_gets_a_chart_saying_so()
    {
        var display = MetricDisplay.Roi;
        var chart = DistributionChart.Histogram("roi", display, [double.NaN, double.NaN], new AxisRange(0, 1));
        Assert.Contains("No trial has a value", chart.Svg);
        Assert.Contains("Defined in 0 of 2 trials", chart.Caption);
    }

    [Fact]
    public void The_brief_quotes_the_deadline_probability_and_says_when_no_trial_buys()
    {
        // Two trials: one delivered by the deadline (cost > 0, roi 0.5), one never (nothing bought: roi missing).
        var scenario = TestScenarios.SpecExample();
        var result = new SimulationResult(scenario, 1, 2,
        [
            new NumericColumn(MetricNames.DeliveredByDeadline, [1, 0], isBinary: true),
            new NumericColumn(MetricNames.NothingDelivered, [0, 1], isBinary: true),
            new NumericColumn(MetricNames.Roi, [0.5, double.NaN]),
        ], [], [], []);
        var brief = HeadlineFigures.Brief(result);
        Assert.Contains("by the deadline (2026-02) in 50.0% of trials, and within the horizon at all in 50.0%.", brief);
        Assert.Contains("The median return is 0.50 CNY of gross profit per CNY spent (P5 0.50, P95 0.50), over the 1 trials", brief);

        var none = new SimulationResult(scenario, 1, 1, [new NumericColumn(MetricNames.Roi, [double.NaN])], [], [], []);
        Assert.Equal("No trial buys any H200, so the return is undefined throughout.", HeadlineFigures.Brief(none));
    }

    [Fact]
    public void Headline_figures_agree_with_summary_json_for_every_metric_they_show()
    {
        // The report computes its own percentiles; they must be the statistics module's numbers (numpy linear),
        // scaled to the report's units, so that the page and summary.json never disagree.
        var result = SyntheticResults.Make("base", 3001, 7);
        var summary = Alibaba.ChipSim.Statistics.SummaryBuilder.Build(result, maxThreads: 1);
        var figures = HeadlineFigures.Of(result);
        foreach (var display in HeadlineFigures.Distributions)
        {
            var figure = figures.Single(f => f.Label == display.Label);
            var metric = summary.Metric(display.Metric)!;
            Assert.Equal(metric.Count, figure.Count);
            Assert.Equal(metric.Mean!.Value * display.Scale, figure.Mean, 1e-9 * Math.Max(1, Math.Abs(figure.Mean)));
            Assert.Equal(metric.P5!.Value * display.Scale, figure.P5, 1e-9 * Math.Max(1, Math.Abs(figure.P5)));
            Assert.Equal(metric.P50!.Value * display.Scale, figure.P50, 1e-9 * Math.Max(1, Math.Abs(figure.P50)));
            Assert.Equal(metric.P95!.Value * display.Scale, figure.P95, 1e-9 * Math.Max(1, Math.Abs(figure.P95)));
        }
        var deadline = figures.Single(f => f.Label.StartsWith("First tranche shipped by the deadline", StringComparison.Ordinal));
        Assert.Equal(summary.Metric(MetricNames.DeliveredByDeadline)!.Probability!.Value, deadline.Probability!.Value, 12);
    }
}
