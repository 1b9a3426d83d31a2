using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Tests.Statistics;

/// <summary>The naive reference: drop NaN, sort the whole column, read the quantiles and tails off the sorted copy.</summary>
internal static class SortReference
{
    private static readonly double[] Levels = [0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99];

    public static MetricSummary Summarize(string name, double[] values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).ToArray();
        Array.Sort(sorted);
        if (sorted.Length == 0) return MetricSummary.Empty(name);
        var p = Levels.Select(q => NumpyQuantile.OfSorted(sorted, q)).ToArray();
        var mean = sorted.Average();
        double? sd = sorted.Length > 1 ? MathNet.Numerics.Statistics.ArrayStatistics.Variance(sorted) is var v ? Math.Sqrt(v) : null : null;
        return new MetricSummary(
            name, sorted.Length, mean, sd, sd / Math.Sqrt(sorted.Length), sorted[0], sorted[^1],
            p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8],
            p[1], sorted.Where(x => x <= p[1]).Average(), p[7], sorted.Where(x => x >= p[7]).Average());
    }

    /// <summary>Order statistics must agree exactly; sums within rounding (relative to the largest magnitude).</summary>
    public static void AssertSameStatistics(MetricSummary expected, MetricSummary actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        if (expected.Count == 0) return;
        foreach (var level in MetricSummary.PercentileLevels) AssertSame(expected.Percentile(level), actual.Percentile(level), $"p{level}");
        AssertSame(expected.Min, actual.Min, "min");
        AssertSame(expected.Max, actual.Max, "max");
        AssertSame(expected.Var5, actual.Var5, "var5");
        AssertSame(expected.Var95, actual.Var95, "var95");
        var scale = Math.Max(Math.Abs(expected.Min!.Value), Math.Abs(expected.Max!.Value));
        AssertClose(expected.Mean, actual.Mean, scale, "mean");
        AssertClose(expected.Cvar5, actual.Cvar5, scale, "cvar5");
        AssertClose(expected.Cvar95, actual.Cvar95, scale, "cvar95");
        AssertClose(expected.Sd, actual.Sd, scale, "sd");
    }

    private static void AssertSame(double? expected, double? actual, string what)
    {
        // == treats −0 and +0 as equal: a sort may put either first, and the summary reports +0.
        var same = expected == actual || (expected is { } e && actual is { } a && double.IsNaN(e) && double.IsNaN(a));
        Assert.True(same, $"{what}: expected {expected:R}, got {actual:R}");
    }

    private static void AssertClose(double? expected, double? actual, double scale, string what)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is not { } e || actual is not { } a || !double.IsFinite(e)) return;
        Assert.True(Math.Abs(e - a) <= 1e-9 * Math.Max(scale, 1e-300), $"{what}: expected {e:R}, got {a:R}");
    }
}
