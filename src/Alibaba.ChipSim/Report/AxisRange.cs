namespace Alibaba.ChipSim.Report;

/// <summary>An axis interval shared by every scenario's chart of one quantity, so that the charts compare at a glance.</summary>
internal readonly record struct AxisRange(double Min, double Max)
{
    /// <summary>Widens a degenerate interval and adds a margin on both sides.</summary>
    public AxisRange Padded(double fraction = 0.05)
    {
        if (double.IsNaN(Min) || double.IsNaN(Max)) return new AxisRange(0, 1);
        var span = Max - Min;
        if (span <= 0) span = Math.Max(Math.Abs(Max), 1);
        return new AxisRange(Min - span * fraction, Max + span * fraction);
    }

    public static AxisRange Union(IEnumerable<AxisRange> ranges)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var r in ranges)
        {
            if (!double.IsNaN(r.Min)) lo = Math.Min(lo, r.Min);
            if (!double.IsNaN(r.Max)) hi = Math.Max(hi, r.Max);
        }
        return double.IsInfinity(lo) || double.IsInfinity(hi) ? new AxisRange(double.NaN, double.NaN) : new AxisRange(lo, hi);
    }
}
