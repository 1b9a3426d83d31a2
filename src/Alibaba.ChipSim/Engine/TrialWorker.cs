using System.Runtime.CompilerServices;
using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Model;
using Alibaba.ChipSim.Outcomes;
using Alibaba.ChipSim.Policy;
using Alibaba.ChipSim.Sampling;

namespace Alibaba.ChipSim.Engine;

/// <summary>
/// One worker's preallocated buffers and the per-trial loop: draw the trial's parameters, step the actors
/// (<see cref="CompiledPolicy.StepMonth"/>), run the month through the model (<see cref="TrialModel"/>), and
/// stage the trial's row. Nothing here allocates, looks anything up by name or depends on which other
/// trials the worker runs.
/// </summary>
internal sealed class TrialWorker
{
    private readonly SimulationPlan _plan;
    private readonly CompiledPolicy _policy;
    private readonly TrialModel _model;
    private readonly OutcomeColumns _out;
    private readonly ulong _seed;
    private readonly double[] _values;
    private readonly ulong[] _streams;
    private byte[] _before, _after;
    private readonly int[] _firstEntry;
    private readonly double[] _totals;
    private TrialState _state;
    private TrialInputs _inputs;
    private readonly double[] _block;     // [slot * Block + k]: the rows of up to Block trials, column by column
    private readonly double[][] _slots;
    private readonly int[] _slotOf;
    private readonly LifetimeBatch? _lifetime; // the block's value over the chips' life, side by side

    public TrialWorker(SimulationPlan plan, OutcomeColumns output, ulong seed)
    {
        _plan = plan;
        _policy = plan.Policy;
        _model = plan.Model;
        _out = output;
        _seed = seed;
        _values = new double[plan.Parameters.Count];
        _current = new double[plan.Parameters.RandomCount];
        _ahead = new double[plan.Parameters.RandomCount];
        _streams = new ulong[plan.ActorCount];
        _before = new byte[plan.ActorCount];
        _after = new byte[plan.ActorCount];
        _firstEntry = new int[plan.TotalStates];
        _totals = new double[plan.TotalStates];
        _state = TrialState.Create(plan.Model);
        if (plan.Model.Shape.HasNoise) _inputs.QuarterNoiseZ = new double[plan.Model.Horizon.AllQuarters];
        _occupancy = new long[plan.Months * plan.TotalStates];
        _moves = new long[plan.Months * plan.TotalStates];
        _gates = new double[plan.Months];
        _uniforms = new double[plan.ActorCount * plan.Months];
        _slotOf = plan.SlotOf;
        _slots = output.Slots;
        _block = new double[_slots.Length * Block];
        if (plan.Model.Value is not null) _lifetime = new LifetimeBatch(plan.Model, Block);
        if (plan.History is { } history)
        {
            _factors = new double[plan.ActorCount];
            _modulesThrough = new double[history.LastMonth + 1];
            _matched = new bool[history.ObservationNames.Length];
            _path = new int[plan.Months * plan.ActorCount];
            WeightedOccupancy = new Int128[plan.Months * plan.TotalStates];
        }
        ObservationMatches = new long[plan.History is { } h ? h.ObservationNames.Length + 1 : 0];
    }

    // The uniforms of the trial being drawn and of the next one (ParameterTable.FirstUniforms), and which trial that is.
    private double[] _current, _ahead;
    private long _aheadTrial = -1;

    private readonly double[] _factors = [];
    private readonly double[] _modulesThrough = [];
    private readonly bool[] _matched = [];
    private readonly int[] _path = [];

    /// <summary>In a run with history: Σ weight (fixed point, <see cref="StateOccupancy.WeightUnit"/>) per (month, flattened state); null otherwise.</summary>
    public Int128[]? WeightedOccupancy { get; }

    /// <summary>
    /// For each observation of the history, the trials this worker ran that satisfied it (factor &gt; 0); then the trials that
    /// satisfied every observed state and shipment at once (weight &gt; 0 before the reported quarters' likelihood).
    /// </summary>
    public long[] ObservationMatches { get; }

