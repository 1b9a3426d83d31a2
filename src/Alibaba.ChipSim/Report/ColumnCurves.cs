namespace Alibaba.ChipSim.Report;

/// <summary>
/// The per-trial shapes a chart needs (histogram counts, an empirical CDF on a grid), counted in one pass over a
/// column without sorting it; in a run conditioned on history, the same shapes with each trial counted by its scaled
/// weight (<see cref="ChartWeights"/>). Printed statistics never come from here: they are read from the run's summary.
/// </summary>
internal static class ColumnCurves
{
    /// <summary>Counts of the defined values in <paramref name="bins"/> equal bins over the range; values beyond it go to the end bins.</summary>
    public static long[] Histogram(ReadOnlySpan<double> values, AxisRange range, int bins, out long defined)
    {
        var counts = new long[bins];
        var width = (range.Max - range.Min) / bins;
        defined = 0;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            defined++;
            counts[width > 0 ? Math.Clamp((int)Math.Floor((v - range.Min) / width), 0, bins - 1) : 0]++;
        }
        return counts;
    }

    /// <summary>
    /// The weight of the defined values in each of <paramref name="bins"/> equal bins over the range (values beyond it in
    /// the end bins), <paramref name="total"/> the weight of every defined value: bar heights as shares of weight.
    /// </summary>
    public static double[] Histogram(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, AxisRange range, int bins, out double total)
    {
        var sums = new double[bins];
        var width = (range.Max - range.Min) / bins;
        total = 0;
        for (var t = 0; t < values.Length; t++)
        {
            var v = values[t];
            var w = weights[t];
            if (double.IsNaN(v) || !(w > 0)) continue;
            total += w;
            sums[width > 0 ? Math.Clamp((int)Math.Floor((v - range.Min) / width), 0, bins - 1) : 0] += w;
        }
        return sums;
    }

    /// <summary>
    /// The empirical CDF at <paramref name="points"/> + 1 equally spaced x values over the range: <c>Ys[i]</c> is the
    /// percentage of defined values ≤ <c>Xs[i]</c>.
    /// </summary>
    public static (double[] Xs, double[] Ys) Cdf(ReadOnlySpan<double> values, AxisRange range, int points = 400)
    {
        var xs = Grid(range, points);
        // counts[i] = values in (x[i-1], x[i]]; below x[0] land in counts[0], above x[points] are counted nowhere but in the total.
        var counts = new long[points + 1];
        long defined = 0;
        var step = (range.Max - range.Min) / points;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            defined++;
            if (v > xs[points]) continue;
            counts[Point(v, xs, range.Min, step)]++;
        }
        var ys = new double[points + 1];
        long running = 0;
        for (var i = 0; i <= points; i++)
        {
            running += counts[i];
            ys[i] = defined == 0 ? double.NaN : 100.0 * running / defined;
        }
        return (xs, ys);
    }

    /// <summary>
    /// The weighted empirical CDF on the same grid: <c>Ys[i]</c> is the percentage of the defined values' weight on
    /// values ≤ <c>Xs[i]</c> (NaN when no defined value carries weight). Trials of weight 0 count nowhere.
    /// </summary>
    public static (double[] Xs, double[] Ys) Cdf(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, AxisRange range, int points = 400)
    {
        var xs = Grid(range, points);
        var sums = new double[points + 1];
        double total = 0;
        var step = (range.Max - range.Min) / points;
        for (var t = 0; t < values.Length; t++)
        {
            var v = values[t];
            var w = weights[t];
            if (double.IsNaN(v) || !(w > 0)) continue;
            total += w;
            if (v > xs[points]) continue;
            sums[Point(v, xs, range.Min, step)] += w;
        }
        var ys = new double[points + 1];
        double running = 0;
        for (var i = 0; i <= points; i++)
        {
            running += sums[i];
            ys[i] = total > 0 ? Math.Min(100.0, 100.0 * running / total) : double.NaN;
        }
        return (xs, ys);
    }

    private static double[] Grid(AxisRange range, int points)
    {
        var xs = new double[points + 1];
        for (var i = 0; i <= points; i++) xs[i] = range.Min + (range.Max - range.Min) * i / points;
        return xs;
    }

    /// <summary>The grid point k with xs[k − 1] &lt; v ≤ xs[k] (0 for v ≤ xs[0]), for v ≤ the last point.</summary>
    private static int Point(double v, double[] xs, double min, double step)
    {
        var points = xs.Length - 1;
        var k = step > 0 ? Math.Clamp((int)Math.Ceiling((v - min) / step), 0, points) : 0;
        // Guard the grid's rounding: v must be ≤ xs[k] and > xs[k − 1].
        while (k < points && v > xs[k]) k++;
        while (k > 0 && v <= xs[k - 1]) k--;
        return k;
    }
}
