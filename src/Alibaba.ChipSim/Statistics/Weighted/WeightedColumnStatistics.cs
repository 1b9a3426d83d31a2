using System.Buffers;

namespace Alibaba.ChipSim.Statistics.Weighted;

/// <summary>
/// Summarises one column under per-trial weights w ≥ 0 (a run conditioned on history; docs/forecast-scoring.md):
/// over the trials where the value is defined and w &gt; 0, mean = Σwx/Σw, sd² = Σw(x − mean)²/(V1 − V2/V1),
/// ess = V1²/V2, se = sd/√ess, weighted percentiles (<see cref="WeightedQuantiles"/>), tail means weighted, and a 0/1
/// metric's probability with a Wilson interval at n = ess.
/// <para>
/// Sums are compensated and in trial order, each term multiplied by the trial's weight divided by the largest weight;
/// squared deviations are summed plainly in blocks of 1,024 trials with the corrected two-pass formula; whole-number
/// columns of a small range are accumulated per value. When every counted trial has the same weight the run is an
/// unweighted one, and its summary is <see cref="ColumnStatistics.Summarize"/>'s over the counted trials (with ess =
/// their count), so equal weights give the unweighted summary bit for bit.
/// </para>
/// </summary>
internal static class WeightedColumnStatistics
{
    public static MetricSummary Summarize(string name, double[] values, double[] weights, bool isBinary = false, bool isWholeNumber = false)
    {
        if (weights.Length != values.Length)
            throw new ArgumentException($"{weights.Length} weights for {values.Length} values", nameof(weights));
        var (count, minKey, maxKey, largest) = Range(values, weights);
        if (count == 0) return MetricSummary.Empty(name) with { Ess = 0 };
        if (EqualWeights(values, weights, largest) is { } unweighted)
            return ColumnStatistics.Summarize(name, unweighted, isBinary, isWholeNumber) with { Ess = count };

        var total = new NeumaierSum();
        var v1 = new NeumaierSum();
        var v2 = new NeumaierSum();
        for (var t = 0; t < values.Length; t++)
        {
            var v = values[t];
            var w = weights[t];
            if (double.IsNaN(v) || !(w > 0)) continue;
            var u = w / largest;
            total.Add(u * v);
            v1.Add(u);
            v2.Add(u * u);
        }
        var sumWeights = v1.Value;
        var mean = total.Value / sumWeights;
        var min = SortableKey.ToDouble(minKey);
        var max = SortableKey.ToDouble(maxKey);

        Span<double> quantiles = stackalloc double[ColumnStatistics.Levels.Length];
        Moments moments;
        var counted = (isWholeNumber || isBinary) && count > RankSelector.SortBelow && max - min < ColumnStatistics.CountingRange;
        if (!counted || !Bins.TrySummarize(values, weights, largest, min, (int)(max - min) + 1, mean, quantiles, out moments))
        {
            var (keys, units) = WeightedSort.Sort(values, weights, largest, count);
            try
            {
                WeightedQuantiles.FromSorted(keys.AsSpan(0, count), units.AsSpan(0, count), ColumnStatistics.Levels, quantiles);
            }
            finally
            {
                WeightedSort.Return(keys, units);
            }
            moments = Moments.Measure(values, weights, largest, mean, sumWeights, quantiles[ColumnStatistics.P5], quantiles[ColumnStatistics.P95]);
        }

        return Assemble(name, count, mean, sumWeights, v2.Value, min, max, quantiles, moments.SquaredDeviations,
            moments.LowerTailMean, moments.UpperTailMean, isBinary);
    }

    /// <summary>
    /// The summary from its parts (shared with the streamed column, <see cref="Streaming.WeightedStreamingColumn"/>):
    /// ess = V1²/V2, sd² = Σw(x − mean)²/(V1 − V2/V1), se = sd/√ess, and a 0/1 metric's probability and Wilson interval.
    /// </summary>
    internal static MetricSummary Assemble(string name, int count, double mean, double sumWeights, double squaredWeights,
        double min, double max, ReadOnlySpan<double> quantiles, double squaredDeviations, double lowerTailMean, double upperTailMean, bool isBinary)
    {
        var ess = sumWeights * sumWeights / squaredWeights;
        double? sd = null, se = null;
        var denominator = sumWeights - squaredWeights / sumWeights;
        if (count > 1 && denominator > 0)
        {
            sd = Math.Sqrt(squaredDeviations / denominator);
            se = sd / Math.Sqrt(ess);
        }
        double? probability = null;
        ProportionInterval? ci95 = null;
        if (isBinary)
        {
            probability = Math.Clamp(mean, 0, 1);
            ci95 = WeightedProportion.Wilson(probability.Value, ess);
        }
        return new MetricSummary(
            name, count, mean, sd, se, min, max,
            quantiles[0], quantiles[1], quantiles[2], quantiles[3], quantiles[4], quantiles[5], quantiles[6], quantiles[7], quantiles[8],
            Var5: quantiles[ColumnStatistics.P5], Cvar5: lowerTailMean, Var95: quantiles[ColumnStatistics.P95], Cvar95: upperTailMean,
            Probability: probability, Ci95: ci95) { Ess = ess };
    }

    /// <summary>
    /// When every counted trial (defined, weight &gt; 0) weighs <paramref name="largest"/>: the values with the trials of
    /// weight 0 as missing (the array itself when there are none); otherwise null.
    /// </summary>
    private static double[]? EqualWeights(double[] values, double[] weights, double largest)
    {
        var zeros = false;
        for (var t = 0; t < values.Length; t++)
        {
            if (double.IsNaN(values[t])) continue;
            var w = weights[t];
            if (w == 0) zeros = true;
            else if (w != largest) return null;
        }
        if (!zeros) return values;
        var copy = (double[])values.Clone();
        for (var t = 0; t < copy.Length; t++)
            if (weights[t] == 0) copy[t] = double.NaN;
        return copy;
    }