    /// <summary>
    /// Trials staged per block before their values are copied into the columns: writing ~60 columns a
    /// value at a time touches ~60 cache lines per trial; staging turns that into sequential copies.
    /// </summary>
    public const int Block = 128;

    /// <summary>Runs <paramref name="count"/> trials from <paramref name="firstTrial"/> into rows from <paramref name="firstRow"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    public void RunRange(long firstTrial, int firstRow, int count)
    {
        for (var start = 0; start < count; start += Block)
        {
            var n = Math.Min(Block, count - start);
            for (var k = 0; k < n; k++) Run(firstTrial + start + k, firstRow + start + k, k);
            if (_lifetime is { } lifetime) StageLifetime(lifetime, n);
            var row = firstRow + start;
            for (var c = 0; c < _slots.Length; c++) Array.Copy(_block, c * Block, _slots[c], row, n);
        }
    }

    /// <summary>Trials in each (month, flattened state) after the month's step, over every trial this worker ran.</summary>
    public long[] Occupancy
    {
        get
        {
            // The trials run by CompiledPolicy.RunPath left their moves, not their states: counted here, once.
            if (_pathTrials > 0)
            {
                _policy.Occupancy(_pathTrials, _moves, _occupancy);
                Array.Clear(_moves);
                _pathTrials = 0;
            }
            return _occupancy;
        }
    }

    private readonly long[] _occupancy;
    private readonly long[] _moves;
    private readonly double[] _gates;
    private readonly double[] _uniforms;
    private long _pathTrials;

    /// <summary>Runs trial <paramref name="trial"/> of the seed's sequence: row <paramref name="row"/>, block position <paramref name="k"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    private void Run(long trial, int row, int k)
    {
        if (_plan.History is { } history)
        {
            RunObserved(trial, row, k, history);
            return;
        }
        var model = _model;
        BeginTrial(trial);
        _policy.RunPath(_streams, _before, _values, _firstEntry, _totals, _gates, _uniforms, _moves);
        _pathTrials++;
        model.StepMonths(ref _state, in _inputs, _gates);

        WriteRow(row, k, model.Finish(in _state, in _inputs, _lifetime, k));
    }

    /// <summary>
    /// What every trial starts with, observed or not: its parameters drawn, the model's inputs filled (quarter noise
    /// included), the actors' streams and initial states, the model's state, and no state entered yet.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    private void BeginTrial(long trial)
    {
        var trialHash = RandomStreams.TrialHash(_seed, trial);
        var parameters = _plan.Parameters;
        if (parameters.Design is not null) parameters.Draw(trial, trialHash, _values);
        else
        {
            // Plain Monte Carlo: this trial's uniforms were drawn (and their table entries asked for) one trial ahead, by
            // the previous trial of the range; the next trial's are drawn now, so that their loads overlap this trial.
            if (_aheadTrial != trial) parameters.FirstUniforms(trialHash, _ahead);
            (_ahead, _current) = (_current, _ahead);
            parameters.FirstUniforms(RandomStreams.TrialHash(_seed, trial + 1), _ahead);
            _aheadTrial = trial + 1;
            parameters.DrawFrom(_current, _values);
        }
        _plan.Inputs.Fill(_values, ref _inputs);
        if (_inputs.QuarterNoiseZ is { } z) DrawQuarterNoise(trialHash, z);
        _policy.Streams(trialHash, _streams);
        _policy.Reset(_before);
        _policy.TotalHazards(_values, _totals);
        _model.Begin(ref _state, in _inputs);
        var firstEntry = _firstEntry;
        for (var i = 0; i < firstEntry.Length; i++) firstEntry[i] = -1; // a dozen states: cheaper than a call to Fill
    }

    /// <summary>The stream of the quarter noise: its own key, so variants that share it share the shocks.</summary>
    private static readonly ulong QuarterNoiseKey = RandomStreams.KeyOf("revenue.quarter_noise");

