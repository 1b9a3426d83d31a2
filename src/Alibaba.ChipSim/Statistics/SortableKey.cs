using System.Runtime.CompilerServices;

namespace Alibaba.ChipSim.Statistics;

/// <summary>
/// Maps a (non-NaN) double to a ulong whose unsigned order is the numeric order: the sign bit is flipped for
/// positives, every bit for negatives. −0 maps to +0's key, so equal values always have equal keys.
/// </summary>
internal static class SortableKey
{
    private const ulong SignBit = 0x8000_0000_0000_0000UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(double value)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value);
        if (bits == SignBit) bits = 0;
        return (bits & SignBit) != 0 ? ~bits : bits | SignBit;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ToDouble(ulong key) =>
        BitConverter.UInt64BitsToDouble((key & SignBit) != 0 ? key & ~SignBit : ~key);
}
