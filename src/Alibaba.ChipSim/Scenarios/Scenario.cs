using System.Collections.Immutable;

namespace Alibaba.ChipSim.Scenarios;

/// <summary>A validated, immutable scenario: everything downstream of the loader reads this, never YAML.</summary>
public sealed record Scenario(
    string Name,
    string? Description,
    CalendarSpec Calendar,
    SimulationSpec Simulation,
    ImmutableArray<ActorSpec> Actors,
    ShipmentsSpec Shipments,
    EconomicsSpec Economics,
    ComputeSpec Compute,
    RevenueSpec Revenue)
{
    /// <summary>Rank correlations between per-trial parameters (Iman–Conover); empty when none.</summary>
    public ImmutableArray<CorrelationSpec> Correlations { get; init; } = ImmutableArray<CorrelationSpec>.Empty;

    /// <summary>The target probabilities of <c>targets:</c>, in file order; empty when none.</summary>
    public ImmutableArray<TargetSpec> Targets { get; init; } = ImmutableArray<TargetSpec>.Empty;
    /// <summary>What has been observed (<c>history:</c>), or null: a run then conditions on it (docs/history.md).</summary>
    public History.HistorySpec? History { get; init; }

    /// <summary>The scenario file and the files it extends, child first.</summary>
    public ImmutableArray<string> SourceFiles { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>SHA-256 (hex) of the bytes of the scenario file followed by those of each file it extends, child first.</summary>
    public string Sha256 { get; init; } = "";

    /// <summary>The share count that values the purchase per share (<c>valuation</c>); null when absent.</summary>
    public ValuationSpec? Valuation { get; init; }

    /// <summary>Every numeric parameter of the scenario that is drawn once per trial, in a stable order.</summary>
    public IEnumerable<Parameter> AllParameters()
    {
        foreach (var actor in Actors)
        {
            foreach (var state in actor.States) yield return state.Gate;
            foreach (var t in actor.Transitions)
                if (t.Monthly is not null) yield return t.Monthly;
        }
        var s = Shipments;
        yield return s.InitialModules;
        yield return s.ChipsPerModule;
        yield return s.FollowOnModulesPerMonth;
        if (s.SupplyCapModules is not null) yield return s.SupplyCapModules;
        yield return s.BuyerShare;
        yield return s.DeploymentLagMonths;
        var e = Economics;
        yield return e.PricePerChipUsd;
        yield return e.ExportFeeRate;
        yield return e.FeePassThrough;
        yield return e.UsdCny;
        var c = Compute;
        yield return c.H200VsH20;
        yield return c.RevenuePerH20eMonthCny;
        yield return c.Utilization;
        yield return c.BaselineCapacityCover;
        yield return c.BaselineCapacityGrowthYoy;
        var r = Revenue;
        yield return r.BaseQuarterCnyBn;
        yield return r.AiShare;
        yield return r.NonAiGrowthYoy;
        yield return r.AiDemandGrowthYoy;
        yield return r.GrossMargin;
        // Optional keys last, so that a scenario without them keeps its parameters' order.
        if (s.BuyerCapChips is not null) yield return s.BuyerCapChips;
    }
}

public enum QuarterConvention
{
    /// <summary>Alibaba's fiscal year, ending in March (Jul–Sep 2025 is FY2026Q2).</summary>
    Fiscal,
    Calendar,
}

public enum SamplingMethod
{
    MonteCarlo,
    LatinHypercube,
}

public sealed record CalendarSpec(Month Start, int Months, QuarterConvention Quarters)
{
    public Month End => Start.AddMonths(Months - 1);

    public bool Contains(Month m) => m >= Start && m <= End;
}

public sealed record SimulationSpec(long Trials, ulong Seed, SamplingMethod Sampling);

public sealed record ActorSpec(
    string Name,
    string? Description,
    string Initial,
    ImmutableArray<StateSpec> States,
    ImmutableArray<TransitionSpec> Transitions)
{
    public int IndexOf(string state)
    {
        for (var i = 0; i < States.Length; i++)
            if (States[i].Name == state) return i;
        return -1;
    }
}

public sealed record StateSpec(string Name, string? Description, Parameter Gate, bool Final);

/// <summary>A hazard (<see cref="Monthly"/>) or a scheduled transition (<see cref="At"/>), exactly one of the two.</summary>
public sealed record TransitionSpec(
    string From,
    string To,
    Parameter? Monthly,
    Month? At,
    ImmutableArray<Guard> When)
{
    public bool IsScheduled => At is not null;
}

/// <summary>A condition on another actor's state at the start of the month.</summary>
public sealed record Guard(string Actor, string State);

public sealed record ShipmentsSpec(
    Month FirstDelivery,
    Month Deadline,
    Parameter InitialModules,
    Parameter ChipsPerModule,
    Parameter FollowOnModulesPerMonth,
    Parameter? SupplyCapModules,
    Parameter BuyerShare,
    Parameter DeploymentLagMonths)
{
    /// <summary>Alibaba's chips over the whole horizon at most (a per-customer licence cap); null for no cap.</summary>
    public Parameter? BuyerCapChips { get; init; }
}

public sealed record EconomicsSpec(
    Parameter PricePerChipUsd,
    Parameter ExportFeeRate,
    Parameter FeePassThrough,
    Parameter UsdCny)
{
    /// <summary>Value over the chips' life (useful life and discount rate); null when the scenario gives neither.</summary>
    public ValueOverLifeSpec? ValueOverLife { get; init; }
}

/// <summary>
/// <c>economics.useful_life_months</c> (at least <c>calendar.months</c>) and <c>economics.discount_rate_yoy</c>:
/// each chip earns for <see cref="UsefulLifeMonths"/> from the month it comes online; month m is discounted by (1 + r)^(−m/12).
/// </summary>
public sealed record ValueOverLifeSpec(int UsefulLifeMonths, double DiscountRateYoy);

/// <summary><c>valuation.ads_outstanding_bn</c>: American depositary shares outstanding, in billions.</summary>
public sealed record ValuationSpec(double AdsOutstandingBn);

public sealed record ComputeSpec(
    Parameter H200VsH20,
    Parameter RevenuePerH20eMonthCny,
    Parameter Utilization,
    Parameter BaselineCapacityCover,
    Parameter BaselineCapacityGrowthYoy);

public sealed record RevenueSpec(
    Month BaseMonth,
    Parameter BaseQuarterCnyBn,
    Parameter AiShare,
    Parameter NonAiGrowthYoy,
    Parameter AiDemandGrowthYoy,
    Parameter GrossMargin)
{
    /// <summary>Factors per quarter of the year (<c>revenue.seasonality</c>); null when absent (all 1).</summary>
    public SeasonalitySpec? Seasonality { get; init; }

    /// <summary>The per-quarter multiplicative shock (<c>revenue.quarter_noise</c>); null when absent.</summary>
    public QuarterNoiseSpec? QuarterNoise { get; init; }
}

/// <summary>
/// Four factors, one per quarter of the year in the scenario's convention (fiscal: Q1 = Apr–Jun; calendar:
/// Q1 = Jan–Mar), multiplying each month's non-AI revenue and AI revenue served, with and without H200s.
/// </summary>
public sealed record SeasonalitySpec(double Q1, double Q2, double Q3, double Q4)
{
    /// <summary>The factor of quarter <paramref name="quarterOfYear"/> (1 to 4).</summary>
    public double Factor(int quarterOfYear) => quarterOfYear switch
    {
        1 => Q1,
        2 => Q2,
        3 => Q3,
        4 => Q4,
        _ => throw new ArgumentOutOfRangeException(nameof(quarterOfYear)),
    };
}

/// <summary>
/// An AR(1) multiplicative shock per quarter: exp(σ e_q − σ²/2), e_q = ρ e_{q−1} + √(1−ρ²) z_q, e_0 = z_0.
/// </summary>
public sealed record QuarterNoiseSpec(double Sd, double Rho);

/// <summary>A target Spearman rank correlation between two per-trial parameters, by path.</summary>
public sealed record CorrelationSpec(string First, string Second, double Rho, SourceLocation Location);
