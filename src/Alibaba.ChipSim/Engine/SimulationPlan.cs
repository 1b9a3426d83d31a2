using System.Collections.Immutable;
using Alibaba.ChipSim.Engine.Sampling;
using Alibaba.ChipSim.Model;
using Alibaba.ChipSim.Outcomes;
using Alibaba.ChipSim.Policy;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Engine;

/// <summary>
/// Everything about a scenario that does not change from trial to trial, computed once before the
/// loop: compiled parameters and actors, the index of each model parameter in the per-trial values,
/// month offsets, the quarter of each month, and the layout of the first-entry columns.
/// </summary>
internal sealed class SimulationPlan
{
    /// <param name="options">When given, the sampling design of the run (Latin hypercube, correlations) is built for its trials.</param>
    public SimulationPlan(Scenario scenario, RunOptions? options = null)
    {
        Scenario = scenario;
        Parameters = ParameterTable.For(scenario);
        if (options is not null)
        {
            var design = SamplingDesign.For(scenario, Parameters, options.Seed, options.FirstTrial, (int)options.Trials, options.SamplingBlockTrials);
            if (!design.IsPlain) Parameters = Parameters.WithDesign(design);
        }
        Policy = new CompiledPolicy(scenario, Parameters);
        Months = scenario.Calendar.Months;
        var start = scenario.Calendar.Start;

        var s = scenario.Shipments;
        InitialModules = Parameters.IndexOf(s.InitialModules);
        ChipsPerModule = Parameters.IndexOf(s.ChipsPerModule);
        FollowOnModulesPerMonth = Parameters.IndexOf(s.FollowOnModulesPerMonth);
        SupplyCapModules = s.SupplyCapModules is null ? -1 : Parameters.IndexOf(s.SupplyCapModules);
        BuyerShare = Parameters.IndexOf(s.BuyerShare);
        DeploymentLagMonths = Parameters.IndexOf(s.DeploymentLagMonths);
        var e = scenario.Economics;
        PricePerChipUsd = Parameters.IndexOf(e.PricePerChipUsd);
        ExportFeeRate = Parameters.IndexOf(e.ExportFeeRate);
        FeePassThrough = Parameters.IndexOf(e.FeePassThrough);
        UsdCny = Parameters.IndexOf(e.UsdCny);
        var c = scenario.Compute;
        H200VsH20 = Parameters.IndexOf(c.H200VsH20);
        RevenuePerH20eMonthCny = Parameters.IndexOf(c.RevenuePerH20eMonthCny);
        Utilization = Parameters.IndexOf(c.Utilization);
        BaselineCapacityCover = Parameters.IndexOf(c.BaselineCapacityCover);
        BaselineCapacityGrowthYoy = Parameters.IndexOf(c.BaselineCapacityGrowthYoy);
        var r = scenario.Revenue;
        BaseQuarterCnyBn = Parameters.IndexOf(r.BaseQuarterCnyBn);
        AiShare = Parameters.IndexOf(r.AiShare);
        NonAiGrowthYoy = Parameters.IndexOf(r.NonAiGrowthYoy);
        AiDemandGrowthYoy = Parameters.IndexOf(r.AiDemandGrowthYoy);
        GrossMargin = Parameters.IndexOf(r.GrossMargin);

        // A first delivery planned before the horizon waits for the first simulated month.
        FirstDeliveryMonth = Math.Max(0, s.FirstDelivery.MonthsSince(start));
        DeadlineMonth = s.Deadline.MonthsSince(start);
        MonthsFromBaseAtStart = start.MonthsSince(r.BaseMonth);
        Quarters = QuarterCalendar.Layout(start, Months, scenario.Calendar.Quarters);
        ChipsAreWhole = s.ChipsPerModule.Distribution.IsWholeValued;

        ActorCount = scenario.Actors.Length;
        StateOffset = new int[ActorCount + 1];
        for (var a = 0; a < ActorCount; a++) StateOffset[a + 1] = StateOffset[a] + scenario.Actors[a].States.Length;
        TotalStates = StateOffset[ActorCount];

        // First-entry columns: every state but the initial one, and the initial one too when a
        // transition leads back to it (entries count only by a transition, never the start).
        EntryColumnOfState = new int[TotalStates];
        var names = ImmutableArray.CreateBuilder<string>();
        for (var a = 0; a < ActorCount; a++)
        {
            var actor = scenario.Actors[a];
            for (var st = 0; st < actor.States.Length; st++)
            {
                var state = actor.States[st].Name;
                var reentered = false;
                foreach (var t in actor.Transitions) reentered |= t.To == state;
                if (state == actor.Initial && !reentered)
                {
                    EntryColumnOfState[StateOffset[a] + st] = -1;
                    continue;
                }
                EntryColumnOfState[StateOffset[a] + st] = names.Count;
                names.Add(OutcomeCatalogue.FirstEntryMonthName(actor.Name, state));
            }
        }
        EntryColumnNames = names.ToImmutable();

        var outcomes = ImmutableArray.CreateBuilder<OutcomeMetric>();
        SlotOf = new int[OutcomeCatalogue.All.Length];
        foreach (var m in OutcomeCatalogue.All)
        {
            SlotOf[(int)m.Id] = Has(m.Requires) ? outcomes.Count : -1;
            if (SlotOf[(int)m.Id] >= 0) outcomes.Add(m);
        }
        Outcomes = outcomes.ToImmutable();
        QuarterlyOutcomes = OutcomeCatalogue.QuarterlyMetrics;
    }

