using Alibaba.ChipSim.Engine;

namespace Alibaba.ChipSim.Tests.Engine;

/// <summary>Hand-worked cases on <see cref="ConstantScenario"/> (no randomness), arithmetic in the comments.</summary>
public sealed class ExactCaseTests
{
    private static double Value(SimulationResult r, string metric, int trial = 0) => r.Column(metric)!.Values[trial];

    private static double Quarter(SimulationResult r, string metric, string quarter)
    {
        var q = r.Quarterly.Single(c => c.Metric == metric);
        return q.Values[q.Quarters.IndexOf(quarter)][0];
    }

    [Fact]
    public void The_initial_tranche_waits_for_a_late_opening_gate_and_follow_on_fills_the_cap_with_the_remainder()
    {
        // Start 2025-12 (month 0); first delivery planned 2026-02 (month 2); Washington opens 2026-05 (month 5).
        // Month 5: initial tranche 25 modules → floor(25 × 8 × 0.29) = 58 chips (200 × 0.29 is 57.99… in binary).
        // Months 6–12: 10 modules each → floor(80 × 0.29 = 23.2) = 23 chips; shipped 25 + 70 = 95.
        // Month 13 reaches the cap of 100: only the remainder, 5 modules → floor(40 × 0.29 = 11.6) = 11 chips.
        // Months 14–24: nothing. Chips: 58 + 7 × 23 + 11 = 230; modules 100; chips to China 800.
        var r = ConstantScenario.Run(new ConstantScenario().Build());
        Assert.Equal(5, Value(r, MetricNames.MonthsToFirstDelivery));
        Assert.Equal(0, Value(r, MetricNames.DeliveredByDeadline));
        Assert.Equal(0, Value(r, MetricNames.NothingDelivered));
        Assert.Equal(20, Value(r, MetricNames.GateOpenMonths)); // months 5–24
        Assert.Equal(100, Value(r, MetricNames.ModulesShipped));
        Assert.Equal(800, Value(r, MetricNames.ChipsShipped));
        Assert.Equal(230, Value(r, MetricNames.ChipsDelivered));
        // Fee: 800 × 30,000 × 0.25 = 6,000,000; borne: 230 × 30,000 × 0.25 × 0.5 = 862,500;
        // cost: 230 × 30,000 × 1.125 = 7,762,500 USD, × 7 = 54,337,500 CNY.
        Assert.Equal(6_000_000, Value(r, MetricNames.FeeTotalUsd), 1e-6);
        Assert.Equal(862_500, Value(r, MetricNames.FeeBorneUsd), 1e-6);
        Assert.Equal(7_762_500, Value(r, MetricNames.CostUsd), 1e-6);
        Assert.Equal(54_337_500, Value(r, MetricNames.CostCny), 1e-6);
        // All 230 chips online by the last month (lag 2): 230 × 6 = 1,380 H20e.
        Assert.Equal(1380, Value(r, MetricNames.H200H20eOnline), 1e-9);
        Assert.Equal(5, Value(r, "washington_open_month"));
        Assert.Null(r.Column("washington_closed_month")); // the initial state, never re-entered by a transition
    }

    [Fact]
    public void Deployment_lag_delays_capacity_and_revenue_adds_up_month_by_month()
    {
        // Online chips (deliveries + 2 months): month 7: 58; months 8–14: 58 + 23k (k = 1…7); months 15–24: 230.
        // Σ online = 58 + (7 × 58 + 23 × 28) + 10 × 230 = 58 + 1,050 + 2,300 = 3,408 chip-months.
        // Each chip serves 6 × 1e6 × 0.5 / 1e9 = 0.003 bn; demand 2 > baseline 1 + at most 0.69, so all of it is served:
        // incremental = 3,408 × 0.003 = 10.224 bn. Without H200s: 25 × (8 + 1) = 225 bn.
        var r = ConstantScenario.Run(new ConstantScenario().Build());
        Assert.Equal(10.224, Value(r, MetricNames.IncrementalRevenueCnyBn), 1e-12);
        Assert.Equal(225, Value(r, MetricNames.CloudRevenueWithoutH200CnyBn), 1e-12);
        Assert.Equal(235.224, Value(r, MetricNames.CloudRevenueCnyBn), 1e-12);
        Assert.Equal(35.224, Value(r, MetricNames.AiRevenueCnyBn), 1e-12);
        // Gross profit 10.224 × 0.4 = 4.0896 bn; ROI = 4.0896e9 / 54,337,500.
        Assert.Equal(4.0896, Value(r, MetricNames.IncrementalGrossProfitCnyBn), 1e-12);
        Assert.Equal(4.0896e9 / 54_337_500, Value(r, MetricNames.Roi), 1e-12);
    }

