using System.Collections.Immutable;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Engine;

/// <summary>Everything one run produced: per-trial outcome columns (trial order), quarterly columns and state occupancy.</summary>
public sealed class SimulationResult(
    Scenario scenario,
    ulong seed,
    long trials,
    ImmutableArray<NumericColumn> numeric,
    ImmutableArray<CategoricalColumn> categorical,
    ImmutableArray<QuarterColumns> quarterly,
    ImmutableArray<StateOccupancy> occupancy)
{
    public Scenario Scenario { get; } = scenario;
    public ulong Seed { get; } = seed;
    public long Trials { get; } = trials;

    /// <summary>
    /// Per-trial numeric metrics: the metrics of <see cref="MetricNames"/> in its order (the names of the outcome catalogue, docs/outputs.md), then
    /// the first-entry months <c>&lt;actor&gt;_&lt;state&gt;_month</c> (see <see cref="MetricNames.FirstEntryMonth"/>).
    /// </summary>
    public ImmutableArray<NumericColumn> Numeric { get; } = numeric;

    /// <summary><c>&lt;actor&gt;_final</c> for each actor.</summary>
    public ImmutableArray<CategoricalColumn> Categorical { get; } = categorical;

    /// <summary>Per-quarter metrics (cloud revenue with and without H200s, AI revenue served, …).</summary>
    public ImmutableArray<QuarterColumns> Quarterly { get; } = quarterly;

    public ImmutableArray<StateOccupancy> Occupancy { get; } = occupancy;

    /// <summary>
    /// Each trial's weight, the probability of the scenario's history under its draws (not normalised), or null when the
    /// scenario has no history: statistics are then unweighted (docs/history.md).
    /// </summary>
    public double[]? Weights { get; init; }

    /// <summary>For each observation of the history (actor entries, then shipment ranges), the trials that satisfied it on their own; null without history.</summary>
    public ImmutableArray<long> ObservationMatches { get; init; }

    /// <summary>
    /// Which trials of the seed's sequence these are and how they were sampled: sensitivity regenerates the drawn
    /// inputs from this (and the trials files their input columns), so it is the run's own record, never supplied from
    /// outside. Null for results not made by the engine (hand-made in tests): they have no drawn inputs.
    /// </summary>
    public SamplingBlock? Sampling { get; private init; }

    /// <summary>The same columns, recorded as trials <see cref="SamplingBlock.FirstTrial"/>… sampled in blocks of <see cref="SamplingBlock.BlockTrials"/>.</summary>
    internal SimulationResult WithSampling(SamplingBlock sampling) =>
        new(Scenario, Seed, Trials, Numeric, Categorical, Quarterly, Occupancy)
        {
            Sampling = sampling, Weights = Weights, ObservationMatches = ObservationMatches, Passes = Passes, HasTrialColumns = HasTrialColumns,
        };

    /// <summary>
    /// False for a summary-only run in bounded memory (docs/running-big.md, "Bounded memory"): it kept no per-trial
    /// column, so <see cref="Numeric"/>, <see cref="Categorical"/> and <see cref="Quarterly"/> are empty; its summary and
    /// <see cref="Occupancy"/> are complete.
    /// </summary>
    public bool HasTrialColumns { get; private init; } = true;

    /// <summary>How many times the trials were simulated: 1, or the passes of a summary-only run.</summary>
    public int Passes { get; private init; } = 1;

    internal SimulationResult WithoutTrialColumns(int passes) =>
        new(Scenario, Seed, Trials, [], [], [], Occupancy) { Sampling = Sampling, ObservationMatches = ObservationMatches, Passes = passes, HasTrialColumns = false };

    public NumericColumn? Column(string name)
    {
        foreach (var c in Numeric) if (c.Name == name) return c;
        return null;
    }
}