    /// <summary>The counted trials (defined, weight &gt; 0), the smallest and largest value's key, and the largest weight.</summary>
    private static (int Count, ulong MinKey, ulong MaxKey, double LargestWeight) Range(double[] values, double[] weights)
    {
        var count = 0;
        ulong minKey = ulong.MaxValue, maxKey = 0;
        double largest = 0;
        for (var t = 0; t < values.Length; t++)
        {
            var w = weights[t];
            if (!(w >= 0) || double.IsInfinity(w))
                throw new ArgumentOutOfRangeException(nameof(weights), w, $"trial {t}: a weight must be a finite number ≥ 0");
            var v = values[t];
            if (double.IsNaN(v) || w == 0) continue;
            count++;
            var key = SortableKey.Of(v);
            if (key < minKey) minKey = key;
            if (key > maxKey) maxKey = key;
            if (w > largest) largest = w;
        }
        return (count, minKey, maxKey, largest);
    }

    /// <summary>Squared deviations from the mean (Σw(x − mean)²) and the weighted means of both tails.</summary>
    private readonly record struct Moments(double SquaredDeviations, double LowerTailMean, double UpperTailMean)
    {
        /// <summary>The corrected two-pass sum of squares in blocks of 1,024 trials and the tails' compensated sums, each term weighted.</summary>
        public static Moments Measure(double[] values, double[] weights, double largest, double mean, double sumWeights, double p5, double p95)
        {
            const int Block = ColumnStatistics.TailBlock;
            var squares = new NeumaierSum();
            var deviations = new NeumaierSum();
            var lower = new NeumaierSum();
            var upper = new NeumaierSum();
            var lowerWeight = new NeumaierSum();
            var upperWeight = new NeumaierSum();
            for (var start = 0; start < values.Length; start += Block)
            {
                var end = Math.Min(start + Block, values.Length);
                double blockSquares = 0, blockDeviations = 0;
                for (var t = start; t < end; t++)
                {
                    var v = values[t];
                    var w = weights[t];
                    if (double.IsNaN(v) || !(w > 0)) continue;
                    var u = w / largest;
                    var d = v - mean;
                    blockSquares += u * (d * d);
                    blockDeviations += u * d;
                    if (v <= p5)
                    {
                        lower.Add(u * v);
                        lowerWeight.Add(u);
                    }
                    if (v >= p95)
                    {
                        upper.Add(u * v);
                        upperWeight.Add(u);
                    }
                }
                squares.Add(blockSquares);
                deviations.Add(blockDeviations);
            }
            var drift = deviations.Value;
            return new Moments(Math.Max(0, squares.Value - drift * drift / sumWeights), lower.Value / lowerWeight.Value, upper.Value / upperWeight.Value);
        }
    }

    /// <summary>
    /// The counting path's squared deviations and tail means from the weight of each whole number <paramref name="min"/> + b
    /// (shared with the streamed column).
    /// </summary>
    internal static (double SquaredDeviations, double LowerTailMean, double UpperTailMean) BinMoments(double min, ReadOnlySpan<double> weightOf,
        double mean, double p5, double p95)
    {
        var squares = new NeumaierSum();
        var lower = new NeumaierSum();
        var upper = new NeumaierSum();
        double lowerWeight = 0, upperWeight = 0;
        for (var i = 0; i < weightOf.Length; i++)
        {
            var c = weightOf[i];
            if (c == 0) continue;
            var v = min + i;
            var d = v - mean;
            squares.Add(c * (d * d));
            if (v <= p5)
            {
                lower.Add(c * v);
                lowerWeight += c;
            }
            if (v >= p95)
            {
                upper.Add(c * v);
                upperWeight += c;
            }
        }
        return (squares.Value, lower.Value / lowerWeight, upper.Value / upperWeight);
    }

    /// <summary>The counting path: whole numbers of a small range accumulated per value (<see cref="ColumnStatistics"/>'s histogram, weighted).</summary>
    private static class Bins
    {
        public static bool TrySummarize(double[] values, double[] weights, double largest, double min, int bins, double mean,
            Span<double> quantiles, out Moments moments)
        {
            moments = default;
            var binWeight = ArrayPool<double>.Shared.Rent(bins);
            var lastWeight = ArrayPool<double>.Shared.Rent(bins);
            try
            {
                var weightOf = binWeight.AsSpan(0, bins);
                var lastOf = lastWeight.AsSpan(0, bins);
                weightOf.Clear();
                lastOf.Clear();
                for (var t = 0; t < values.Length; t++)
                {
                    var v = values[t];
                    var w = weights[t];
                    if (double.IsNaN(v) || !(w > 0)) continue;
                    var offset = v - min;
                    var bin = (int)offset;
                    if (bin != offset) return false; // not a whole number after all: the caller sorts instead
                    var u = w / largest;
                    weightOf[bin] += u;
                    lastOf[bin] = u;
                }
                WeightedQuantiles.FromBins(min, weightOf, lastOf, ColumnStatistics.Levels, quantiles);
                var (squares, lowerMean, upperMean) = BinMoments(min, weightOf, mean, quantiles[ColumnStatistics.P5], quantiles[ColumnStatistics.P95]);
                moments = new Moments(squares, lowerMean, upperMean);
                return true;
            }
            finally
            {
                ArrayPool<double>.Shared.Return(binWeight);
                ArrayPool<double>.Shared.Return(lastWeight);
            }
        }
    }
}
