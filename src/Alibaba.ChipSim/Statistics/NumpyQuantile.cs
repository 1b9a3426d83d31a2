namespace Alibaba.ChipSim.Statistics;

/// <summary>numpy's default ("linear") percentile: position (n − 1)·q on the sorted values, interpolated as numpy's <c>_lerp</c>.</summary>
internal static class NumpyQuantile
{
    /// <summary>The ranks (0-based, in the sorted values) below and above the position of quantile <paramref name="q"/>, and the weight of the upper one.</summary>
    public static (long Lower, long Upper, double Weight) Position(long n, double q)
    {
        var h = (n - 1) * q;
        var lower = (long)Math.Floor(h);
        if (lower >= n - 1) return (n - 1, n - 1, 0);
        return (lower, lower + 1, h - lower);
    }

    /// <summary>numpy's <c>_lerp(a, b, t)</c>: <c>a + (b − a)·t</c>, or <c>b − (b − a)·(1 − t)</c> when t ≥ 0.5 (exact at both ends).</summary>
    public static double Lerp(double a, double b, double t)
    {
        var diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /// <summary>The quantile of already sorted values (the reference; the fast path selects ranks instead of sorting).</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double q)
    {
        var (lower, upper, weight) = Position(sorted.Length, q);
        return Lerp(sorted[(int)lower], sorted[(int)upper], weight);
    }
}
