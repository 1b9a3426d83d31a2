namespace Alibaba.ChipSim.Report;

/// <summary>The defined (non-NaN) values of a column, sorted, with numpy's default (linear) percentiles.</summary>
internal sealed class Percentiles
{
    private readonly double[] _sorted;

    public Percentiles(IReadOnlyList<double> values)
    {
        var defined = new List<double>(values.Count);
        foreach (var v in values)
            if (!double.IsNaN(v)) defined.Add(v);
        _sorted = defined.ToArray();
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    public ReadOnlySpan<double> Sorted => _sorted;

    public double Min => _sorted.Length == 0 ? double.NaN : _sorted[0];

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    public double Mean
    {
        get
        {
            if (_sorted.Length == 0) return double.NaN;
            double sum = 0;
            foreach (var v in _sorted) sum += v;
            return sum / _sorted.Length;
        }
    }

    /// <summary>Percentile p in [0, 100], numpy's linear interpolation between closest ranks; NaN when no value is defined.</summary>
    public double At(double p)
    {
        if (_sorted.Length == 0) return double.NaN;
        var h = (_sorted.Length - 1) * p / 100.0;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, _sorted.Length - 1);
        return _sorted[lo] + (h - lo) * (_sorted[hi] - _sorted[lo]);
    }

    /// <summary>The share of defined values ≤ x (the empirical CDF).</summary>
    public double ShareAtOrBelow(double x)
    {
        if (_sorted.Length == 0) return double.NaN;
        int lo = 0, hi = _sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_sorted[mid] <= x) lo = mid + 1;
            else hi = mid;
        }
        return (double)lo / _sorted.Length;
    }
}
