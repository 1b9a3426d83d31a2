using System.Collections.Immutable;

namespace Alibaba.ChipSim.Statistics.Comparison;

/// <summary>
/// Compares two runs metric by metric and says which changes exceed Monte Carlo error.
/// <list type="bullet">
/// <item>Means: z = (new − old) / √(se_old² + se_new²), the two-sample z-score of independent samples.</item>
/// <item>0/1 metrics: the two-proportion z-test with the pooled proportion,
/// z = (p_new − p_old) / √(p̄(1 − p̄)(1/n_old + 1/n_new)).</item>
/// <item>State shares: the total-variation distance TV = ½ Σ |q_i − p_i| against its sampling noise
/// ½ Σ √(p̄_i(1 − p̄_i)(1/n_old + 1/n_new)) (½ Σ of the standard errors of the share differences); the statistic is
/// TV / noise. Under no change its expected value is about √(2/π) ≈ 0.8, so the same threshold applies.</item>
/// </list>
/// A change is significant when |statistic| exceeds the threshold (4 by default: a false alarm per metric about
/// once in 16,000 comparisons). Runs of two variants at one seed share their draws (common random numbers): they are
/// positively correlated, so the independent-sample noise above overstates the noise of their difference and the
/// test is conservative, while a metric the change cannot reach stays bit-identical and scores exactly 0.
/// When both noise terms are 0 (a constant metric), any change is significant and no change is not.
/// </summary>
internal static class RunComparer
{
    public const double DefaultZThreshold = 4;

    public static RunComparison Compare(ComparableRun a, ComparableRun b, double zThreshold = DefaultZThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(zThreshold);
        var compared = ImmutableArray.CreateBuilder<MetricComparison>();
        var onlyA = ImmutableArray.CreateBuilder<string>();
        foreach (var (name, old) in a.Metrics)
        {
            if (b.Metrics.TryGetValue(name, out var @new)) compared.Add(Compare(old, @new, zThreshold));
            else onlyA.Add(name);
        }
        var onlyB = ImmutableArray.CreateBuilder<string>();
        foreach (var name in b.Metrics.Keys)
            if (!a.Metrics.ContainsKey(name)) onlyB.Add(name);
        return new RunComparison(a, b, zThreshold, compared.ToImmutable(), onlyA.ToImmutable(), onlyB.ToImmutable());
    }

    public static MetricComparison Compare(ComparableMetric old, ComparableMetric @new, double zThreshold)
    {
        if (old.Kind == MetricKind.Shares && @new.Kind == MetricKind.Shares) return Shares(old, @new, zThreshold);
        if (old.Kind == MetricKind.Probability && @new.Kind == MetricKind.Probability) return Proportions(old, @new, zThreshold);
        return Means(old, @new, zThreshold);
    }

    private static MetricComparison Means(ComparableMetric old, ComparableMetric @new, double threshold)
    {
        var kind = MetricKind.Mean;
        if (old.Mean is not { } x || @new.Mean is not { } y)
        {
            var undefinedOnBoth = old.Mean is null && @new.Mean is null;
            return new MetricComparison(old.Name, kind, old.Mean, @new.Mean, null, null, !undefinedOnBoth,
                Note: undefinedOnBoth ? "defined in no trial on either side" : "defined in no trial on one side");
        }
        // A missing se (count 1, or a snapshot of a constant) counts as no noise.
        var noise = Math.Sqrt(Square(old.Se ?? 0) + Square(@new.Se ?? 0));
        var z = ZScore(y - x, noise);
        return new MetricComparison(old.Name, kind, x, y, y - x, z, Math.Abs(z) > threshold);
    }

    private static MetricComparison Proportions(ComparableMetric old, ComparableMetric @new, double threshold)
    {
        var p1 = old.Probability!.Value;
        var p2 = @new.Probability!.Value;
        if (old.Count == 0 || @new.Count == 0) return Means(old, @new, threshold) with { Kind = MetricKind.Probability };
        double n1 = old.Count, n2 = @new.Count;
        var pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
        var noise = Math.Sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        var z = ZScore(p2 - p1, noise);
        return new MetricComparison(old.Name, MetricKind.Probability, p1, p2, p2 - p1, z, Math.Abs(z) > threshold);
    }

    private static MetricComparison Shares(ComparableMetric old, ComparableMetric @new, double threshold)
    {
        double n1 = Math.Max(old.Count, 1), n2 = Math.Max(@new.Count, 1);
        double tv = 0, noise = 0;
        foreach (var state in old.Shares!.Keys.Union(@new.Shares!.Keys, StringComparer.Ordinal))
        {
            var p = old.Shares.GetValueOrDefault(state);
            var q = @new.Shares.GetValueOrDefault(state);
            var pooled = (p * n1 + q * n2) / (n1 + n2);
            tv += Math.Abs(q - p);
            noise += Math.Sqrt(Math.Max(0, pooled * (1 - pooled)) * (1 / n1 + 1 / n2));
        }
        tv /= 2;
        noise /= 2;
        var statistic = ZScore(tv, noise);
        string? note = old.Shares.Keys.SequenceEqual(@new.Shares.Keys) ? null : "the states differ";
        return new MetricComparison(old.Name, MetricKind.Shares, null, null, tv, statistic, statistic > threshold,
            old.Shares, @new.Shares, note);
    }

    private static double ZScore(double change, double noise) =>
        change == 0 ? 0 : noise > 0 ? change / noise : change > 0 ? double.PositiveInfinity : double.NegativeInfinity;

    private static double Square(double x) => x * x;
}
