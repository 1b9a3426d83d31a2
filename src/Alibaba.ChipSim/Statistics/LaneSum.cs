using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Alibaba.ChipSim.Statistics;

/// <summary>
/// The compensated sum of a column's defined values (NaN rows skipped), taken in eight interleaved lanes: row r goes to
/// lane r mod 8, each lane a Neumaier sum, and the lanes are added up in a fixed order when read. As accurate as one
/// Neumaier sum, but eight values a step instead of one (a single running sum waits on its own last addition), and the
/// same bits whether the rows come in one column or in chunks of any size, on any vector width (each lane is the same
/// IEEE arithmetic; without 512-bit hardware the vectors are emulated, never reassociated).
/// </summary>
internal sealed class LaneSum
{
    private const int Lanes = 8;
    private Vector512<double> _sum, _compensation;
    private long _rows;

    /// <summary>Rows taken so far, NaN included (they fix each row's lane).</summary>
    public long Rows => _rows;

    /// <summary>The sum of <paramref name="values"/>' defined values, as one column.</summary>
    public static double Of(ReadOnlySpan<double> values)
    {
        var sum = new LaneSum();
        sum.Add(values);
        return sum.Value;
    }

    /// <summary>Takes the next rows of the column, in order.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    public void Add(ReadOnlySpan<double> values)
    {
        var i = 0;
        // Up to the next multiple of eight rows, one lane at a time (the same arithmetic as the vector step).
        while (i < values.Length && (_rows & (Lanes - 1)) != 0) AddOne(values[i++]);
        var first = i;
        var s = _sum;
        var c = _compensation;
        ref var start = ref MemoryMarshal.GetReference(values);
        for (; i + Lanes <= values.Length; i += Lanes)
        {
            var v = Vector512.LoadUnsafe(ref start, (nuint)i);
            v = Vector512.ConditionalSelect(Vector512.Equals(v, v), v, Vector512<double>.Zero);
            Step(ref s, ref c, v);
        }
        _sum = s;
        _compensation = c;
        _rows += i - first;
        while (i < values.Length) AddOne(values[i++]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(ref Vector512<double> s, ref Vector512<double> c, Vector512<double> v)
    {
        var t = s + v;
        var big = Vector512.GreaterThanOrEqual(Vector512.Abs(s), Vector512.Abs(v));
        c += Vector512.ConditionalSelect(big, (s - t) + v, (v - t) + s);
        s = t;
    }

    private void AddOne(double v)
    {
        var lane = (int)(_rows & (Lanes - 1));
        _rows++;
        if (double.IsNaN(v)) v = 0;
        var s = _sum.GetElement(lane);
        var c = _compensation.GetElement(lane);
        var t = s + v;
        if (Math.Abs(s) >= Math.Abs(v)) c += (s - t) + v;
        else c += (v - t) + s;
        _sum = _sum.WithElement(lane, t);
        _compensation = _compensation.WithElement(lane, c);
    }

    /// <summary>The lanes' sums, then their compensations, added in lane order (compensated); ±∞ or NaN as plain addition gives.</summary>
    public double Value
    {
        get
        {
            var plain = 0.0;
            for (var lane = 0; lane < Lanes; lane++) plain += _sum.GetElement(lane);
            if (!double.IsFinite(plain)) return plain;   // a lane overflowed (its compensation is then meaningless)
            var total = new NeumaierSum();
            for (var lane = 0; lane < Lanes; lane++) total.Add(_sum.GetElement(lane));
            for (var lane = 0; lane < Lanes; lane++) total.Add(_compensation.GetElement(lane));
            return total.Value;
        }
    }
}
