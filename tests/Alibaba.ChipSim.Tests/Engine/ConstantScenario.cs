using Alibaba.ChipSim.Scenarios;
using static Alibaba.ChipSim.Tests.Support.TestScenarios;

namespace Alibaba.ChipSim.Tests.Engine;

/// <summary>
/// A scenario with no randomness at all, for hand-worked cases: Washington starts <c>closed</c> (gate 0)
/// and moves to <c>open</c> (gate <see cref="OpenGate"/>) by a scheduled transition at <see cref="Opening"/>
/// (never when null); Beijing sits in <c>approved</c> (gate 1). Revenue: base month = start, so t is the
/// month index; 30 bn a quarter = 10 a month, 2 AI (20%) and 8 non-AI; no growth; baseline covers half
/// the AI demand (1 bn a month); one H20e serves 1e6 CNY × 0.5 a month, so an H200 (6 H20e) adds 0.003 bn.
/// </summary>
internal sealed record ConstantScenario
{
    public string Start { get; init; } = "2025-12";
    public int Months { get; init; } = 25;
    public string? Opening { get; init; } = "2026-05";
    public double OpenGate { get; init; } = 1;
    public string FirstDelivery { get; init; } = "2026-02";
    public double InitialModules { get; init; } = 25;
    public double FollowOnModulesPerMonth { get; init; } = 10;
    public double? SupplyCapModules { get; init; } = 100;
    public double BuyerShare { get; init; } = 0.29;
    public double DeploymentLagMonths { get; init; } = 2;
    public double PricePerChipUsd { get; init; } = 30_000;
    public double FeePassThrough { get; init; } = 0.5;
    public double BaselineCapacityCover { get; init; } = 0.5;
    public double AiDemandGrowthYoy { get; init; }

    public Scenario Build()
    {
        var transitions = Opening is null ? [] : new[] { Scheduled("closed", "open", Opening) };
        var washington = Actor("washington", "closed",
            [State("washington", "closed", 0), State("washington", "open", OpenGate)], transitions);
        var beijing = Actor("beijing", "approved", [State("beijing", "approved", 1)]);
        var start = Month.Parse(Start);
        var spec = SpecExample();
        return spec with
        {
            Name = "constant",
            Calendar = new CalendarSpec(start, Months, QuarterConvention.Fiscal),
            Actors = [washington, beijing],
            Shipments = new ShipmentsSpec(
                Month.Parse(FirstDelivery),
                Month.Parse(FirstDelivery),
                P("shipments.initial_modules", InitialModules),
                P("shipments.chips_per_module", 8),
                P("shipments.follow_on_modules_per_month", FollowOnModulesPerMonth),
                SupplyCapModules is { } cap ? P("shipments.supply_cap_modules", cap) : null,
                P("shipments.buyer_share", BuyerShare),
                P("shipments.deployment_lag_months", DeploymentLagMonths)),
            Economics = new EconomicsSpec(
                P("economics.price_per_chip_usd", PricePerChipUsd),
                P("economics.export_fee_rate", 0.25),
                P("economics.fee_pass_through", FeePassThrough),
                P("economics.usd_cny", 7)),
            Compute = new ComputeSpec(
                P("compute.h200_vs_h20", 6),
                P("compute.revenue_per_h20e_month_cny", 1e6),
                P("compute.utilization", 0.5),
                P("compute.baseline_capacity_cover", BaselineCapacityCover),
                P("compute.baseline_capacity_growth_yoy", 0)),
            Revenue = new RevenueSpec(
                start,
                P("revenue.base_quarter_cny_bn", 30),
                P("revenue.ai_share", 0.2),
                P("revenue.non_ai_growth_yoy", 0),
                P("revenue.ai_demand_growth_yoy", AiDemandGrowthYoy),
                P("revenue.gross_margin", 0.4)),
        };
    }

    /// <summary>Runs a few trials (all identical: nothing is random) and returns the first trial's outcomes.</summary>
    public static Alibaba.ChipSim.Engine.SimulationResult Run(Scenario scenario, long trials = 3) =>
        Alibaba.ChipSim.Engine.SimulationEngine.Run(scenario, new Alibaba.ChipSim.Engine.RunOptions { Trials = trials, Seed = 1, Threads = 1 });
}
