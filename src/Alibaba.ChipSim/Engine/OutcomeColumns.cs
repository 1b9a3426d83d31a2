using System.Collections.Immutable;
using Alibaba.ChipSim.Outcomes;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Engine;

/// <summary>
/// The per-trial output arrays of one run, allocated once (one double per trial and outcome, one byte
/// per trial and actor) and filled in place by the workers, each trial writing only its own row. The
/// outcomes are the run's entries of <see cref="OutcomeCatalogue"/> (<see cref="SimulationPlan.Outcomes"/>).
/// </summary>
internal sealed class OutcomeColumns
{
    public OutcomeColumns(SimulationPlan plan, int rows)
    {
        Rows = rows;
        Metrics = Jagged(plan.Outcomes.Length, rows);
        EntryMonth = Jagged(plan.EntryColumnNames.Length, rows);
        FinalState = new byte[plan.ActorCount][];
        for (var a = 0; a < FinalState.Length; a++) FinalState[a] = ColumnMemory.Bytes(rows);
        Quarterly = new double[plan.QuarterlyOutcomes.Length][][];
        for (var j = 0; j < Quarterly.Length; j++) Quarterly[j] = Jagged(plan.Quarters.Count, rows);

        var slots = new List<double[]>(Metrics);
        slots.AddRange(EntryMonth);
        foreach (var quarters in Quarterly) slots.AddRange(quarters);
        Slots = [.. slots];
        Weights = plan.History is null ? null : ColumnMemory.Doubles(rows);
        FirstEntrySlot = Metrics.Length;
        FirstQuarterSlot = Metrics.Length + EntryMonth.Length;
    }

    /// <summary>
    /// Every double column in one order, for the workers' staging blocks: the run's outcomes (catalogue order),
    /// then the first-entry months, then the quarterly columns outcome by outcome, each quarter by quarter.
    /// </summary>
    public double[][] Slots { get; }

    /// <summary>[row]: the trial's weight when the scenario has a history, else null.</summary>
    public double[]? Weights { get; }

    public int FirstEntrySlot { get; }

    public int FirstQuarterSlot { get; }

    public int Rows { get; }

    /// <summary>[slot][row]: the run's outcomes in <see cref="SimulationPlan.Outcomes"/> order.</summary>
    public double[][] Metrics { get; }

    /// <summary>[entry column][row], as <see cref="SimulationPlan.EntryColumnNames"/>.</summary>
    public double[][] EntryMonth { get; }

    /// <summary>[actor][row]: the state index after the last month.</summary>
    public byte[][] FinalState { get; }

    /// <summary>[quarterly outcome][quarter][row]: sums over the quarter's months, as <see cref="SimulationPlan.QuarterlyOutcomes"/>.</summary>
    public double[][][] Quarterly { get; }

    private static double[][] Jagged(int count, int rows)
    {
        var a = new double[count][];
        for (var i = 0; i < count; i++) a[i] = ColumnMemory.Doubles(rows);
        return a;
    }

    public SimulationResult ToResult(SimulationPlan plan, ulong seed, ImmutableArray<StateOccupancy> occupancy, ImmutableArray<long> observationMatches = default)
    {
        var numeric = ImmutableArray.CreateBuilder<NumericColumn>();
        for (var i = 0; i < plan.Outcomes.Length; i++)
        {
            var m = plan.Outcomes[i];
            var whole = m.Kind == OutcomeKind.Count || (m.Kind == OutcomeKind.ChipCount && plan.ChipsAreWhole);
            numeric.Add(new NumericColumn(m.Name, Metrics[i], isBinary: m.IsBinary, isWholeNumber: whole));
        }
        for (var i = 0; i < EntryMonth.Length; i++)
            numeric.Add(new NumericColumn(plan.EntryColumnNames[i], EntryMonth[i], isWholeNumber: true));

        var categorical = ImmutableArray.CreateBuilder<CategoricalColumn>();
        for (var a = 0; a < plan.ActorCount; a++)
        {
            var actor = plan.Scenario.Actors[a];
            categorical.Add(new CategoricalColumn(OutcomeCatalogue.ActorFinalName(actor.Name), StateNames(actor), FinalState[a]));
        }

        var quarterly = ImmutableArray.CreateBuilder<QuarterColumns>();
        for (var j = 0; j < plan.QuarterlyOutcomes.Length; j++)
            quarterly.Add(new QuarterColumns(plan.QuarterlyOutcomes[j].Name, plan.Quarters.Names, Quarterly[j]));
        return new SimulationResult(plan.Scenario, seed, Rows, numeric.ToImmutable(), categorical.ToImmutable(), quarterly.ToImmutable(), occupancy)
        {
            Weights = Weights,
            ObservationMatches = observationMatches,
        };
    }

    public static ImmutableArray<string> StateNames(ActorSpec actor)
    {
        var b = ImmutableArray.CreateBuilder<string>(actor.States.Length);
        foreach (var s in actor.States) b.Add(s.Name);
        return b.MoveToImmutable();
    }
}
