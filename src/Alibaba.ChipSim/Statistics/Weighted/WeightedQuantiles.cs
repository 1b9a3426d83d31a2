namespace Alibaba.ChipSim.Statistics.Weighted;

/// <summary>
/// Weighted percentiles: with the values sorted (ties in trial order) and S_i the cumulative weight through the i-th,
/// value i sits at position (S_i − w_i)/(S_n − w_n) and the percentile interpolates linearly between the two values
/// around its level. The positions are never divided out: the level is scaled instead, h = q·(S_n − w_n), and compared
/// with the cumulative weights before each value, C_i = S_i − w_i. The cumulative weights of the sort path are exact:
/// each weight (already divided by the largest, so at most 1) is a whole number of 2⁻⁶⁴ (<see cref="WeightUnits"/>),
/// summed without rounding and rounded to a double once per C_i, so a C_i does not depend on the order in which the
/// values before it were added, and a streamed run (which never sorts the column) finds the same ones
/// (<see cref="Streaming.WeightedStreamingColumn"/>). With every weight 1, C_i = i·2⁶⁴ and S_n − w_n = (n − 1)·2⁶⁴
/// exactly, so h, the bracketing ranks and the fraction (h − C_k)/(C_{k+1} − C_k) are numpy's (n − 1)·q, ⌊h⌋ and
/// h − ⌊h⌋ bit for bit (a power of two scales without rounding).
/// </summary>
internal static class WeightedQuantiles
{
    /// <summary>Fills <paramref name="quantiles"/> at the ascending <paramref name="levels"/> from n ≥ 1 sorted keys and their weights.</summary>
    public static void FromSorted(ReadOnlySpan<ulong> keys, ReadOnlySpan<double> weights, ReadOnlySpan<double> levels, Span<double> quantiles)
    {
        var n = keys.Length;
        UInt128 spanUnits = 0; // S_n − w_n: the weight before the last value
        for (var k = 0; k < n - 1; k++) spanUnits += WeightUnits.Of(weights[k]);
        var span = WeightUnits.ToDouble(spanUnits);
        var level = 0;
        UInt128 beforeUnits = 0; // C_k
        for (var k = 0; k < n && level < levels.Length; k++)
        {
            var throughUnits = beforeUnits + WeightUnits.Of(weights[k]); // C_{k+1}
            var before = WeightUnits.ToDouble(beforeUnits);
            var through = WeightUnits.ToDouble(throughUnits);
            while (level < levels.Length)
            {
                var h = span * levels[level];
                if (k == n - 1) quantiles[level] = SortableKey.ToDouble(keys[k]);
                else if (h < through)
                    quantiles[level] = NumpyQuantile.Lerp(SortableKey.ToDouble(keys[k]), SortableKey.ToDouble(keys[k + 1]), (h - before) / (through - before));
                else break;
                level++;
            }
            beforeUnits = throughUnits;
        }
    }

    /// <summary>
    /// The same percentiles from a histogram of whole numbers: bin b holds the value <paramref name="min"/> + b with total weight
    /// <paramref name="binWeight"/>[b], the last of its trials (in trial order) weighing <paramref name="lastWeight"/>[b].
    /// Inside a bin the two bracketing values are equal; only past the bin's last value does the level interpolate to the next bin.
    /// </summary>
    public static void FromBins(double min, ReadOnlySpan<double> binWeight, ReadOnlySpan<double> lastWeight, ReadOnlySpan<double> levels, Span<double> quantiles)
    {
        var lastBin = binWeight.Length - 1;
        while (binWeight[lastBin] == 0) lastBin--;
        double total = 0;
        for (var b = 0; b <= lastBin; b++) total += binWeight[b];
        var span = total - lastWeight[lastBin];
        var level = 0;
        double before = 0; // the cumulative weight before bin b
        for (var b = 0; b <= lastBin && level < levels.Length; b++)
        {
            if (binWeight[b] == 0) continue;
            var lastBefore = before + (binWeight[b] - lastWeight[b]); // C of the bin's last value
            var through = before + binWeight[b];
            var next = b + 1;
            while (next <= lastBin && binWeight[next] == 0) next++;
            while (level < levels.Length)
            {
                var h = span * levels[level];
                if (b == lastBin || h < lastBefore) quantiles[level] = min + b;
                else if (h < through) quantiles[level] = NumpyQuantile.Lerp(min + b, min + next, (h - lastBefore) / (through - lastBefore));
                else break;
                level++;
            }
            before = through;
        }
    }
}
