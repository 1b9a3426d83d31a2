using System.Numerics;
using System.Runtime.InteropServices;

namespace Alibaba.ChipSim.Model;

/// <summary>
/// <see cref="TrialModel.Lifetime"/> for a block of trials at once, with the same bits. After the horizon a trial's
/// discounted gross profit is a chain of dependent additions, one a month for up to the chips' useful life, that cannot
/// be reordered without changing its rounding; run trial by trial, the processor waits on each addition. Here the
/// trials of a block go side by side, one to a lane of a <see cref="Vector{T}"/>: each lane adds its own months in its
/// own order, exactly as the trial alone would (a lane past its trial's last cohort change, or a lane without a trial,
/// keeps its sum), and the lanes' chains overlap.
/// </summary>
internal sealed class LifetimeBatch
{
    private static readonly int Lanes = Vector<double>.Count;

    private readonly TrialModel _model;
    private readonly ValueOverLife _value;
    private readonly int _months;
    private readonly int _span;          // months after the horizon a slot holds
    private readonly int _capacity;      // slots, a whole number of lane groups
    private readonly double[] _cost, _total, _payback, _rate, _chips, _last, _usdCny;
    private readonly bool[] _done;       // computed on its own (cohort changes beyond the span)
    private readonly double[] _cohorts;  // [group][month − horizon][lane]: the cohorts' changes after the horizon

    public LifetimeBatch(TrialModel model, int slots)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        _model = model;
        _value = model.Value ?? throw new ArgumentException("the model has no value over the chips' life", nameof(model));
        _months = model.Horizon.Months;
        // The cohort array's own length (TrialState.Create): every change of a lag within the horizon lands inside it.
        _span = _months + _value.UsefulLifeMonths + 1;
        _capacity = (slots + Lanes - 1) / Lanes * Lanes;
        _cost = new double[_capacity];
        _total = new double[_capacity];
        _payback = new double[_capacity];
        _rate = new double[_capacity];
        _chips = new double[_capacity];
        _last = new double[_capacity];
        _usdCny = new double[_capacity];
        _done = new bool[_capacity];
        _cohorts = new double[_capacity * _span];
        Npv = new double[_capacity];
        LifetimeRoi = new double[_capacity];
        PaybackMonth = new double[_capacity];
        NpvPerAdsUsd = new double[_capacity];
    }

    /// <summary>Each slot's outcomes after <see cref="Complete"/> (as <see cref="TrialModel.Lifetime"/> gives them).</summary>
    public double[] Npv { get; }

    public double[] LifetimeRoi { get; }

    public double[] PaybackMonth { get; }

    public double[] NpvPerAdsUsd { get; }

    /// <summary>Takes trial state <paramref name="s"/> (after its last month) into <paramref name="slot"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    public void Add(int slot, in TrialState s, in TrialInputs x)
    {
        var end = _model.AtHorizonEnd(in s);
        var last = s.Value.LastChange;
        _done[slot] = last - _months >= _span;
        if (_done[slot])
        {
            // A lag far past the horizon: the trial's cohorts outgrew the span (rare): on its own.
            (Npv[slot], LifetimeRoi[slot], PaybackMonth[slot], NpvPerAdsUsd[slot]) = _model.Lifetime(in s, in x);
            last = -1;
        }
        _cost[slot] = end.Cost;
        _total[slot] = end.Total;
        _payback[slot] = end.Payback;
        _rate[slot] = end.Rate;
        _chips[slot] = end.Chips;
        _last[slot] = last;
        _usdCny[slot] = x.UsdCny;
        var cohorts = s.Value.CohortChange;
        var lane = slot % Lanes;
        var at = slot / Lanes * _span * Lanes + lane;
        for (var m = _months; m <= last; m++) _cohorts[at + (m - _months) * Lanes] = cohorts[m];
    }

    /// <summary>The outcomes of slots 0 … <paramref name="count"/> − 1, every one of them filled by <see cref="Add"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    public void Complete(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _capacity);
        // Slots past the block's trials: no month after the horizon, no payback sought.
        for (var slot = count; slot < (count + Lanes - 1) / Lanes * Lanes; slot++)
        {
            _last[slot] = -1;
            _cost[slot] = _total[slot] = _rate[slot] = _chips[slot] = _payback[slot] = 0;
        }
        var cohorts = MemoryMarshal.Cast<double, Vector<double>>(_cohorts.AsSpan());
        // Every month a slot holds is in the table (the span ends at 2 × horizon + life): no call in the loop.
        var discounts = _value.Discounts[..(_months + _span)];
        var months = _months;
        for (var first = 0; first < count; first += Lanes)
        {
            var cost = new Vector<double>(_cost, first);
            var total = new Vector<double>(_total, first);
            var payback = new Vector<double>(_payback, first);
            var rate = new Vector<double>(_rate, first);
            var chips = new Vector<double>(_chips, first);
            var last = new Vector<double>(_last, first);
            // A lane looks for its payback month while it has a cost and has not found one (NaN ≠ NaN).
            var seeks = Vector.GreaterThan(cost, Vector<double>.Zero) & ~Vector.Equals(payback, payback);
            var final = -1;
            for (var k = 0; k < Lanes; k++) final = Math.Max(final, (int)_last[first + k]);
            var group = cohorts.Slice(first / Lanes * _span, _span);
            for (var m = months; m <= final; m++)
            {
                var month = new Vector<double>(m);
                var active = Vector.LessThanOrEqual(month, last);
                chips += group[m - months];
                total = Vector.ConditionalSelect(active, total + rate * chips * new Vector<double>(discounts[m]), total);
                var found = seeks & active & Vector.GreaterThanOrEqual(total, cost);
                payback = Vector.ConditionalSelect(found, month, payback);
                seeks = Vector.AndNot(seeks, found);
            }
            for (var k = 0; k < Lanes && first + k < count; k++)
            {
                var slot = first + k;
                if (_done[slot]) continue;
                (Npv[slot], LifetimeRoi[slot], PaybackMonth[slot], NpvPerAdsUsd[slot]) =
                    _model.LifetimeOutcomes(total[k], _cost[slot], payback[k], _usdCny[slot]);
            }
        }
    }
}
