using System.Buffers;

namespace Alibaba.ChipSim.Statistics.Weighted;

/// <summary>
/// Sorts a column's counted values (defined, weight &gt; 0) by value, carrying each one's weight: a stable LSD radix
/// sort on <see cref="SortableKey"/>s, 11 bits a pass, skipping the passes whose digit is the same for every key.
/// Stable, so ties stay in trial order (weighted percentiles depend on the order of tied values' weights).
/// </summary>
internal static class WeightedSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const ulong DigitMask = Buckets - 1;
    private const int Passes = (64 + DigitBits - 1) / DigitBits;

    /// <summary>
    /// The counted values' keys and scaled weights (weight / <paramref name="scale"/>), in value order, ties in trial order.
    /// The arrays are rented: return them with <see cref="Return"/>; only the first <paramref name="count"/> entries are meaningful.
    /// </summary>
    public static (ulong[] Keys, double[] Weights) Sort(double[] values, double[] weights, double scale, int count)
    {
        var keys = ArrayPool<ulong>.Shared.Rent(Math.Max(count, 1));
        var units = ArrayPool<double>.Shared.Rent(Math.Max(count, 1));
        var n = 0;
        for (var t = 0; t < values.Length; t++)
        {
            var v = values[t];
            var w = weights[t];
            if (double.IsNaN(v) || !(w > 0)) continue;
            keys[n] = SortableKey.Of(v);
            units[n] = w / scale;
            n++;
        }
        if (n <= 1) return (keys, units);

        var histograms = new int[Passes * Buckets];
        for (var i = 0; i < n; i++)
        {
            var key = keys[i];
            for (var p = 0; p < Passes; p++) histograms[p * Buckets + (int)((key >> (p * DigitBits)) & DigitMask)]++;
        }
        var keysOut = ArrayPool<ulong>.Shared.Rent(n);
        var unitsOut = ArrayPool<double>.Shared.Rent(n);
        try
        {
            for (var p = 0; p < Passes; p++)
            {
                var histogram = histograms.AsSpan(p * Buckets, Buckets);
                var firstKeyDigit = (int)((keys[0] >> (p * DigitBits)) & DigitMask);
                if (histogram[firstKeyDigit] == n) continue; // every key has this digit: the pass would not move anything
                var offset = 0;
                for (var b = 0; b < Buckets; b++)
                {
                    var c = histogram[b];
                    histogram[b] = offset;
                    offset += c;
                }
                var shift = p * DigitBits;
                for (var i = 0; i < n; i++)
                {
                    var key = keys[i];
                    var at = histogram[(int)((key >> shift) & DigitMask)]++;
                    keysOut[at] = key;
                    unitsOut[at] = units[i];
                }
                (keys, keysOut) = (keysOut, keys);
                (units, unitsOut) = (unitsOut, units);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keysOut);
            ArrayPool<double>.Shared.Return(unitsOut);
        }
        return (keys, units);
    }

    public static void Return(ulong[] keys, double[] weights)
    {
        ArrayPool<ulong>.Shared.Return(keys);
        ArrayPool<double>.Shared.Return(weights);
    }
}
