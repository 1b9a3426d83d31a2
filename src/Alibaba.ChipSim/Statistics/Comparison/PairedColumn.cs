namespace Alibaba.ChipSim.Statistics.Comparison;

/// <summary>
/// Accumulates one column of two runs, trial by trial: means of each side and of d = b − a over the trials where
/// both are defined (Welford's update, so a million trials lose no precision), trials changed, and for columns
/// holding only 0 and 1 the discordant counts. A field that is not a number marks the column as not numeric.
/// </summary>
internal sealed class PairedColumn(string name)
{
    private long _pairs;
    private double _meanA;
    private double _meanB;
    private double _meanD;
    private double _m2;
    private long _up;
    private long _down;

    public string Name { get; } = name;

    /// <summary>False once a field was neither empty nor a number (an actor's final state).</summary>
    public bool Numeric { get; private set; } = true;

    /// <summary>True while every defined value on both sides is 0 or 1.</summary>
    public bool Binary { get; private set; } = true;

    public long Changed { get; private set; }

    /// <summary>Adds one trial; NaN = undefined.</summary>
    public void Add(double a, double b)
    {
        var definedA = !double.IsNaN(a);
        var definedB = !double.IsNaN(b);
        if (definedA != definedB || (definedA && a != b)) Changed++;
        if (definedA && a is not (0 or 1)) Binary = false;
        if (definedB && b is not (0 or 1)) Binary = false;
        if (!definedA || !definedB) return;
        _pairs++;
        var d = b - a;
        if (d > 0) _up++;
        else if (d < 0) _down++;
        _meanA += (a - _meanA) / _pairs;
        _meanB += (b - _meanB) / _pairs;
        var delta = d - _meanD;
        _meanD += delta / _pairs;
        _m2 += delta * (d - _meanD);
    }

    /// <summary>Adds one trial of a column that is not numeric: only whether it changed counts.</summary>
    public void AddText(string a, string b)
    {
        Numeric = false;
        if (!string.Equals(a, b, StringComparison.Ordinal)) Changed++;
    }

    public double? MeanA => _pairs > 0 ? _meanA : null;

    public double? MeanB => _pairs > 0 ? _meanB : null;

    public PairedStatistics Statistics()
    {
        double? sd = _pairs > 1 ? Math.Sqrt(Math.Max(0, _m2 / (_pairs - 1))) : null;
        double? se = sd / Math.Sqrt(_pairs);
        return Binary
            ? new PairedStatistics(_pairs, Changed, _meanD, sd, se, _up, _down)
            : new PairedStatistics(_pairs, Changed, _meanD, sd, se);
    }
}
