using System.Numerics;

namespace Alibaba.ChipSim.Statistics;

/// <summary>
/// The exact sum of doubles, rounded once to the nearest double (ties to even) when read: the result does not depend on
/// the order of the terms, so a column held in memory and a run streamed past once (which meet a tail's values in
/// different orders) give the same bits. Each term is split over 32-bit digits of a fixed-point number wide enough for
/// every finite double (2^-1074 to 2^1024); the digits are 64-bit, so carries are settled only every 2^30 terms.
/// </summary>
internal sealed class ExactSum
{
    private const int Bias = 1074;
    private const int Digits = (Bias + 1024 + 64) / 32 + 2;
    private const long SettleEvery = 1L << 30;

    private readonly long[] _digits = new long[Digits];
    private long _sinceSettled;
    private double _nonFinite;

    /// <summary>Terms added.</summary>
    public long Count { get; private set; }

    public void Add(double x)
    {
        Count++;
        if (x == 0) return;
        if (!double.IsFinite(x))
        {
            _nonFinite += x;
            return;
        }
        var bits = BitConverter.DoubleToInt64Bits(x);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        // x = ±mantissa × 2^(exponent − 1075) for a normal number (implicit bit added), ±mantissa × 2^−1074 for a subnormal one.
        if (exponent == 0) exponent = 1;
        else mantissa |= 1L << 52;
        var position = exponent - 1;                // bit position of the mantissa's lowest bit above 2^−1074
        var digit = position >> 5;
        var offset = position & 31;
        // mantissa × 2^offset, at most 85 bits: its low 64 bits, and the bits shifted out above them.
        var low = (ulong)mantissa << offset;
        var high = (ulong)mantissa >> (63 - offset) >> 1;
        var sign = bits < 0 ? -1L : 1L;
        _digits[digit] += sign * (long)(low & 0xFFFF_FFFF);
        _digits[digit + 1] += sign * (long)(low >> 32);
        _digits[digit + 2] += sign * (long)high;
        if (++_sinceSettled == SettleEvery) Settle();
    }

    /// <summary>Adds <paramref name="x"/> × <paramref name="times"/> exactly (a key seen <paramref name="times"/> times).</summary>
    public void Add(double x, long times)
    {
        if (times == 1)
        {
            Add(x);
            return;
        }
        var c = (double)times;   // exact: counts are far below 2^53
        var product = x * c;
        if (!double.IsFinite(product))
        {
            Count += times - 1;
            Add(product);
            return;
        }
        // product + error = x × c exactly (an error-free transformation), barring underflow far below any metric's values.
        var error = Math.FusedMultiplyAdd(x, c, -product);
        Add(product);
        Add(error);
        Count += times - 2;
    }

    private void Settle()
    {
        long carry = 0;
        for (var i = 0; i < Digits; i++)
        {
            var v = _digits[i] + carry;
            carry = v >> 32;              // floor division by 2^32 (arithmetic shift)
            _digits[i] = v & 0xFFFF_FFFF;
        }
        _digits[^1] += carry << 32;       // the sign stays in the top digit
        _sinceSettled = 0;
    }

    /// <summary>The exact sum rounded to the nearest double (ties to even); ±∞ or NaN if a term was not finite.</summary>
    public double Value
    {
        get
        {
            if (_nonFinite != 0 || double.IsNaN(_nonFinite)) return _nonFinite;
            var total = BigInteger.Zero;
            for (var i = Digits - 1; i >= 0; i--) total = (total << 32) + _digits[i];
            if (total.IsZero) return 0;
            var negative = total.Sign < 0;
            var magnitude = BigInteger.Abs(total);
            var length = (int)magnitude.GetBitLength();
            double result;
            if (length <= 53) result = Math.ScaleB((double)(ulong)magnitude, -Bias);
            else
            {
                var shift = length - 53;
                var kept = magnitude >> shift;
                var rest = magnitude - (kept << shift);
                var half = BigInteger.One << (shift - 1);
                var q = (ulong)kept;
                if (rest > half || (rest == half && (q & 1) == 1)) q++;
                result = Math.ScaleB(q, shift - Bias);
            }
            return negative ? -result : result;
        }
    }
}