    /// <summary>One standard normal per quarter the horizon touches: the q-th uniform of the trial's quarter-noise stream.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    private static void DrawQuarterNoise(ulong trialHash, double[] z)
    {
        RandomStreams.Uniforms(RandomStreams.StreamOf(trialHash, QuarterNoiseKey), z);
        for (var q = 0; q < z.Length; q++) z[q] = NormalQuantile.Of(z[q]);
    }

    /// <summary>
    /// <see cref="Run"/> for a scenario with a history (docs/history.md): observed months pin the observed actors' states
    /// (no uniform drawn for them) and multiply the trial's weight by each move's probability under the trial's draws; then
    /// shipment ranges that do not match set it to 0, and the reported quarters multiply it by the revenue likelihood.
    /// </summary>
    private void RunObserved(long trial, int row, int k, HistoryPlan history)
    {
        var plan = _plan;
        var policy = _policy;
        var model = _model;
        var v = _values;
        BeginTrial(trial);
        var firstEntry = _firstEntry;
        var matched = _matched;
        Array.Fill(matched, true);
        var occupancy = _occupancy;
        var stateOffset = policy.StateOffset;
        var totalStates = plan.TotalStates;
        var months = plan.Months;
        var actors = plan.ActorCount;
        var observed = history.Observed;
        var observationOf = history.ObservationOf;
        var factors = _factors;
        var weight = 1.0;

        var before = _before;
        var after = _after;
        var gate = policy.Gate(before, v);
        for (var m = 0; m < months; m++)
        {
            bool moved;
            if (m <= history.LastMonth)
            {
                moved = policy.StepMonthObserved(m, _streams, before, after, v, firstEntry, observed.AsSpan(m * actors, actors), factors);
                for (var a = 0; a < actors; a++)
                {
                    var f = factors[a];
                    weight *= f;
                    if (f == 0 && observationOf[m * actors + a] is var o and >= 0) matched[o] = false;
                }
            }
            else
            {
                moved = policy.StepMonth(m, _streams, before, after, v, firstEntry, _totals);
            }
            (before, after) = (after, before);
            var row0 = m * totalStates;
            for (var a = 0; a < actors; a++)
            {
                var cell = row0 + stateOffset[a] + before[a];
                occupancy[cell]++;
                _path[m * actors + a] = cell;
            }
            if (moved) gate = policy.Gate(before, v);
            model.StepMonth(ref _state, in _inputs, gate, m);
            if (m <= history.LastMonth) _modulesThrough[m] = _state.Shipments.ModulesShipped;
        }
        _before = before;
        _after = after;

        for (var r = 0; r < history.ShipFrom.Length; r++)
        {
            var from = history.ShipFrom[r];
            var shipped = _modulesThrough[history.ShipTo[r]] - (from > 0 ? _modulesThrough[from - 1] : 0);
            if (shipped >= history.ShipMin[r] && shipped <= history.ShipMax[r]) continue;
            weight = 0;
            matched[history.ActorObservations + r] = false;
        }
        var result = model.Finish(in _state, in _inputs, _lifetime, k);
        if (weight > 0) ObservationMatches[^1]++;
        weight *= history.RevenueFactor(_state.Revenue.QuarterCloud);
        for (var o = 0; o < matched.Length; o++) if (matched[o]) ObservationMatches[o]++;
        _out.Weights![row] = weight;
        var fixedWeight = StateOccupancy.FixedWeight(weight);
        if (fixedWeight > 0)
        {
            var weighted = WeightedOccupancy!;
            foreach (var cell in _path) weighted[cell] += fixedWeight;
        }
        WriteRow(row, k, result);
    }

    /// <summary>Stages <paramref name="value"/> as outcome <paramref name="outcome"/> of block position <paramref name="k"/> (a no-op when the run has no such outcome).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Stage(Outcome outcome, int k, double value)
    {
        var slot = _slotOf[(int)outcome];
        if (slot >= 0) _block[slot * Block + k] = value;
    }