    [Fact]
    public void Quarter_sums_cover_their_three_months_and_only_whole_quarters_are_reported()
    {
        // FY2027Q2 = Jul–Sep 2026 = months 7, 8, 9: online 58 + 81 + 104 = 243 → 243 × 0.003 = 0.729 bn.
        var r = ConstantScenario.Run(new ConstantScenario().Build());
        Assert.Equal(0.729, Quarter(r, MetricNames.IncrementalRevenueCnyBn, "FY2027Q2"), 1e-12);
        Assert.Equal(27.729, Quarter(r, MetricNames.CloudRevenueCnyBn, "FY2027Q2"), 1e-12); // 3 × 9 + 0.729
        Assert.Equal(27, Quarter(r, MetricNames.CloudRevenueWithoutH200CnyBn, "FY2027Q2"), 1e-12);
        Assert.Equal(3.729, Quarter(r, MetricNames.AiRevenueCnyBn, "FY2027Q2"), 1e-12);
        // Dec 2025 (month 0) is the only month outside a whole quarter: the quarters hold the total less 9 bn.
        var cloud = r.Quarterly.Single(c => c.Metric == MetricNames.CloudRevenueCnyBn);
        Assert.Equal("FY2026Q4", cloud.Quarters[0]);
        Assert.Equal("FY2028Q3", cloud.Quarters[^1]);
        Assert.Equal(Value(r, MetricNames.CloudRevenueCnyBn) - 9, cloud.Values.Sum(q => q[0]), 1e-9);
    }

    [Fact]
    public void A_gate_that_never_opens_ships_nothing_and_leaves_roi_missing()
    {
        var r = ConstantScenario.Run(new ConstantScenario { Opening = null }.Build());
        Assert.Equal(1, Value(r, MetricNames.NothingDelivered));
        Assert.Equal(0, Value(r, MetricNames.DeliveredByDeadline));
        Assert.True(double.IsNaN(Value(r, MetricNames.MonthsToFirstDelivery)));
        Assert.Equal(0, Value(r, MetricNames.ChipsDelivered));
        Assert.Equal(0, Value(r, MetricNames.CostCny));
        Assert.True(double.IsNaN(Value(r, MetricNames.Roi)));
        Assert.Equal(0, Value(r, MetricNames.IncrementalRevenueCnyBn));
        Assert.Equal(Value(r, MetricNames.CloudRevenueWithoutH200CnyBn), Value(r, MetricNames.CloudRevenueCnyBn));
        Assert.True(double.IsNaN(Value(r, "washington_open_month")));
    }

    [Fact]
    public void A_gate_open_from_the_first_delivery_month_meets_the_deadline()
    {
        // Open at 2026-02 = first delivery = deadline: month 2.
        var r = ConstantScenario.Run(new ConstantScenario { Opening = "2026-02" }.Build());
        Assert.Equal(2, Value(r, MetricNames.MonthsToFirstDelivery));
        Assert.Equal(1, Value(r, MetricNames.DeliveredByDeadline));
        Assert.Equal(23, Value(r, MetricNames.GateOpenMonths)); // months 2–24
    }

    [Fact]
    public void An_open_gate_before_the_first_delivery_month_does_not_ship_early()
    {
        // Open from 2026-01 (month 1), deliveries planned 2026-02: the tranche ships in month 2, follow-on from month 3.
        var r = ConstantScenario.Run(new ConstantScenario { Opening = "2026-01", SupplyCapModules = null }.Build());
        Assert.Equal(2, Value(r, MetricNames.MonthsToFirstDelivery));
        Assert.Equal(24, Value(r, MetricNames.GateOpenMonths));
        // No cap: 25 + 22 months (3–24) × 10 = 245 modules.
        Assert.Equal(245, Value(r, MetricNames.ModulesShipped));
    }

