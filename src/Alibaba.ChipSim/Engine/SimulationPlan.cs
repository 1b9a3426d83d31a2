using System.Collections.Immutable;
using Alibaba.ChipSim.Model;
using Alibaba.ChipSim.Outcomes;
using Alibaba.ChipSim.Policy;
using Alibaba.ChipSim.Sampling;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Engine;

/// <summary>
/// Everything about a scenario that does not change from trial to trial, computed once before the
/// loop: compiled parameters and actors, the index of each model parameter in the per-trial values,
/// month offsets, the quarter of each month, and the layout of the first-entry columns.
/// </summary>
internal sealed class SimulationPlan
{
    /// <param name="scenario">The validated scenario.</param>
    /// <param name="options">When given, the sampling design of the run (Latin hypercube, correlations) is built for its trials.</param>
    public SimulationPlan(Scenario scenario, RunOptions? options = null)
    {
        Scenario = scenario;
        Parameters = ParameterTable.For(scenario);
        if (options is not null)
        {
            var design = options is { WholeRunTrials: > 0, SamplingBlockTrials: 0 }
                ? SamplingDesign.For(scenario, Parameters, options.Seed, 0, (int)options.WholeRunTrials).Slice(options.FirstTrial, (int)options.Trials)
                : SamplingDesign.For(scenario, Parameters, options.Seed, options.FirstTrial, (int)options.Trials, options.SamplingBlockTrials);
            if (!design.IsPlain) Parameters = Parameters.WithDesign(design);
        }
        Policy = new CompiledPolicy(scenario, Parameters);
        Months = scenario.Calendar.Months;
        var start = scenario.Calendar.Start;

        Inputs = new ModelInputs(scenario, Parameters);
        Quarters = QuarterCalendar.Layout(start, Months, scenario.Calendar.Quarters);
        ChipsAreWhole = scenario.Shipments.ChipsPerModule.Distribution.IsWholeValued;
        History = scenario.History is { } history ? new HistoryPlan(history, scenario, Quarters) : null;

        ActorCount = scenario.Actors.Length;
        StateOffset = Policy.StateOffset;
        TotalStates = Policy.TotalStates;

        var selection = options?.Columns;
        // First-entry columns: every state but the initial one, and the initial one too when a
        // transition leads back to it (entries count only by a transition, never the start); of those, the selection's.
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
                var name = OutcomeCatalogue.FirstEntryMonthName(actor.Name, state);
                if ((state == actor.Initial && !reentered) || (selection is not null && !selection.EntryMonths.Contains(name)))
                {
                    EntryColumnOfState[StateOffset[a] + st] = -1;
                    continue;
                }
                EntryColumnOfState[StateOffset[a] + st] = names.Count;
                names.Add(name);
            }
        }
        EntryColumnNames = names.ToImmutable();

        var outcomes = ImmutableArray.CreateBuilder<OutcomeMetric>();
        SlotOf = new int[OutcomeCatalogue.All.Length];
        foreach (var m in OutcomeCatalogue.All)
        {
            SlotOf[(int)m.Id] = Has(m.Requires) && (selection is null || selection.Outcomes.Contains(m.Name)) ? outcomes.Count : -1;
            if (SlotOf[(int)m.Id] >= 0) outcomes.Add(m);
        }
        Outcomes = outcomes.ToImmutable();
        // The model sums these four per quarter (RevenueState) and the worker stages them in this order.
        if (!OutcomeCatalogue.QuarterlyMetrics.Select(m => m.Id).SequenceEqual(
                [Outcome.CloudRevenueCnyBn, Outcome.CloudRevenueWithoutH200CnyBn, Outcome.AiRevenueCnyBn, Outcome.IncrementalRevenueCnyBn]))
            throw new InvalidOperationException("the quarterly outcomes of the catalogue do not match the model's quarter sums");
        QuarterlyKept = [.. OutcomeCatalogue.QuarterlyMetrics.Select(m => selection is null || selection.QuarterlyMetrics.Contains(m.Name))];
        QuarterlyOutcomes = [.. OutcomeCatalogue.QuarterlyMetrics.Where((_, j) => QuarterlyKept[j])];
        // The quarters' sums are read by the quarterly columns and by a history's reported quarters; without either the
        // model leaves them out (the same bits for everything else).
        Model = new TrialModel(Horizon.Of(scenario, Quarters),
            new RevenueShape(scenario.Revenue.Seasonality, scenario.Revenue.QuarterNoise), ValueOverLife.Of(scenario),
            sumsQuarters: History is not null || QuarterlyKept.Contains(true));
    }

    /// <summary>True when the scenario sets the keys an outcome needs.</summary>
    public bool Has(OutcomeRequirement requirement) => requirement switch
    {
        OutcomeRequirement.None => true,
        OutcomeRequirement.ValueOverLife => Scenario.Economics.ValueOverLife is not null,
        OutcomeRequirement.ValuePerShare => Scenario.Economics.ValueOverLife is not null && Scenario.Valuation is not null,
        _ => false,
    };

    /// <summary>The run's outcomes: the catalogue entries whose keys the scenario sets, in catalogue order.</summary>
    public ImmutableArray<OutcomeMetric> Outcomes { get; }

    /// <summary>Per <see cref="Outcome"/>, its position in <see cref="Outcomes"/> (its staging slot), or −1 when the run has none.</summary>
    public int[] SlotOf { get; }

    /// <summary>The outcomes also summed per quarter that the run keeps, in catalogue order.</summary>
    public ImmutableArray<OutcomeMetric> QuarterlyOutcomes { get; }

    /// <summary>Per entry of <see cref="OutcomeCatalogue.QuarterlyMetrics"/>, whether the run keeps its quarterly columns (all of them unless <see cref="RunOptions.Columns"/> narrows them).</summary>
    public bool[] QuarterlyKept { get; }

    public Scenario Scenario { get; }
    public ParameterTable Parameters { get; }
    public CompiledPolicy Policy { get; }
    public int Months { get; }
    public int ActorCount { get; }

    /// <summary>Where the model's inputs sit among a trial's drawn values.</summary>
    public ModelInputs Inputs { get; }

    /// <summary>The monthly model over the scenario's horizon.</summary>
    public TrialModel Model { get; }

    public QuarterLayout Quarters { get; }

    /// <summary>The scenario's history compiled for the trial loop, or null: trials are then unweighted.</summary>
    public HistoryPlan? History { get; }

    public bool ChipsAreWhole { get; }

    /// <summary>Actor a's states occupy [StateOffset[a], StateOffset[a + 1]) in flattened per-state arrays.</summary>
    public int[] StateOffset { get; }

    public int TotalStates { get; }

    /// <summary>Per flattened state, its first-entry column, or −1 when it has none.</summary>
    public int[] EntryColumnOfState { get; }

    public ImmutableArray<string> EntryColumnNames { get; }
}
