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
    public static UInt128 Of(double unit) => (UInt128)Math.Round(Math.ScaleB(unit, 64));

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
