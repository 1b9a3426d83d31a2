namespace Alibaba.ChipSim.Statistics.Sensitivity;

/// <summary>Ranks for rank correlations: 1..n, tied values sharing the average of their ranks.</summary>
internal static class Ranks
{
    /// <summary>
    /// The average ranks of <paramref name="values"/> (no NaN) into <paramref name="ranks"/>.
    /// <paramref name="keys"/> and <paramref name="order"/> are scratch buffers of the same length.
    /// </summary>
    public static void Average(ReadOnlySpan<double> values, Span<double> ranks, double[] keys, int[] order)
    {
        var n = values.Length;
        values.CopyTo(keys);
        for (var i = 0; i < n; i++) order[i] = i;
        Array.Sort(keys, order, 0, n);
        for (var i = 0; i < n;)
        {
            var j = i + 1;
            while (j < n && keys[j] == keys[i]) j++;
            var rank = (i + 1 + j) * 0.5; // average of ranks i+1 .. j
            for (var r = i; r < j; r++) ranks[order[r]] = rank;
            i = j;
        }
    }

    /// <summary>
    /// Weighted mid-ranks of <paramref name="values"/> (no NaN) with weights <paramref name="weights"/> (&gt; 0): a value's rank
    /// is the weight of the values below it plus half the weight of the values equal to it. With weights all 1 this is the
    /// average rank less ½ (a shift that standardizing removes); a weight of k counts as k equal trials.
    /// </summary>
    public static void WeightedMid(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, Span<double> ranks, double[] keys, int[] order)
    {
        var n = values.Length;
        values.CopyTo(keys);
        for (var i = 0; i < n; i++) order[i] = i;
        Array.Sort(keys, order, 0, n);
        var below = 0.0;
        for (var i = 0; i < n;)
        {
            var j = i;
            var tie = 0.0;
            while (j < n && keys[j] == keys[i]) tie += weights[order[j++]];
            var rank = below + tie * 0.5;
            for (var r = i; r < j; r++) ranks[order[r]] = rank;
            below += tie;
            i = j;
        }
    }

    /// <summary>The average ranks of <paramref name="values"/> (no NaN), freshly allocated.</summary>
    public static double[] Average(ReadOnlySpan<double> values)
    {
        var ranks = new double[values.Length];
        Average(values, ranks, new double[values.Length], new int[values.Length]);
        return ranks;
    }

    /// <summary>Pearson correlation; NaN when either side is constant.</summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var n = x.Length;
        if (n < 2) return double.NaN;
        double mx = 0, my = 0;
        for (var i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - mx;
            var dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx > 0 && syy > 0 ? Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1) : double.NaN;
    }

    /// <summary>Spearman's ρ: the Pearson correlation of average ranks (NaN when either side is constant).</summary>
    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => Pearson(Average(x), Average(y));
}
