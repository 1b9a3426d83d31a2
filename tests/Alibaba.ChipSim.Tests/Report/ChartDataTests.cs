using System.Collections.Immutable;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Output.Report;
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
    public void Mermaid_text_names_the_gates_hazards_and_scheduled_dates()
    {
        var beijing = TestScenarios.SpecExample().Actors[1];
        var text = ActorGraphText.Mermaid(beijing);
        Assert.StartsWith("stateDiagram-v2\n    [*] --> under_review\n", text);
        Assert.Contains("    conditional : gate U(0.3, 0.7)\n", text);
        Assert.Contains("    under_review --> conditional : 0.2/month when washington=licensed\n", text);
        Assert.Contains("    discouraged --> conditional : at 2026-09\n", text);
        Assert.EndsWith("    banned --> [*]\n", text);
        Assert.Contains("\"discouraged\" -> \"conditional\" [label=\"at 2026-09\", style=dashed];", ActorGraphText.Dot(beijing));
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
}