    /// <summary>True when the scenario sets the keys an outcome needs.</summary>
    public bool Has(OutcomeRequirement requirement) => requirement == OutcomeRequirement.None;

    /// <summary>The run's outcomes: the catalogue entries whose keys the scenario sets, in catalogue order.</summary>
    public ImmutableArray<OutcomeMetric> Outcomes { get; }

    /// <summary>Per <see cref="Outcome"/>, its position in <see cref="Outcomes"/> (its staging slot), or −1 when the run has none.</summary>
    public int[] SlotOf { get; }

    /// <summary>The outcomes also summed per quarter, in catalogue order.</summary>
    public ImmutableArray<OutcomeMetric> QuarterlyOutcomes { get; }

    public Scenario Scenario { get; }
    public ParameterTable Parameters { get; }
    public CompiledPolicy Policy { get; }
    public int Months { get; }
    public int ActorCount { get; }

    public int InitialModules { get; }
    public int ChipsPerModule { get; }
    public int FollowOnModulesPerMonth { get; }

    /// <summary>−1 when the scenario sets no cap.</summary>
    public int SupplyCapModules { get; }
    public int BuyerShare { get; }
    public int DeploymentLagMonths { get; }
    public int PricePerChipUsd { get; }
    public int ExportFeeRate { get; }
    public int FeePassThrough { get; }
    public int UsdCny { get; }
    public int H200VsH20 { get; }
    public int RevenuePerH20eMonthCny { get; }
    public int Utilization { get; }
    public int BaselineCapacityCover { get; }
    public int BaselineCapacityGrowthYoy { get; }
    public int BaseQuarterCnyBn { get; }
    public int AiShare { get; }
    public int NonAiGrowthYoy { get; }
    public int AiDemandGrowthYoy { get; }
    public int GrossMargin { get; }

    /// <summary>The first month (from the start, ≥ 0) in which the initial tranche may ship.</summary>
    public int FirstDeliveryMonth { get; }

    /// <summary>The deadline counted from the start (negative, or past the horizon, when outside it).</summary>
    public int DeadlineMonth { get; }

    /// <summary>t of the first simulated month: whole months from <c>revenue.base_month</c>.</summary>
    public int MonthsFromBaseAtStart { get; }

    public QuarterLayout Quarters { get; }

    public bool ChipsAreWhole { get; }

    /// <summary>Actor a's states occupy [StateOffset[a], StateOffset[a + 1]) in flattened per-state arrays.</summary>
    public int[] StateOffset { get; }

    public int TotalStates { get; }

    /// <summary>Per flattened state, its first-entry column, or −1 when it has none.</summary>
    public int[] EntryColumnOfState { get; }

    public ImmutableArray<string> EntryColumnNames { get; }
}