    [Fact]
    public void A_quota_gate_floors_each_month_and_a_tranche_rounded_to_zero_still_counts_as_shipped()
    {
        // Gate 0.04 with 20 initial modules: floor(20 × 0.04 = 0.8) = 0 modules, yet the tranche counts as shipped in month 5, and
        // follow-on floor(10 × 0.04 = 0.4) = 0 every month: nothing arrives at all.
        var r = ConstantScenario.Run(new ConstantScenario { OpenGate = 0.04, InitialModules = 20 }.Build());
        Assert.Equal(5, Value(r, MetricNames.MonthsToFirstDelivery));
        Assert.Equal(0, Value(r, MetricNames.NothingDelivered));
        Assert.Equal(0, Value(r, MetricNames.ModulesShipped));
        Assert.True(double.IsNaN(Value(r, MetricNames.Roi)));
        // Gate 0.4: initial floor(25 × 0.4) = 10, follow-on floor(10 × 0.4) = 4 a month, months 6–24: 76; total 86 (under the cap).
        var quota = ConstantScenario.Run(new ConstantScenario { OpenGate = 0.4 }.Build());
        Assert.Equal(86, Value(quota, MetricNames.ModulesShipped));
    }

    [Fact]
    public void Chips_delivered_too_late_to_come_online_cost_money_but_add_no_capacity()
    {
        // Lag 24: chips delivered from month 5 would be online from month 29, past the horizon (24).
        var r = ConstantScenario.Run(new ConstantScenario { DeploymentLagMonths = 24 }.Build());
        Assert.Equal(230, Value(r, MetricNames.ChipsDelivered));
        Assert.Equal(0, Value(r, MetricNames.H200H20eOnline));
        Assert.Equal(0, Value(r, MetricNames.IncrementalRevenueCnyBn));
        Assert.Equal(0, Value(r, MetricNames.Roi)); // bought, but adds no revenue: 0, not missing
    }

    [Fact]
    public void A_deployment_lag_far_past_the_horizon_is_simply_never_online()
    {
        // 1e12 months would overflow a 32-bit month index.
        var r = ConstantScenario.Run(new ConstantScenario { DeploymentLagMonths = 1e12 }.Build());
        Assert.Equal(230, Value(r, MetricNames.ChipsDelivered));
        Assert.Equal(0, Value(r, MetricNames.H200H20eOnline));
    }

    [Fact]
    public void Every_trial_of_a_constant_scenario_is_identical()
    {
        var r = ConstantScenario.Run(new ConstantScenario().Build(), trials: 5000);
        foreach (var c in r.Numeric)
            for (var t = 1; t < r.Trials; t++)
                Assert.Equal(c.Values[0], c.Values[t]);
    }

    [Fact]
    public void A_state_re_entered_by_a_transition_gets_its_first_entry_month_and_the_gate_shuts_again()
    {
        // Washington opens at 2026-05 (month 5) and closes again at 2026-08 (month 8): gate open in months 5–7.
        // Tranche 25 modules in month 5, then 10 in months 6 and 7: 45 modules.
        var s = new ConstantScenario { SupplyCapModules = null }.Build();
        var washington = s.Actors[0] with
        {
            Transitions = [Support.TestScenarios.Scheduled("closed", "open", "2026-05"), Support.TestScenarios.Scheduled("open", "closed", "2026-08")],
        };
        var r = ConstantScenario.Run(s with { Actors = [washington, s.Actors[1]] });
        Assert.Equal(5, Value(r, "washington_open_month"));
        Assert.Equal(8, Value(r, "washington_closed_month"));
        Assert.Equal(3, Value(r, MetricNames.GateOpenMonths));
        Assert.Equal(45, Value(r, MetricNames.ModulesShipped));
        Assert.Equal(0, r.Categorical[0].Codes[0]); // ends closed
        // Occupancy: every trial open in months 5–7, closed otherwise.
        Assert.Equal(3, r.Occupancy[0].Count(6, 1));
        Assert.Equal(3, r.Occupancy[0].Count(8, 0));
    }
}
