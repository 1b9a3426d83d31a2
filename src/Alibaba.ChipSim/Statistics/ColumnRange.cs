using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Alibaba.ChipSim.Statistics;

/// <summary>
/// The number of defined (non-NaN) values of a column, their minimum and maximum, in one vectorised pass: a column
/// runs through it at memory speed, so <see cref="ColumnStatistics"/> knows which path to take (and the radix digit
/// to histogram) before its first scalar pass. ±0 may come back as either zero; their sortable keys are equal.
/// </summary>
internal static class ColumnRange
{
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    public static (int Count, double Min, double Max) Of(double[] values)
    {
        var count = 0;
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && values.Length >= 2 * Vector256<double>.Count)
        {
            ref var start = ref MemoryMarshal.GetArrayDataReference(values);
            var low = Vector256.Create(double.PositiveInfinity);
            var high = Vector256.Create(double.NegativeInfinity);
            var lowest = low;
            var highest = high;
            for (; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var v = Vector256.LoadUnsafe(ref start, (nuint)i);
                var defined = Vector256.Equals(v, v);
                lowest = Vector256.Min(lowest, Vector256.ConditionalSelect(defined, v, low));
                highest = Vector256.Max(highest, Vector256.ConditionalSelect(defined, v, high));
                count += BitOperations.PopCount(defined.ExtractMostSignificantBits());
            }
            for (var k = 0; k < Vector256<double>.Count; k++)
            {
                min = Math.Min(min, lowest.GetElement(k));
                max = Math.Max(max, highest.GetElement(k));
            }
        }
        for (; i < values.Length; i++)
        {
            var v = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(values), i);
            if (double.IsNaN(v)) continue;
            count++;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return (count, min, max);
    }
}
