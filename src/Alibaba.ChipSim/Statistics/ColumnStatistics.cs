using System.Buffers;

namespace Alibaba.ChipSim.Statistics;

/// <summary>
/// Summarises one column exactly and fast (docs/outputs.md#summaryjson statistics over the non-NaN values). Whole-number columns with a
/// small range (counts, months, 0/1) are counted into a histogram; any other column has its order statistics
/// picked by <see cref="RankSelector"/> instead of a full sort. Sums are compensated and taken in trial order,
/// so the result depends on the values alone, never on threads.
/// </summary>
internal static class ColumnStatistics
{
    internal static readonly double[] Levels = [0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99];

    /// <summary>The indices of the 5th and 95th percentiles in <see cref="Levels"/>.</summary>
    internal const int P5 = 1, P95 = 7;

    /// <summary>Trials per block of the squared deviations (see <see cref="BlockSpread"/>).</summary>
    internal const int TailBlock = 1024;

    /// <summary>Whole-number columns whose max − min is at most this are counted rather than selected.</summary>
    internal const int CountingRange = 1 << 16;

    public static MetricSummary Summarize(string name, double[] values, bool isBinary = false, bool isWholeNumber = false)
    {
        var (count, min, max) = ColumnRange.Of(values);
        if (count == 0) return MetricSummary.Empty(name);

        var minKey = SortableKey.Of(min);
        var maxKey = SortableKey.Of(max);
        Span<double> quantiles = stackalloc double[Levels.Length];
        Span<int> ranks = stackalloc int[2 * Levels.Length];
        ranks = ranks[..Ranks(count, ranks)];
        var counted = (isWholeNumber || isBinary) && count > RankSelector.SortBelow && max - min < CountingRange;
        double total;
        Tails tails;
        if (!counted && count > RankSelector.SortBelow && minKey != maxKey)
        {
            // The common case, two passes after the range's: see FusedSelection.
            if (!FusedSelection.TrySelect(values, count, minKey, maxKey, ranks, quantiles, out total, out var spread, out var lowerMean, out var upperMean))
                (lowerMean, upperMean) = ExactTails(values, quantiles[P5], quantiles[P95]);
            tails = new Tails(spread, lowerMean, upperMean);
        }
        else
        {
            total = Sum(values);
            if (!counted || !Histogram.TrySummarize(values, count, min, (int)(max - min) + 1, total / count, quantiles, out tails))
            {
                SelectQuantiles(values, count, minKey, maxKey, ranks, quantiles);
                var (lowerMean, upperMean) = ExactTails(values, quantiles[P5], quantiles[P95]);
                tails = new Tails(BlockSpread.Of(values, minKey == maxKey), lowerMean, upperMean);
            }
        }
        return Finish(name, count, total, minKey, maxKey, quantiles, tails, isBinary);
    }

