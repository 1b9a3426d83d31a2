using System.Collections.Immutable;
using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Tests.Support;

/// <summary>
/// Scenarios built in code, for tests that must not depend on the YAML loader. <see cref="SpecExample"/>
/// is the layout of SPEC §3; modify it with <c>with</c> expressions.
/// </summary>
public static class TestScenarios
{
    private static readonly SourceLocation Code = SourceLocation.None("<test>");

    public static Parameter P(string path, double value) => new(path, new FixedDistribution(value), Code);

    public static Parameter P(string path, DistributionSpec d) => new(path, d, Code);

    public static StateSpec State(string actor, string name, double gate, bool final = false) =>
        new(name, null, P(ParameterPaths.Gate(actor, name), gate), final);

    public static StateSpec State(string actor, string name, DistributionSpec gate, bool final = false) =>
        new(name, null, P(ParameterPaths.Gate(actor, name), gate), final);

    public static TransitionSpec Hazard(string actor, string from, string to, double p, params Guard[] when) =>
        new(from, to, P(ParameterPaths.Hazard(actor, from, to), p), null, when.ToImmutableArray());

    public static TransitionSpec Hazard(string actor, string from, string to, DistributionSpec p, params Guard[] when) =>
        new(from, to, P(ParameterPaths.Hazard(actor, from, to), p), null, when.ToImmutableArray());

    public static TransitionSpec Scheduled(string from, string to, string at, params Guard[] when) =>
        new(from, to, null, Month.Parse(at), when.ToImmutableArray());

    public static ActorSpec Actor(string name, string initial, StateSpec[] states, params TransitionSpec[] transitions) =>
        new(name, null, initial, states.ToImmutableArray(), transitions.ToImmutableArray());

    /// <summary>The example of SPEC §3, value for value.</summary>
    public static Scenario SpecExample()
    {
        var washington = Actor("washington", "rescinded",
            [
                State("washington", "rescinded", 0),
                State("washington", "licensed", 1),
                State("washington", "suspended", 0),
                State("washington", "reinstated", 0, final: true),
            ],
            Hazard("washington", "rescinded", "licensed", 0.4),
            Hazard("washington", "rescinded", "reinstated", 0.02),
            Hazard("washington", "licensed", "suspended", 0.03),
            Hazard("washington", "suspended", "licensed", 0.3),
            Hazard("washington", "suspended", "reinstated", 0.1));
        var beijing = Actor("beijing", "under_review",
            [
                State("beijing", "under_review", 0),
                State("beijing", "approved", 1),
                State("beijing", "conditional", new UniformDistribution(0.3, 0.7)),
                State("beijing", "discouraged", 0),
                State("beijing", "banned", 0, final: true),
            ],
            Hazard("beijing", "under_review", "approved", 0.1),
            Hazard("beijing", "under_review", "conditional", 0.2, new Guard("washington", "licensed")),
            Hazard("beijing", "under_review", "discouraged", 0.08),
            Scheduled("discouraged", "conditional", "2026-09"),
            Hazard("beijing", "discouraged", "banned", 0.05));
        return new Scenario(
            "example",
            "The layout of SPEC §3.",
            new CalendarSpec(Month.Parse("2025-12"), 25, QuarterConvention.Fiscal),
            new SimulationSpec(100_000, 20251223, SamplingMethod.MonteCarlo),
            [washington, beijing],
            new ShipmentsSpec(
                Month.Parse("2026-02"),
                Month.Parse("2026-02"),
                P("shipments.initial_modules", new UniformIntDistribution(5000, 10000)),
                P("shipments.chips_per_module", 8),
                P("shipments.follow_on_modules_per_month", new TriangularDistribution(0, 1500, 4000)),
                P("shipments.supply_cap_modules", 60000),
                P("shipments.buyer_share", new PertDistribution(0.2, 0.35, 0.5)),
                P("shipments.deployment_lag_months", new DiscreteDistribution([1, 2, 3], [0.3, 0.5, 0.2]))),
            new EconomicsSpec(
                P("economics.price_per_chip_usd", new PertDistribution(25000, 32000, 40000)),
                P("economics.export_fee_rate", 0.25),
                P("economics.fee_pass_through", new UniformDistribution(0.5, 1.0)),
                P("economics.usd_cny", 7.05)),
            new ComputeSpec(
                P("compute.h200_vs_h20", new TriangularDistribution(4, 6, 7)),
                P("compute.revenue_per_h20e_month_cny", 9000),
                P("compute.utilization", new BetaDistribution(8, 2)),
                P("compute.baseline_capacity_cover", 0.95),
                P("compute.baseline_capacity_growth_yoy", 0.6)),
            new RevenueSpec(
                Month.Parse("2025-08"),
                P("revenue.base_quarter_cny_bn", 39.8),
                P("revenue.ai_share", 0.2),
                P("revenue.non_ai_growth_yoy", new NormalDistribution(0.12, 0.04) { Low = -0.5 }),
                P("revenue.ai_demand_growth_yoy", LogNormalDistribution.FromMeanSd(1.3, 0.3)),
                P("revenue.gross_margin", 0.35)));
    }
}