    /// <summary>The block's lifetime outcomes (<see cref="WriteRow"/> staged them as NaN), computed side by side.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    private void StageLifetime(LifetimeBatch lifetime, int n)
    {
        lifetime.Complete(n);
        for (var k = 0; k < n; k++)
        {
            Stage(Outcome.NpvCnyBn, k, lifetime.Npv[k]);
            Stage(Outcome.LifetimeRoi, k, lifetime.LifetimeRoi[k]);
            Stage(Outcome.PaybackMonth, k, lifetime.PaybackMonth[k]);
            Stage(Outcome.NpvPerAdsUsd, k, lifetime.NpvPerAdsUsd[k]);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    private void WriteRow(int row, int k, in TrialResult r)
    {
        Stage(Outcome.DeliveredByDeadline, k, r.DeliveredByDeadline ? 1 : 0);
        Stage(Outcome.NothingDelivered, k, r.NothingDelivered ? 1 : 0);
        Stage(Outcome.MonthsToFirstDelivery, k, r.MonthsToFirstDelivery);
        Stage(Outcome.GateOpenMonths, k, r.GateOpenMonths);
        Stage(Outcome.ModulesShipped, k, r.ModulesShipped);
        Stage(Outcome.ChipsShipped, k, r.ChipsShipped);
        Stage(Outcome.ChipsDelivered, k, r.ChipsDelivered);
        Stage(Outcome.FeeTotalUsd, k, r.FeeTotalUsd);
        Stage(Outcome.FeeBorneUsd, k, r.FeeBorneUsd);
        Stage(Outcome.CostUsd, k, r.CostUsd);
        Stage(Outcome.CostCny, k, r.CostCny);
        Stage(Outcome.H200H20eOnline, k, r.H200H20eOnline);
        Stage(Outcome.CloudRevenueCnyBn, k, r.CloudRevenueCnyBn);
        Stage(Outcome.CloudRevenueWithoutH200CnyBn, k, r.CloudRevenueWithoutH200CnyBn);
        Stage(Outcome.AiRevenueCnyBn, k, r.AiRevenueCnyBn);
        Stage(Outcome.IncrementalRevenueCnyBn, k, r.IncrementalRevenueCnyBn);
        Stage(Outcome.IncrementalGrossProfitCnyBn, k, r.IncrementalGrossProfitCnyBn);
        Stage(Outcome.Roi, k, r.Roi);
        Stage(Outcome.NpvCnyBn, k, r.NpvCnyBn);
        Stage(Outcome.LifetimeRoi, k, r.LifetimeRoi);
        Stage(Outcome.PaybackMonth, k, r.PaybackMonth);
        Stage(Outcome.NpvPerAdsUsd, k, r.NpvPerAdsUsd);

        var plan = _plan;
        var b = _block;
        var entryColumn = plan.EntryColumnOfState;
        var entrySlot = _out.FirstEntrySlot;
        for (var s = 0; s < entryColumn.Length; s++)
        {
            var c = entryColumn[s];
            if (c >= 0) b[(entrySlot + c) * Block + k] = _firstEntry[s] < 0 ? double.NaN : _firstEntry[s];
        }
        for (var a = 0; a < plan.ActorCount; a++) _out.FinalState[a][row] = _before[a];

        // Quarterly columns in the order of SimulationPlan.QuarterlyOutcomes: cloud, cloud without H200s, AI, incremental (those kept).
        ref readonly var revenue = ref _state.Revenue;
        var next = _out.FirstQuarterSlot;
        var kept = plan.QuarterlyKept;
        if (kept[0]) next = StageQuarters(next, k, revenue.QuarterCloud);
        if (kept[1]) next = StageQuarters(next, k, revenue.QuarterCloudWithoutH200);
        if (kept[2]) next = StageQuarters(next, k, revenue.QuarterAiServed);
        if (kept[3]) StageQuarters(next, k, revenue.QuarterIncremental);
    }

    private int StageQuarters(int slot, int k, double[] sums)
    {
        var b = _block;
        for (var q = 0; q < sums.Length; q++) b[(slot + q) * Block + k] = sums[q];
        return slot + sums.Length;
    }
}
