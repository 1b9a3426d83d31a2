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
        foreach (var t in targets) list.Add(Of(Values(result, t.Metric) ?? [], t));
        return list.ToImmutable();
    }

    /// <summary>The strict inequality over the defined values; a Wilson interval on their count.</summary>
    public static TargetResult Of(ReadOnlySpan<double> values, TargetSpec target)
    {
        ArgumentNullException.ThrowIfNull(target);
        long count = 0, hits = 0;
        var x = target.Threshold;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            count++;
            if (target.Below ? v < x : v > x) hits++;
        }
        return count == 0
            ? new TargetResult(target, 0, null, null)
            : new TargetResult(target, count, (double)hits / count, ProportionInterval.Wilson(hits, count));
    }
}
