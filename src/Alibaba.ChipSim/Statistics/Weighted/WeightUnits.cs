using System.Numerics;

namespace Alibaba.ChipSim.Statistics.Weighted;

/// <summary>
/// A trial's weight divided by the largest (so in (0, 1]) as a whole number of 2⁻⁶⁴, for cumulative weights summed
/// without rounding (<see cref="WeightedQuantiles"/>): the sum of any number of them in any order is the same integer.
/// A weight of 1 is exactly 2⁶⁴ units; one below 2⁻⁶⁵ of the largest counts as 0 in the positions (it is still counted
/// in every other statistic). The sum of a billion weights stays far inside 128 bits.
/// </summary>
internal static class WeightUnits
{
    /// <summary>The units of a scaled weight 0 ≤ <paramref name="unit"/> ≤ 1 (rounded to the nearest, ties to even).</summary>
    /// <remarks>
    /// <c>round(unit · 2⁶⁴)</c> from the double's bits: its significand m and exponent give unit = m · 2^e, so the units
    /// are m shifted left by e + 64 (at most 12 places: no rounding) or right, rounded half to even. The same integer as
    /// <see cref="Reference"/>, without the conversions' calls (a test compares them).
    /// </remarks>
    public static UInt128 Of(double unit)
    {
        var bits = BitConverter.DoubleToUInt64Bits(unit);
        var biased = (int)(bits >> 52) & 0x7FF;
        if (biased == 0 || (bits >> 63) != 0) return 0; // 0, a subnormal (far below 2^-65) or −0
        // Positive doubles order as their bits: above those of 1.0 is above 1.
        if (bits > 0x3FF0000000000000UL) throw new ArgumentOutOfRangeException(nameof(unit), unit, "a scaled weight is at most 1");
        var m = (bits & ((1UL << 52) - 1)) | (1UL << 52);
        var shift = biased - 1075 + 64; // unit · 2^64 = m · 2^shift
        if (shift >= 0) return (UInt128)m << shift;
        var right = -shift;
        if (right > 53) return 0; // below a quarter of a unit
        var q = m >> right;
        var rest = m & ((1UL << right) - 1);
        var half = 1UL << (right - 1);
        if (rest > half || (rest == half && (q & 1) != 0)) q++;
        return q;
    }

    /// <summary><see cref="Of"/> through the runtime's conversions: the definition it is tested against.</summary>
    internal static UInt128 Reference(double unit) => (UInt128)Math.Round(Math.ScaleB(unit, 64));

    /// <summary>A sum of units as a scaled weight, rounded once to the nearest double.</summary>
    public static double ToDouble(UInt128 units)
    {
        // The runtime's UInt128 conversion does not always round to the nearest (it can be one step off above 2^64): the
        // top 64 bits, with a sticky last bit for any bit shifted out below them, convert exactly as the whole number rounds.
        var upper = (ulong)(units >> 64);
        if (upper == 0) return Math.ScaleB((double)(ulong)units, -64);
        var shift = 64 - BitOperations.LeadingZeroCount(upper);
        var top = (ulong)(units >> shift);
        if ((units & ((UInt128.One << shift) - 1)) != 0) top |= 1;
        return Math.ScaleB((double)top, shift - 64);
    }
}
