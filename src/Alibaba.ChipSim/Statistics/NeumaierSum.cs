namespace Alibaba.ChipSim.Statistics;

/// <summary>Compensated (Kahan–Babuška–Neumaier) summation: the error stays O(ε) whatever the count, in a fixed order.</summary>
internal struct NeumaierSum
{
    private double _sum;
    private double _compensation;

    /// <summary>The compensated sum; ±∞ when the plain sum overflowed (the compensation is then meaningless).</summary>
    public readonly double Value => double.IsFinite(_sum) ? _sum + _compensation : _sum;

    public void Add(double x)
    {
        var t = _sum + x;
        if (Math.Abs(_sum) >= Math.Abs(x)) _compensation += (_sum - t) + x;
        else _compensation += (x - t) + _sum;
        _sum = t;
    }
}
