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

    /// <summary>What has been observed (<c>history:</c>), or null: a run then conditions on it (docs/history.md).</summary>
    public History.HistorySpec? History { get; init; }

    /// <summary>The scenario file and the files it extends, child first.</summary>
    public ImmutableArray<string> SourceFiles { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>SHA-256 (hex) of the bytes of the scenario file followed by those of each file it extends, child first.</summary>
    public string Sha256 { get; init; } = "";

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
    Parameter DeploymentLagMonths);

public sealed record EconomicsSpec(
    Parameter PricePerChipUsd,
    Parameter ExportFeeRate,
    Parameter FeePassThrough,
    Parameter UsdCny);

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
    Parameter GrossMargin);

/// <summary>A target Spearman rank correlation between two per-trial parameters, by path.</summary>
public sealed record CorrelationSpec(string First, string Second, double Rho, SourceLocation Location);
