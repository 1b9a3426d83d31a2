using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Tests.Support;
using CsCheck;

namespace Alibaba.ChipSim.Tests.Engine;

/// <summary>Fixed seeds, tolerances from the Monte Carlo standard error.</summary>
public sealed class StatisticalTests
{
    [Fact]
    public void Mean_chips_delivered_matches_uniform_int_modules_with_an_always_open_gate()
    {
        // Gate open from the start (scheduled opening at the first month), no follow-on, share 0.5:
        // chips = floor(modules × 8 × 0.5) = 4 × modules, modules ~ U{5000…10000}: mean 30,000.
        // sd(modules) = sqrt((5001² − 1) / 12) = 1443.7 → sd(chips) = 5774.9; n = 20,000 → SE = 40.8; 4 SE = 163.
        var s = new ConstantScenario { Opening = "2025-12", FollowOnModulesPerMonth = 0, BuyerShare = 0.5, SupplyCapModules = null }.Build();
        s = s with { Shipments = s.Shipments with { InitialModules = TestScenarios.P("shipments.initial_modules", new UniformIntDistribution(5000, 10000)) } };
        var r = SimulationEngine.Run(s, new RunOptions { Trials = 20_000, Seed = 7, Threads = 2 });
        var chips = r.Column(MetricNames.ChipsDelivered)!.Values;
        Assert.InRange(chips.Average(), 30_000 - 163, 30_000 + 163);
        Assert.All(chips, c => Assert.True(c % 4 == 0 && c >= 20_000 && c <= 40_000));
    }

    [Fact]
    public void Delivered_by_deadline_matches_the_policy_probability()
    {
        // Washington leaves `rescinded` each month for `licensed` (slice [0, 0.4)) or for the final `reinstated`
        // ([0.4, 0.42)), and never leaves `licensed`; Beijing is approved throughout. The tranche may ship from
        // month 2 (2026-02, also the deadline), so it meets the deadline iff Washington is licensed by the step of
        // month 2, i.e. within 3 steps: P = 0.4 × (1 + 0.58 + 0.58²) = 0.76656.
        // n = 20,000: SE = sqrt(p(1 − p)/n) = 0.0030; 4 SE = 0.012.
        var spec = TestScenarios.SpecExample();
        var washington = TestScenarios.Actor("washington", "rescinded",
            [TestScenarios.State("washington", "rescinded", 0), TestScenarios.State("washington", "licensed", 1),
             TestScenarios.State("washington", "reinstated", 0, final: true)],
            TestScenarios.Hazard("washington", "rescinded", "licensed", 0.4),
            TestScenarios.Hazard("washington", "rescinded", "reinstated", 0.02));
        var beijing = TestScenarios.Actor("beijing", "approved", [TestScenarios.State("beijing", "approved", 1)]);
        var s = spec with { Actors = [washington, beijing] };
        var r = SimulationEngine.Run(s, new RunOptions { Trials = 20_000, Seed = 11, Threads = 2 });
        var p = r.Column(MetricNames.DeliveredByDeadline)!.Values.Average();
        Assert.InRange(p, 0.76656 - 0.012, 0.76656 + 0.012);
    }

    [Fact]
    public void The_counterfactual_equals_the_main_run_when_no_chips_ship()
    {
        var spec = TestScenarios.SpecExample();
        var s = spec with { Shipments = spec.Shipments with { BuyerShare = TestScenarios.P("shipments.buyer_share", 0) } };
        var r = SimulationEngine.Run(s, new RunOptions { Trials = 5_000, Seed = 3, Threads = 2 });
        Assert.Equal(r.Column(MetricNames.CloudRevenueWithoutH200CnyBn)!.Values, r.Column(MetricNames.CloudRevenueCnyBn)!.Values);
        Assert.All(r.Column(MetricNames.IncrementalRevenueCnyBn)!.Values, v => Assert.Equal(0, v));
        Assert.All(r.Column(MetricNames.Roi)!.Values, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Incremental_revenue_is_never_negative_and_chips_never_exceed_the_cap()
    {
        // Property over seeds and scenario knobs: baseline cover, demand growth, cap and lag.
        var gen = Gen.Select(Gen.ULong, Gen.Double[0, 1.5], Gen.Double[-0.5, 3], Gen.Int[1, 20_000], Gen.Int[0, 6]);
        gen.Sample((seed, cover, growth, cap, lag) =>
        {
            var spec = TestScenarios.SpecExample();
            var s = spec with
            {
                Shipments = spec.Shipments with
                {
                    SupplyCapModules = TestScenarios.P("shipments.supply_cap_modules", cap),
                    DeploymentLagMonths = TestScenarios.P("shipments.deployment_lag_months", lag),
                },
                Compute = spec.Compute with { BaselineCapacityCover = TestScenarios.P("compute.baseline_capacity_cover", cover) },
                Revenue = spec.Revenue with { AiDemandGrowthYoy = TestScenarios.P("revenue.ai_demand_growth_yoy", growth) },
            };
            var r = SimulationEngine.Run(s, new RunOptions { Trials = 300, Seed = seed, Threads = 1 });
            var incremental = r.Column(MetricNames.IncrementalRevenueCnyBn)!.Values;
            var modules = r.Column(MetricNames.ModulesShipped)!.Values;
            var chips = r.Column(MetricNames.ChipsDelivered)!.Values;
            for (var t = 0; t < incremental.Length; t++)
            {
                if (incremental[t] < 0 || modules[t] > cap || chips[t] > cap * 8) return false;
                foreach (var q in r.Quarterly.Single(c => c.Metric == MetricNames.IncrementalRevenueCnyBn).Values)
                    if (q[t] < 0) return false;
            }
            return true;
        }, iter: 40);
    }
}
