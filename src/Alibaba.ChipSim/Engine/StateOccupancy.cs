using System.Collections.Immutable;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Engine;

/// <summary>
/// How many trials were in each state of one actor after each month's step:
/// <c>Counts[month * States.Length + state]</c>. For the report's occupancy charts. In a run conditioned on
/// history, <see cref="WeightedCounts"/> holds the trials' weights summed the same way, in fixed point
/// (<see cref="WeightUnit"/> per unit of weight): whole numbers, so the sums are the same in any order, for any
/// thread count, batch or shard split.
/// </summary>
public sealed class StateOccupancy(string actor, ImmutableArray<string> states, Month start, int months, long[] counts, Int128[]? weightedCounts = null)
{
    /// <summary>One unit of weight in <see cref="WeightedCounts"/> (2^60; weights are at most 1, so a trial adds at most this).</summary>
    public const double WeightUnit = 1152921504606846976.0;

    /// <summary>A weight (in [0, 1]) in fixed point: rounded down to a multiple of 2^−60.</summary>
    public static long FixedWeight(double weight) => weight > 0 ? (long)(Math.Min(weight, 1) * WeightUnit) : 0;

    public string Actor { get; } = actor;
    public ImmutableArray<string> States { get; } = states;
    public Month Start { get; } = start;
    public int Months { get; } = months;
    public long[] Counts { get; } = counts;

    public long Count(int month, int state) => Counts[month * States.Length + state];

    /// <summary>Σ weight in fixed point per (month, state), or null for an unweighted run.</summary>
    public Int128[]? WeightedCounts { get; } = weightedCounts;

    /// <summary>
    /// The share of trials (of weight, when weighted) in <paramref name="state"/> after month <paramref name="month"/>'s
    /// step: count / trials, or Σ w in the state / Σ w over the month's states; 0 when the month has no trial (no weight).
    /// </summary>
    public double Share(int month, int state)
    {
        var n = States.Length;
        if (WeightedCounts is { } w)
        {
            Int128 total = 0;
            for (var s = 0; s < n; s++) total += w[month * n + s];
            return total > 0 ? (double)w[month * n + state] / (double)total : 0;
        }
        long all = 0;
        for (var s = 0; s < n; s++) all += Counts[month * n + s];
        return all > 0 ? (double)Counts[month * n + state] / all : 0;
    }
}
