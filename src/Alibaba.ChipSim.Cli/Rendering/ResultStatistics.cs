using System.Collections.Immutable;
using Alibaba.ChipSim.Engine;

namespace Alibaba.ChipSim.Cli.Rendering;

/// <summary>
/// Computes the summary table's figures from a run's columns: percentiles by linear interpolation
/// between order statistics (numpy's default) over the defined values, Wilson 95% intervals for 0/1 metrics.
/// </summary>
internal static class ResultStatistics
{
    public static HeadlineFigures Headline(SimulationResult result)
    {
        var spreads = ImmutableArray.CreateBuilder<Spread>();
        foreach (var (metric, label, scale) in HeadlineMetrics.Rows)
        {
            var column = result.Column(metric);
            if (column is null) continue;
            var sorted = Defined(column.Values);
            spreads.Add(new Spread(metric, label, scale, sorted.Length,
                Percentile(sorted, 0.05), Percentile(sorted, 0.50), Percentile(sorted, 0.95)));
        }
        var finals = ImmutableArray.CreateBuilder<ActorShares>();
        foreach (var c in result.Categorical)
        {
            var counts = new long[c.Categories.Length];
            foreach (var code in c.Codes) counts[code]++;
            var shares = counts.Select(n => (double)n / c.Codes.Length).ToImmutableArray();
            finals.Add(new ActorShares(c.Name.EndsWith("_final", StringComparison.Ordinal) ? c.Name[..^6] : c.Name, c.Categories, shares));
        }
        return new HeadlineFigures(result.Scenario.Name, result.Trials, result.Seed, result.Scenario.Shipments.Deadline.ToString(),
            Wilson(result.Column(MetricNames.DeliveredByDeadline)!.Values),
            Wilson(result.Column(MetricNames.NothingDelivered)!.Values),
            spreads.ToImmutable(), finals.ToImmutable());
    }

    private static double[] Defined(double[] values)
    {
        var n = 0;
        foreach (var v in values) if (!double.IsNaN(v)) n++;
        var d = new double[n];
        n = 0;
        foreach (var v in values) if (!double.IsNaN(v)) d[n++] = v;
        Array.Sort(d);
        return d;
    }

    /// <summary>numpy's default (linear) percentile of sorted values; NaN when there are none.</summary>
    public static double Percentile(double[] sorted, double q)
    {
        if (sorted.Length == 0) return double.NaN;
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>The share of ones and its Wilson score interval at 95% (z = 1.959964).</summary>
    public static Proportion Wilson(double[] zeroOne)
    {
        long ones = 0;
        foreach (var v in zeroOne) if (v == 1) ones++;
        double n = zeroOne.Length, p = ones / n;
        const double z = 1.959963984540054;
        var denominator = 1 + z * z / n;
        var centre = (p + z * z / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator;
        return new Proportion(p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
