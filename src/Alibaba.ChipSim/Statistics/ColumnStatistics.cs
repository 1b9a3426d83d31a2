using System.Buffers;

namespace Alibaba.ChipSim.Statistics;

/// <summary>
/// Summarises one column exactly and fast (SPEC §5 statistics over the non-NaN values). Whole-number columns with a
/// small range (counts, months, 0/1) are counted into a histogram; any other column has its order statistics
/// picked by <see cref="RankSelector"/> instead of a full sort. Sums are compensated and taken in trial order,
/// so the result depends on the values alone, never on threads.
/// </summary>
internal static class ColumnStatistics
{
    private static readonly double[] Levels = [0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99];

    /// <summary>Whole-number columns whose max − min is at most this are counted rather than selected.</summary>
    internal const int CountingRange = 1 << 16;

    public static MetricSummary Summarize(string name, double[] values, bool isBinary = false, bool isWholeNumber = false)
    {
        var count = 0;
        var sum = new NeumaierSum();
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            count++;
            sum.Add(v);
            if (v < min) min = v;
            if (v > max) max = v;
        }
        if (count == 0) return MetricSummary.Empty(name);

        var minKey = SortableKey.Of(min);
        var maxKey = SortableKey.Of(max);
        var mean = sum.Value / count;
        Span<double> quantiles = stackalloc double[Levels.Length];
        var counted = (isWholeNumber || isBinary) && count > RankSelector.SortBelow && max - min < CountingRange;
        if (!counted || !Histogram.TrySummarize(values, count, min, (int)(max - min) + 1, mean, Levels, quantiles, out var tails))
        {
            SelectQuantiles(values, count, minKey, maxKey, quantiles);
            tails = Tails.Measure(values, mean, quantiles[1], quantiles[7]);
        }

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
            ci95 = ProportionInterval.Wilson((long)Math.Round(sum.Value), count);
        }
        return new MetricSummary(
            name, count, mean, sd, se, SortableKey.ToDouble(minKey), SortableKey.ToDouble(maxKey),
            quantiles[0], quantiles[1], quantiles[2], quantiles[3], quantiles[4], quantiles[5], quantiles[6], quantiles[7], quantiles[8],
            Var5: quantiles[1], Cvar5: tails.LowerTailMean, Var95: quantiles[7], Cvar95: tails.UpperTailMean,
            Probability: probability, Ci95: ci95);
    }

    private static void SelectQuantiles(double[] values, int count, ulong minKey, ulong maxKey, Span<double> quantiles)
    {
        Span<int> ranks = stackalloc int[2 * Levels.Length];
        var distinct = 0;
        foreach (var q in Levels)
        {
            var (lower, upper, _) = NumpyQuantile.Position(count, q);
            if (distinct == 0 || ranks[distinct - 1] != lower) ranks[distinct++] = (int)lower;
            if (ranks[distinct - 1] != upper) ranks[distinct++] = (int)upper;
        }
        ranks = ranks[..distinct];
        Span<ulong> keys = stackalloc ulong[distinct];
        RankSelector.Select(values, count, minKey, maxKey, ranks, keys);
        for (var i = 0; i < Levels.Length; i++)
        {
            var (lower, upper, weight) = NumpyQuantile.Position(count, Levels[i]);
            var a = SortableKey.ToDouble(keys[ranks.IndexOf((int)lower)]);
            var b = SortableKey.ToDouble(keys[ranks.IndexOf((int)upper)]);
            quantiles[i] = NumpyQuantile.Lerp(a, b, weight);
        }
    }

    /// <summary>Second-pass quantities: squared deviations from the mean and the means of both tails.</summary>
    private readonly record struct Tails(double SquaredDeviations, double LowerTailMean, double UpperTailMean)
    {
        private const int Block = 1024;

        public static Tails Measure(double[] values, double mean, double p5, double p95)
        {
            // Corrected two-pass variance: Σ(x − m)² − (Σ(x − m))²/n cancels the rounding error of m. The squares are
            // summed plainly within blocks of 1024 trials (error ≤ 1024ε relative, non-negative terms) and the block
            // sums compensated, which is twice as fast as compensating every term; the tails are 5% of the terms.
            var squares = new NeumaierSum();
            var deviations = new NeumaierSum();
            var lower = new NeumaierSum();
            var upper = new NeumaierSum();
            long n = 0, lowerCount = 0, upperCount = 0;
            for (var start = 0; start < values.Length; start += Block)
            {
                var block = values.AsSpan(start, Math.Min(Block, values.Length - start));
                double blockSquares = 0, blockDeviations = 0;
                foreach (var v in block)
                {
                    if (double.IsNaN(v)) continue;
                    n++;
                    var d = v - mean;
                    blockSquares += d * d;
                    blockDeviations += d;
                    if (v <= p5)
                    {
                        lower.Add(v);
                        lowerCount++;
                    }
                    if (v >= p95)
                    {
                        upper.Add(v);
                        upperCount++;
                    }
                }
                squares.Add(blockSquares);
                deviations.Add(blockDeviations);
            }
            var drift = deviations.Value;
            return new Tails(Math.Max(0, squares.Value - drift * drift / n), lower.Value / lowerCount, upper.Value / upperCount);
        }

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
    private static class Histogram
    {
        public static bool TrySummarize(
            double[] values, int count, double min, int bins, double mean, double[] levels, Span<double> quantiles, out Tails tails)
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
                    if (bin != offset) return false; // not a whole number after all: the caller selects instead
                    counts[bin]++;
                }
                for (var i = 0; i < levels.Length; i++)
                {
                    var (lower, upper, weight) = NumpyQuantile.Position(count, levels[i]);
                    quantiles[i] = NumpyQuantile.Lerp(min + BinOfRank(counts, lower), min + BinOfRank(counts, upper), weight);
                }
                tails = Tails.FromCounts(counts, min, mean, quantiles[1], quantiles[7]);
                return true;
            }
            finally
            {
                ArrayPool<int>.Shared.Return(rented);
            }
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
