using System.Collections.Immutable;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Statistics;

/// <summary>Target probabilities from a run's per-trial columns (numeric outcomes and per-quarter metrics).</summary>
public static class TargetProbability
{
    /// <summary>The per-trial values of <paramref name="metric"/> (NaN = undefined), or null when the run has no such metric.</summary>
    public static double[]? Values(SimulationResult result, string metric)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Column(metric) is { } column) return column.Values;
        foreach (var qc in result.Quarterly)
            for (var q = 0; q < qc.Quarters.Length; q++)
                if (SummaryBuilder.QuarterMetricName(qc.Metric, qc.Quarters[q]) == metric) return qc.Values[q];
        return null;
    }

    /// <summary>Each target in turn; a target whose metric the run lacks counts 0 trials.</summary>
    public static ImmutableArray<TargetResult> Of(SimulationResult result, IEnumerable<TargetSpec> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var list = ImmutableArray.CreateBuilder<TargetResult>();
        foreach (var t in targets)
            list.Add(result.Weights is { } weights ? Of(Values(result, t.Metric) ?? [], weights, t) : Of(Values(result, t.Metric) ?? [], t));
        return list.ToImmutable();
    }

    /// <summary>
    /// A run conditioned on history: the weighted share of the defined trials with weight meeting the target, its
    /// Wilson interval at n = ess (docs/history.md); <c>count</c> is the trials that are defined and carry weight.
    /// </summary>
    public static TargetResult Of(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, TargetSpec target)
    {
        ArgumentNullException.ThrowIfNull(target);
        // Weights are divided by the largest first, as every weighted statistic does, so tiny weights do not underflow.
        var largest = 0.0;
        for (var i = 0; i < values.Length; i++)
            if (!double.IsNaN(values[i]) && weights[i] > largest) largest = weights[i];
        long count = 0;
        double sum = 0, sumSquares = 0, hit = 0;
        var x = target.Threshold;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (double.IsNaN(v) || !(weights[i] > 0)) continue;
            var w = weights[i] / largest;
            count++;
            sum += w;
            sumSquares += w * w;
            if (target.Below ? v < x : v > x) hit += w;
        }
        return FromWeightedSums(target, count, sum, sumSquares, hit);
    }

    /// <summary>The weighted share from its sums (of the scaled weights, their squares and the hits'), as <see cref="Of(ReadOnlySpan{double}, ReadOnlySpan{double}, TargetSpec)"/>.</summary>
    internal static TargetResult FromWeightedSums(TargetSpec target, long count, double sum, double sumSquares, double hit)
    {
        if (count == 0) return new TargetResult(target, 0, null, null);
        var p = hit / sum;
        return new TargetResult(target, count, p, Weighted.WeightedProportion.Wilson(p, sum * sum / sumSquares));
    }

    /// <summary>The strict inequality over the defined values; a Wilson interval on their count.</summary>
    public static TargetResult Of(ReadOnlySpan<double> values, TargetSpec target)
    {
        ArgumentNullException.ThrowIfNull(target);
        long count = 0, hits = 0;
        Count(values, target, ref count, ref hits);
        return FromCounts(target, count, hits);
    }

    /// <summary>The strict inequality from the count of defined values and of those meeting the target (a streamed run counts them chunk by chunk).</summary>
    internal static TargetResult FromCounts(TargetSpec target, long count, long hits) =>
        count == 0
            ? new TargetResult(target, 0, null, null)
            : new TargetResult(target, count, (double)hits / count, ProportionInterval.Wilson(hits, count));

    /// <summary>Counts, over <paramref name="values"/>, the defined ones and those meeting <paramref name="target"/> (as <see cref="Of(ReadOnlySpan{double}, TargetSpec)"/>).</summary>
    internal static void Count(ReadOnlySpan<double> values, TargetSpec target, ref long count, ref long hits)
    {
        var x = target.Threshold;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            count++;
            if (target.Below ? v < x : v > x) hits++;
        }
    }
}
