namespace Alibaba.ChipSim.Report;

/// <summary>
/// The per-trial shapes a chart needs (histogram counts, an empirical CDF on a grid), counted in one pass over a
/// column without sorting it. Printed statistics never come from here: they are read from the run's summary.
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
    /// The empirical CDF at <paramref name="points"/> + 1 equally spaced x values over the range: <c>Ys[i]</c> is the
    /// percentage of defined values ≤ <c>Xs[i]</c>.
    /// </summary>
    public static (double[] Xs, double[] Ys) Cdf(ReadOnlySpan<double> values, AxisRange range, int points = 400)
    {
        var xs = new double[points + 1];
        for (var i = 0; i <= points; i++) xs[i] = range.Min + (range.Max - range.Min) * i / points;
        // counts[i] = values in (x[i-1], x[i]]; below x[0] land in counts[0], above x[points] are counted nowhere but in the total.
        var counts = new long[points + 1];
        long defined = 0;
        var step = (range.Max - range.Min) / points;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            defined++;
            if (v > xs[points]) continue;
            var k = step > 0 ? Math.Clamp((int)Math.Ceiling((v - range.Min) / step), 0, points) : 0;
            // Guard the grid's rounding: v must be ≤ xs[k] and > xs[k − 1].
            while (k < points && v > xs[k]) k++;
            while (k > 0 && v <= xs[k - 1]) k--;
            counts[k]++;
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
}