    /// <summary>The means of the values at or below <paramref name="p5"/> and at or above <paramref name="p95"/>, each summed exactly (<see cref="ExactSum"/>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    internal static (double Lower, double Upper) ExactTails(double[] values, double p5, double p95)
    {
        var lower = new ExactSum();
        var upper = new ExactSum();
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            if (v <= p5) lower.Add(v);
            if (v >= p95) upper.Add(v);
        }
        return (lower.Value / lower.Count, upper.Value / upper.Count);
    }

    /// <summary>
    /// The summary from its parts: the count, the compensated sum, the extreme keys, the quantiles at <see cref="Levels"/>
    /// and the tails (shared with the streamed statistics, so both assemble a summary the same way).
    /// </summary>
    internal static MetricSummary Finish(string name, long count, double total, ulong minKey, ulong maxKey, ReadOnlySpan<double> quantiles,
        Tails tails, bool isBinary)
    {
        var mean = total / count;
        double? sd = null, se = null;
        if (count > 1)
        {
            sd = Math.Sqrt(tails.SquaredDeviations / (count - 1));
            se = sd / Math.Sqrt(count);
        }
        double? probability = null;
        ProportionInterval? ci95 = null;
        if (isBinary)
        {
            probability = mean;
            ci95 = ProportionInterval.Wilson((long)Math.Round(total), count);
        }
        return new MetricSummary(
            name, count, mean, sd, se, SortableKey.ToDouble(minKey), SortableKey.ToDouble(maxKey),
            quantiles[0], quantiles[1], quantiles[2], quantiles[3], quantiles[4], quantiles[5], quantiles[6], quantiles[7], quantiles[8],
            Var5: quantiles[1], Cvar5: tails.LowerTailMean, Var95: quantiles[7], Cvar95: tails.UpperTailMean,
            Probability: probability, Ci95: ci95);
    }

    /// <summary>The compensated sum of the defined values (<see cref="LaneSum"/>).</summary>
    private static double Sum(double[] values) => LaneSum.Of(values);

    /// <summary>Writes the distinct ranks (ascending) that the <see cref="Levels"/> interpolate between into <paramref name="ranks"/>; returns how many.</summary>
    internal static int Ranks(int count, Span<int> ranks)
    {
        var distinct = 0;
        foreach (var q in Levels)
        {
            var (lower, upper, _) = NumpyQuantile.Position(count, q);
            if (distinct == 0 || ranks[distinct - 1] != lower) ranks[distinct++] = (int)lower;
            if (ranks[distinct - 1] != upper) ranks[distinct++] = (int)upper;
        }
        return distinct;
    }

    private static void SelectQuantiles(double[] values, int count, ulong minKey, ulong maxKey, ReadOnlySpan<int> ranks, Span<double> quantiles)
    {
        Span<ulong> keys = stackalloc ulong[ranks.Length];
        RankSelector.Select(values, count, minKey, maxKey, ranks, keys);
        Interpolate(count, ranks, keys, quantiles);
    }

    /// <summary>The quantiles at <see cref="Levels"/> from the keys at <paramref name="ranks"/>.</summary>
    internal static void Interpolate(int count, ReadOnlySpan<int> ranks, ReadOnlySpan<ulong> keys, Span<double> quantiles)
    {
        for (var i = 0; i < Levels.Length; i++)
        {
            var (lower, upper, weight) = NumpyQuantile.Position(count, Levels[i]);
            var a = SortableKey.ToDouble(keys[ranks.IndexOf((int)lower)]);
            var b = SortableKey.ToDouble(keys[ranks.IndexOf((int)upper)]);
            quantiles[i] = NumpyQuantile.Lerp(a, b, weight);
        }
    }

    /// <summary>The spread and the tails of a column: Σ(x − mean)² and the means of the values ≤ p5 and ≥ p95.</summary>
    internal readonly record struct Tails(double SquaredDeviations, double LowerTailMean, double UpperTailMean)
    {
        public static Tails FromCounts(ReadOnlySpan<int> counts, double min, double mean, double p5, double p95)
        {
            var squares = new NeumaierSum();
            var lower = new NeumaierSum();
            var upper = new NeumaierSum();
            long lowerCount = 0, upperCount = 0;
            for (var i = 0; i < counts.Length; i++)
            {
                var c = counts[i];
                if (c == 0) continue;
                var v = min + i;
                var d = v - mean;
                squares.Add(c * (d * d));
                if (v <= p5)
                {
                    lower.Add(c * v);
                    lowerCount += c;
                }
                if (v >= p95)
                {
                    upper.Add(c * v);
                    upperCount += c;
                }
            }
            return new Tails(squares.Value, lower.Value / lowerCount, upper.Value / upperCount);
        }
    }

    /// <summary>The counting path for whole-number columns with a small range.</summary>
    internal static class Histogram
    {
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
        public static bool TrySummarize(
            double[] values, int count, double min, int bins, double mean, Span<double> quantiles, out Tails tails)
        {
            tails = default;
            var rented = ArrayPool<int>.Shared.Rent(bins);
            try
            {
                var counts = rented.AsSpan(0, bins);
                counts.Clear();
                foreach (var v in values)
                {
                    if (double.IsNaN(v)) continue;
                    var offset = v - min;
                    var bin = (int)offset;
                    // Not a whole number after all (v − min may round to one: a tiny value beside whole ones), so not
                    // min + bin: the caller selects instead.
                    if (bin != offset || min + bin != v) return false;
                    counts[bin]++;
                }
                FromCounts(counts, count, min, mean, quantiles, out tails);
                return true;
            }
            finally
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }

        /// <summary>The quantiles at <see cref="Levels"/> and the tails of whole numbers counted as <paramref name="counts"/>[v − min].</summary>
        public static void FromCounts(ReadOnlySpan<int> counts, long count, double min, double mean, Span<double> quantiles, out Tails tails)
        {
            for (var i = 0; i < Levels.Length; i++)
            {
                var (lower, upper, weight) = NumpyQuantile.Position(count, Levels[i]);
                quantiles[i] = NumpyQuantile.Lerp(min + BinOfRank(counts, lower), min + BinOfRank(counts, upper), weight);
            }
            tails = Tails.FromCounts(counts, min, mean, quantiles[P5], quantiles[P95]);
        }

        private static int BinOfRank(ReadOnlySpan<int> counts, long rank)
        {
            long below = 0;
            var bin = 0;
            while (below + counts[bin] <= rank) below += counts[bin++];
            return bin;
        }
    }
}
