using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Statistics;

public sealed class SummaryBuilderTests
{
    [Fact]
    public void The_header_names_the_scenario_its_hash_seed_trials_and_engine()
    {
        var summary = SummaryBuilder.Build(HandMadeResults.FourTrials());

        Assert.Equal("example", summary.Scenario);
        Assert.Equal(HandMadeResults.Sha256, summary.ScenarioSha256);
        Assert.Equal(20251223UL, summary.Seed);
        Assert.Equal(4, summary.Trials);
        Assert.Equal(EngineInfo.Name, summary.Engine);
    }

    [Fact]
    public void Metrics_list_the_trial_metrics_then_final_states_then_each_quarter()
    {
        var summary = SummaryBuilder.Build(HandMadeResults.FourTrials());

        Assert.Equal(
            [
                "delivered_by_deadline", "months_to_first_delivery", "cost_cny", "roi", "washington_final",
                "cloud_revenue_cny_bn_FY2026Q4", "cloud_revenue_cny_bn_FY2027Q1",
            ],
            summary.Metrics.Select(m => m.Name));
    }

    [Fact]
    public void Final_state_shares_list_every_declared_state_zeros_included()
    {
        var shares = SummaryBuilder.Build(HandMadeResults.FourTrials()).Shares("washington_final")!;

        // codes [licensed, licensed, reinstated, licensed]
        Assert.Equal(["rescinded", "licensed", "suspended", "reinstated"], shares.States.ToArray());
        Assert.Equal([0, 0.75, 0, 0.25], shares.Shares.ToArray());
    }

    [Fact]
    public void Missing_trials_are_left_out_of_a_metrics_count()
    {
        var summary = SummaryBuilder.Build(HandMadeResults.FourTrials());

        Assert.Equal(3, summary.Metric(MetricNames.MonthsToFirstDelivery)!.Count);
        Assert.Equal(1, summary.Metric(MetricNames.MonthsToFirstDelivery)!.Mean); // (2 + 0 + 1)/3
        Assert.Equal(3, summary.Metric(MetricNames.Roi)!.Count);
        Assert.Equal(0.75, summary.Metric(MetricNames.DeliveredByDeadline)!.Probability);
    }

    [Fact]
    public void Each_quarter_has_a_fan_chart_row_equal_to_its_metric_entry()
    {
        var summary = SummaryBuilder.Build(HandMadeResults.FourTrials());

        Assert.Equal(["FY2026Q4", "FY2027Q1"], summary.Quarters.Select(q => q.Quarter));
        var q1 = summary.Quarters[1];
        var full = summary.Metric("cloud_revenue_cny_bn_FY2027Q1")!;
        Assert.Equal(MetricNames.CloudRevenueCnyBn, q1.Metric);
        Assert.Equal(QuarterSummary.From("FY2027Q1", MetricNames.CloudRevenueCnyBn, full), q1);
        Assert.Equal(43.15625, q1.Mean); // (43.125 + 44 + 40 + 45.5)/4
    }

    [Fact]
    public void Quarter_rows_run_quarter_by_quarter_then_metric_by_metric()
    {
        var result = HandMadeResults.Build(
            2, [], [],
            [
                new QuarterColumns("a", ["Q1", "Q2"], [[1, 2], [3, 4]]),
                new QuarterColumns("b", ["Q1", "Q2"], [[5, 6], [7, 8]]),
            ]);

        var summary = SummaryBuilder.Build(result);

        Assert.Equal(["Q1 a", "Q1 b", "Q2 a", "Q2 b"], summary.Quarters.Select(q => q.Quarter + " " + q.Metric));
        Assert.Equal(["a_Q1", "a_Q2", "b_Q1", "b_Q2"], summary.Metrics.Select(m => m.Name));
    }

    [Fact]
    public void The_thread_count_never_changes_the_summary()
    {
        var result = HandMadeResults.Random(20_000, seed: 7);

        var one = SummaryJsonWriter.ToJson(SummaryBuilder.Build(result, maxThreads: 1));
        var four = SummaryJsonWriter.ToJson(SummaryBuilder.Build(result, maxThreads: 4));

        Assert.Equal(one, four);
    }
}
