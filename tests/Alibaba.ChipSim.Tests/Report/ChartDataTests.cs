using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Report;
using Alibaba.ChipSim.Statistics;
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
    public void Fan_bands_are_the_summarys_per_quarter_percentiles()
    {
        // Quarter 0 holds 0..100 (P5 = 5, P25 = 25, …); quarter 1 holds 100..200; read back from the summary's quarter rows.
        var q0 = Enumerable.Range(0, 101).Select(i => (double)i).ToArray();
        var q1 = q0.Select(v => v + 100).ToArray();
        var result = new SimulationResult(TestScenarios.SpecExample(), 1, 101, [], [], 
            [new QuarterColumns(MetricNames.CloudRevenueCnyBn, ["FY2026Q4", "FY2027Q1"], [q0, q1])], []);
        var bands = FanChart.Bands(FanChart.Rows(SummaryBuilder.Build(result, 1), MetricNames.CloudRevenueCnyBn));
        Assert.Equal([5.0, 105.0], bands[0]);
        Assert.Equal([25.0, 125.0], bands[1]);
        Assert.Equal([50.0, 150.0], bands[2]);
        Assert.Equal([95.0, 195.0], bands[4]);
    }

    [Fact]
    public void The_cdf_on_a_grid_counts_values_at_or_below_each_point_without_sorting()
    {
        // Values 0, 1, 1, 2 (and one missing) on the grid 0, 0.5, …, 2: ≤ 0: 1/4; ≤ 0.5: 1/4; ≤ 1: 3/4; ≤ 1.5: 3/4; ≤ 2: 4/4.
        var (xs, ys) = ColumnCurves.Cdf([1, double.NaN, 0, 2, 1], new AxisRange(0, 2), points: 4);
        Assert.Equal([0, 0.5, 1, 1.5, 2], xs);
        Assert.Equal([25.0, 25.0, 75.0, 75.0, 100.0], ys);
    }

    [Fact]
    public void Histogram_counts_put_values_beyond_the_range_in_the_end_bins()
    {
        // Bins [0,1) [1,2): −5 and 0.5 in the first, 1.5 and 9 in the second; NaN left out.
        var counts = ColumnCurves.Histogram([-5, 0.5, 1.5, 9, double.NaN], new AxisRange(0, 2), 2, out var defined);
        Assert.Equal([2L, 2L], counts);
        Assert.Equal(4, defined);
    }

    [Fact]
    public void Scales_are_shared_so_that_every_scenario_fits_the_same_axis()
    {
        var wide = SummaryBuilder.Build(SyntheticResults.Make("base", 1000, 1), 1);
        var narrow = SummaryBuilder.Build(SyntheticResults.Make("blocks", 1000, 2, 0.2), 1);
        var scales = new ChartScales([wide, narrow], [MetricDisplay.IncrementalRevenue]);
        var range = scales.Of(MetricDisplay.IncrementalRevenue);
        foreach (var s in new[] { wide, narrow })
        {
            var m = s.Metric(MetricNames.IncrementalRevenueCnyBn)!;
            Assert.InRange(m.P1!.Value, range.Min, range.Max);
            Assert.InRange(m.P99!.Value, range.Min, range.Max);
        }
        Assert.True(scales.QuarterlyRevenue.Max > scales.QuarterlyRevenue.Min);
        Assert.True(scales.QuarterlyIncrementalRevenue.Min >= 0);
    }

    [Fact]
    public void A_metric_with_no_spread_is_stated_in_words_instead_of_an_empty_histogram()
    {
        var display = MetricDisplay.IncrementalRevenue;
        var zeros = ColumnStatistics.Summarize(display.Metric, [0, 0, 0], false, false);
        Assert.True(MetricDisplay.IsDegenerate(zeros));
        Assert.Equal("Incremental cloud revenue from H200s over the horizon: 0.00 CNY bn in every one of the 3 trials: there is no spread, so no histogram is drawn.",
            DistributionChart.Degenerate(display, zeros, 3));
        var none = MetricSummary.Empty(MetricNames.Roi);
        Assert.Contains("no trial has a value (it is defined in 0 of 2 trials)", DistributionChart.Degenerate(MetricDisplay.Roi, none, 2));
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
        var brief = HeadlineFigures.Brief(SummaryBuilder.Build(result, 1), scenario);
        Assert.Contains("by the deadline (2026-02) in 50.0% of trials, and within the horizon at all in 50.0%.", brief);
        Assert.Contains("The return is 0.50 CNY of in-horizon gross profit per CNY spent in each of the 1 trials that bought chips.", brief);

        var none = new SimulationResult(scenario, 1, 1, [new NumericColumn(MetricNames.Roi, [double.NaN])], [], [], []);
        Assert.Equal("No trial buys any H200, so the return is undefined throughout.", HeadlineFigures.Brief(SummaryBuilder.Build(none, 1), scenario));

        var zero = new SimulationResult(scenario, 1, 2, [new NumericColumn(MetricNames.IncrementalRevenueCnyBn, [0, 0])], [], [], []);
        Assert.DoesNotContain("90% of trials between", HeadlineFigures.Brief(SummaryBuilder.Build(zero, 1), scenario));
    }

    [Fact]
    public void Roi_is_explained_with_the_scenarios_own_horizon()
    {
        var scenario = TestScenarios.SpecExample();
        var c = scenario.Calendar;
        Assert.Contains($"gross profit within the {c.Months}-month horizon ({c.Start} to {c.End}) ÷ Alibaba's spend", HeadlineFigures.RoiMeaning(scenario));
    }

    [Fact]
    public void Headline_figures_are_the_summarys_numbers_in_display_units()
    {
        var result = SyntheticResults.Make("base", 3001, 7);
        var summary = SummaryBuilder.Build(result, maxThreads: 1);
        var figures = HeadlineFigures.Of(summary, result.Scenario);
        var shown = HeadlineFigures.Distributions.Where(d => summary.Metric(d.Metric) is not null).ToList();
        Assert.True(shown.Count >= 9);
        foreach (var display in shown)
        {
            var figure = figures.Single(f => f.Label == display.Label);
            var metric = summary.Metric(display.Metric)!;
            Assert.Equal(metric.Count, figure.Count);
            Assert.Equal(metric.Mean!.Value * display.Scale, figure.Mean);
            Assert.Equal(metric.P5!.Value * display.Scale, figure.P5);
            Assert.Equal(metric.P50!.Value * display.Scale, figure.P50);
            Assert.Equal(metric.P95!.Value * display.Scale, figure.P95);
        }
        var deadline = figures.Single(f => f.Label.StartsWith("First tranche shipped by the deadline", StringComparison.Ordinal));
        Assert.Equal(summary.Metric(MetricNames.DeliveredByDeadline)!.Probability!.Value, deadline.Probability!.Value);
    }
}
