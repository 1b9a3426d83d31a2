namespace Alibaba.ChipSim.Statistics.Sensitivity;

/// <summary>
/// Columns turned into standardized average ranks (mean 0, Σz² = 1), so that a correlation is a dot
/// product; a constant column is null. Pairwise correlations are cached (the regression asks for each).
/// </summary>
internal sealed class Standardized
{
    private readonly Dictionary<(int, int), double> _correlations = [];

    private Standardized(double[]?[] columns) => Columns = columns;

    public double[]?[] Columns { get; }

    public static Standardized Of(ReadOnlyMemory<double>[] columns)
    {
        var result = new double[]?[columns.Length];
        if (columns.Length == 0) return new Standardized(result);
        var n = columns[0].Length;
        var keys = new double[n];
        var order = new int[n];
        for (var c = 0; c < columns.Length; c++)
        {
            var z = new double[n];
            Ranks.Average(columns[c].Span, z, keys, order);
            var mean = (n + 1) * 0.5; // average ranks always sum to n(n+1)/2
            var ss = 0.0;
            for (var i = 0; i < n; i++)
            {
                z[i] -= mean;
                ss += z[i] * z[i];
            }
            if (!(ss > 0)) continue;
            var scale = 1 / Math.Sqrt(ss);
            for (var i = 0; i < n; i++) z[i] *= scale;
            result[c] = z;
        }
        return new Standardized(result);
    }

    /// <summary>
    /// Weighted: z = √w (r − r̄) / ‖·‖ with r the weighted mid-ranks (<see cref="Ranks.WeightedMid"/>) and r̄ their weighted
    /// mean, so that a dot product is the weighted Pearson correlation of the ranks (weighted least squares in the regression).
    /// </summary>
    public static Standardized Of(ReadOnlyMemory<double>[] columns, double[] weights)
    {
        var result = new double[]?[columns.Length];
        if (columns.Length == 0) return new Standardized(result);
        var n = columns[0].Length;
        var keys = new double[n];
        var order = new int[n];
        var total = 0.0;
        foreach (var w in weights) total += w;
        for (var c = 0; c < columns.Length; c++)
        {
            var z = new double[n];
            Ranks.WeightedMid(columns[c].Span, weights, z, keys, order);
            var mean = 0.0;
            for (var i = 0; i < n; i++) mean += weights[i] * z[i];
            mean /= total;
            var ss = 0.0;
            for (var i = 0; i < n; i++)
            {
                z[i] = Math.Sqrt(weights[i]) * (z[i] - mean);
                ss += z[i] * z[i];
            }
            if (!(ss > total * 1e-24)) continue; // constant up to rounding: no correlation
            var scale = 1 / Math.Sqrt(ss);
            for (var i = 0; i < n; i++) z[i] *= scale;
            result[c] = z;
        }
        return new Standardized(result);
    }

    public double Correlation(int a, int b)
    {
        if (a == b) return 1;
        var key = a < b ? (a, b) : (b, a);
        if (_correlations.TryGetValue(key, out var r)) return r;
        r = Correlation(Columns[a]!, Columns[b]!);
        _correlations[key] = r;
        return r;
    }

    public static double Correlation(double[] a, double[] b)
    {
        var dot = 0.0;
        for (var i = 0; i < a.Length; i++) dot += a[i] * b[i];
        return Math.Clamp(dot, -1, 1);
    }
}
