using System.Collections.Immutable;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Report;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Scenarios.History;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Statistics.Sensitivity;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Report;

/// <summary>The charts of a run conditioned on history (docs/history.md): weighted shapes, the observed history marked.</summary>
public sealed class WeightedChartTests
{
    private static readonly Month AsOf = Month.Of(2026, 6);

    /// <summary>as-of-2026-06.yaml (its own history through 2026-06), 4,000 trials at its seed, on one thread.</summary>
    private static readonly Lazy<SimulationResult> Conditioned = new(() =>
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepoRoot.Scenarios, "as-of-2026-06.yaml")).Scenario!;
        return SimulationEngine.Run(scenario, new RunOptions { Trials = 4000, Seed = scenario.Simulation.Seed, Threads = 1 });
    });

    [Fact]
    public void A_trial_of_weight_zero_is_drawn_nowhere_and_a_trial_of_weight_one_is_drawn_whole()
    {
        // Given two trials, weights 0 and 1: incremental revenue 1 and 3, first delivery in months 0 and 3, quarter values 10 and 20.
        var scenario = TestScenarios.SpecExample();
        var result = new SimulationResult(scenario, 1, 2,
            [
                new NumericColumn(MetricNames.IncrementalRevenueCnyBn, [1, 3]),
                new NumericColumn(MetricNames.MonthsToFirstDelivery, [0, 3], isWholeNumber: true),
            ], [],
            [new QuarterColumns(MetricNames.CloudRevenueCnyBn, ["FY2026Q4"], [[10.0, 20.0]])], [])
        { Weights = [0, 1] };
        var weights = ChartWeights.Scaled(result.Weights)!;
        var range = new AxisRange(0, 4);

        // Then the histogram has all its weight in the bin of 3 (bin 30 of 40 over [0, 4]) and none elsewhere
        var shares = DistributionChart.Shares(result.Column(MetricNames.IncrementalRevenueCnyBn)!.Values, weights, range);
        Assert.Equal(100.0, shares[30]);
        Assert.Equal(100.0, shares.Sum());

        // and the CDF is 0 below 3 and 100% from 3 on (grid 0, 1, 2, 3, 4)
        var (_, ys) = ColumnCurves.Cdf(result.Column(MetricNames.IncrementalRevenueCnyBn)!.Values, weights, range, points: 4);
        Assert.Equal([0.0, 0.0, 0.0, 100.0, 100.0], ys);

        // and the first delivery is 0% until month 3, then 100%
        var curve = FirstDeliveryChart.Cumulative(result);
        Assert.Equal([0.0, 0.0, 0.0, 100.0, 100.0], curve[..5]);

        // and every band of the fan is the second trial's value
        var bands = FanChart.Bands(FanChart.Rows(SummaryBuilder.Build(result, 1), MetricNames.CloudRevenueCnyBn));
        Assert.All(bands, level => Assert.Equal(20.0, level[0]));
    }

    [Fact]
    public void Equal_weights_draw_exactly_the_unweighted_shapes()
    {
        // Given a synthetic run, and the same run with every weight 0.25 (scaled to 1)
        var plain = SyntheticResults.Make("base", 3001, 7);
        var values = plain.Column(MetricNames.IncrementalRevenueCnyBn)!.Values;
        var weights = ChartWeights.Scaled(Enumerable.Repeat(0.25, values.Length).ToArray())!;
        var range = new AxisRange(-1, 40);

        // Then the weighted histogram, CDF and first-delivery curve are the unweighted ones bit for bit
        Assert.Equal(DistributionChart.Shares(values, null, range), DistributionChart.Shares(values, weights, range));
        Assert.Equal(ColumnCurves.Cdf(values, range).Ys, ColumnCurves.Cdf(values, weights, range).Ys);
        var equal = new SimulationResult(plain.Scenario, plain.Seed, plain.Trials, plain.Numeric, plain.Categorical, plain.Quarterly, plain.Occupancy)
        { Weights = Enumerable.Repeat(0.25, values.Length).ToArray() };
        Assert.Equal(FirstDeliveryChart.Cumulative(plain), FirstDeliveryChart.Cumulative(equal));
    }

    [Fact]
    public void The_weighted_cdf_is_the_share_of_weight_at_or_below_each_point()
    {
        // Given the conditioned run's ROI (missing where nothing was bought) and its unequal weights
        var result = Conditioned.Value;
        var values = result.Column(MetricNames.Roi)!.Values;
        var weights = ChartWeights.Scaled(result.Weights)!;
        var range = new AxisRange(-0.2, 1.5);

        var (xs, ys) = ColumnCurves.Cdf(values, weights, range, points: 50);

        // Then each point is Σ w over defined values ≤ x / Σ w over defined values, summed here directly
        double total = 0;
        for (var t = 0; t < values.Length; t++) if (!double.IsNaN(values[t])) total += weights[t];
        for (var i = 0; i < xs.Length; i++)
        {
            double below = 0;
            for (var t = 0; t < values.Length; t++) if (!double.IsNaN(values[t]) && values[t] <= xs[i]) below += weights[t];
            Assert.Equal(100 * below / total, ys[i], 1e-9);
        }
        Assert.True(result.Weights!.Distinct().Count() > 100, "the weights should differ from trial to trial");
    }

    [Fact]
    public void The_weighted_charts_equal_the_weighted_summary()
    {
        // Given the conditioned run and its (weighted) summary
        var result = Conditioned.Value;
        var summary = SummaryBuilder.Build(result, 1);
        Assert.NotNull(summary.History);

        // Then the first-delivery curve ends at the weighted P(any delivery) = 1 − P(nothing delivered)
        var curve = FirstDeliveryChart.Cumulative(result);
        var nothing = summary.Metric(MetricNames.NothingDelivered)!.Probability!.Value;
        Assert.Equal(100 * (1 - nothing), curve[^1], 1e-9);
        // and it is 0 through the observed months, in which the history records no module shipped
        Assert.All(curve[..(AsOf.MonthsSince(result.Scenario.Calendar.Start) + 1)], p => Assert.Equal(0.0, p));
        // and the unweighted curve would not end there: the weights matter
        var unweighted = new SimulationResult(result.Scenario, result.Seed, result.Trials, result.Numeric, result.Categorical, result.Quarterly, result.Occupancy);
        Assert.True(Math.Abs(FirstDeliveryChart.Cumulative(unweighted)[^1] - curve[^1]) > 0.5);

        // and each quarter's fan is the summary's weighted percentiles, which differ from the unweighted ones
        var rows = FanChart.Rows(summary, MetricNames.CloudRevenueCnyBn);
        var bands = FanChart.Bands(rows);
        var plainRows = FanChart.Rows(SummaryBuilder.Build(unweighted, 1), MetricNames.CloudRevenueCnyBn);
        for (var q = 0; q < rows.Count; q++)
        {
            var metric = summary.Metric(SummaryBuilder.QuarterMetricName(MetricNames.CloudRevenueCnyBn, rows[q].Quarter))!;
            Assert.Equal(metric.P50!.Value, bands[2][q]);
            Assert.Equal(metric.P5!.Value, bands[0][q]);
        }
        Assert.Contains(Enumerable.Range(0, rows.Count), q => plainRows[q].P50 != rows[q].P50);
    }

    [Fact]
    public void A_run_with_history_marks_what_was_observed_and_a_run_without_does_not()
    {
        // Given the conditioned run's report, and the same scenario's result without its history
        var result = Conditioned.Value;
        var withHistory = ReportBuilder.Build([SyntheticResults.AsReportScenario(result, SyntheticResults.Date)], SyntheticResults.Date);
        var without = SyntheticResults.Make("base", 500, 1);
        var plain = ReportBuilder.Build([SyntheticResults.AsReportScenario(without, SyntheticResults.Date)], SyntheticResults.Date);
        string Svg(ReportDocument d, string stem) => d.Charts.Single(c => c.FileStem == stem).Svg;

        // Then Beijing's occupancy chart names the end of the record and each observed state, and its caption the states' descriptions
        var beijing = Svg(withHistory, "as-of-2026-06-occupancy-beijing");
        Assert.Contains("observed through 2026-06", beijing);
        Assert.Contains("observed: discouraged", beijing);
        Assert.Contains("observed: approved on paper", beijing);
        Assert.Contains("approved on paper (approved in principle; conditions not final, customs holding) 2026-02 to 2026-06",
            withHistory.Charts.Single(c => c.FileStem == "as-of-2026-06-occupancy-beijing").Caption);
        Assert.Contains("share of weight in each state", beijing);
        // and the first-delivery chart the observed shipments and the end of the record
        var first = Svg(withHistory, "as-of-2026-06-first-delivery");
        Assert.Contains("0 modules shipped 2025-12 to 2026-06", first);
        Assert.Contains("observed through 2026-06", first);
        Assert.Contains("End of the record, 2026-06 (dotted)", first);
        // and the histograms are shares of weight
        Assert.Contains("Share of weight", Svg(withHistory, "as-of-2026-06-roi-histogram"));

        // and a run without history has none of it
        Assert.All(plain.Charts, c =>
        {
            Assert.DoesNotContain("observed", c.Svg);
            Assert.DoesNotContain("Share of weight", c.Svg);
            Assert.DoesNotContain("Weighted", c.Caption);
        });
        Assert.DoesNotContain("conditioned on history", plain.Html);
    }

    [Fact]
    public void The_tornado_captions_of_a_conditioned_run_open_with_weighted_as_its_other_charts_do()
    {
        // Given the conditioned run with its (weighted) sensitivity, and an unweighted run with its sensitivity
        var result = Conditioned.Value;
        var conditioned = SyntheticResults.AsReportScenario(result, SyntheticResults.Date);
        var sensitivity = SensitivityBuilder.Build(result);
        Assert.True(sensitivity.Weighted);
        conditioned = conditioned with { Summary = conditioned.Summary with { Sensitivity = sensitivity } };
        var plainResult = SimulationEngine.Run(TestScenarios.SpecExample(), new RunOptions { Trials = 2000, Seed = 1, Threads = 1 });
        var plain = SyntheticResults.AsReportScenario(plainResult, SyntheticResults.Date);
        plain = plain with { Summary = plain.Summary with { Sensitivity = SensitivityBuilder.Build(plainResult) } };

        var weightedReport = ReportBuilder.Build([conditioned], SyntheticResults.Date);
        var plainReport = ReportBuilder.Build([plain], SyntheticResults.Date);

        // Then both tornado charts of the conditioned run open with the weighted marker and say the correlation is weighted
        var tornadoes = weightedReport.Charts.Where(c => c.FileStem.Contains("-tornado-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, tornadoes.Count);
        Assert.All(tornadoes, c =>
        {
            Assert.StartsWith(ChartWeights.Caption + " Weighted Spearman rank correlation", c.Caption);
            Assert.Contains("weighted linear regression on ranks", c.Caption);
        });
        // as every other chart of the conditioned run does
        Assert.All(weightedReport.Charts, c => Assert.StartsWith("Weighted:", c.Caption));
        // and an unweighted run's tornado captions are unmarked
        var plainTornadoes = plainReport.Charts.Where(c => c.FileStem.Contains("-tornado-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, plainTornadoes.Count);
        Assert.All(plainTornadoes, c => Assert.StartsWith("Spearman rank correlation", c.Caption));
    }

    [Fact]
    public void An_actor_the_history_does_not_observe_gets_no_marks()
    {
        // Given the example scenario with a history observing Washington only, and one shipment range with bounds
        var scenario = TestScenarios.SpecExample();
        var at = SourceLocation.None("<test>");
        var history = new HistorySpec(Month.Of(2026, 3),
            [new ActorHistory("washington", [new ObservedState(scenario.Calendar.Start, "rescinded", at)])],
            [new ShipmentObservation(scenario.Calendar.Start, Month.Of(2026, 2), 0, 500, at)], null, at);
        var synthetic = SyntheticResults.Make("partly", 400, 3);
        var result = new SimulationResult(synthetic.Scenario with { History = history }, synthetic.Seed, synthetic.Trials,
            synthetic.Numeric, synthetic.Categorical, synthetic.Quarterly, synthetic.Occupancy) { Weights = Enumerable.Range(0, 400).Select(t => (t % 4) / 4.0).ToArray() };

        var report = ReportBuilder.Build([SyntheticResults.AsReportScenario(result, SyntheticResults.Date)], SyntheticResults.Date);

        // Then Washington's chart is marked, Beijing's is not, and the range reads "0–500 modules"
        Assert.Contains("observed: rescinded", report.Charts.Single(c => c.FileStem == "partly-occupancy-washington").Svg);
        Assert.DoesNotContain("observed", report.Charts.Single(c => c.FileStem == "partly-occupancy-beijing").Svg);
        Assert.DoesNotContain("Lightened", report.Charts.Single(c => c.FileStem == "partly-occupancy-beijing").Caption);
        Assert.Contains($"0–500 modules shipped {scenario.Calendar.Start} to 2026-02", report.Charts.Single(c => c.FileStem == "partly-first-delivery").Svg);
    }

    [Fact]
    public void A_conditioned_run_is_compared_through_its_weighted_summary_not_trial_by_trial()
    {
        // Given base (no weights) and a variant whose trials carry weights, at one seed
        var a = SyntheticResults.AsReportScenario(SyntheticResults.Make("base", 600, 1), SyntheticResults.Date);
        var plainB = SyntheticResults.Make("variant", 600, 2, 0.6);
        var weighted = new SimulationResult(plainB.Scenario, plainB.Seed, plainB.Trials, plainB.Numeric, plainB.Categorical, plainB.Quarterly, plainB.Occupancy)
        { Weights = Enumerable.Range(0, 600).Select(t => t % 3 == 0 ? 0.0 : 0.5).ToArray() };
        var b = SyntheticResults.AsReportScenario(weighted, SyntheticResults.Date);

        var report = ReportBuilder.Build([a, b], SyntheticResults.Date);

        // Then no paired-difference chart is drawn; the page says why and gives the two-sample comparison diff makes
        Assert.DoesNotContain(report.Charts, c => c.FileStem.Contains("-minus-", StringComparison.Ordinal));
        Assert.Contains("variant against base: not paired trial by trial, because variant is conditioned on history", report.Html);
        var ma = a.Summary.Metric(MetricNames.IncrementalRevenueCnyBn)!;
        var mb = b.Summary.Metric(MetricNames.IncrementalRevenueCnyBn)!;
        var change = (mb.Mean!.Value - ma.Mean!.Value).ToString("+0.###;-0.###;0", System.Globalization.CultureInfo.InvariantCulture).Replace("-", "−", StringComparison.Ordinal);
        Assert.Contains($"incremental cloud revenue: mean {change} ± ", System.Net.WebUtility.HtmlDecode(report.Html));
        // and the overlaid CDFs are drawn, the weighted one named so
        Assert.Contains("variant (weighted)", report.Charts.Single(c => c.FileStem == "compare-roi-cdf").Svg);
    }
}
