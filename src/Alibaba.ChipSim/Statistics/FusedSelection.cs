using System.Buffers;
using System.Numerics;

namespace Alibaba.ChipSim.Statistics;

/// <summary>
/// The selection path of <see cref="ColumnStatistics"/> in two passes over the column, with the numbers of separate
/// passes bit for bit. Pass one histograms the first 16-bit digit of the values' <see cref="SortableKey"/>s, as
/// <see cref="RankSelector"/>'s first level would, and adds them up (<see cref="LaneSum"/>) and their spread
/// (<see cref="BlockSpread"/>) block by block while each block is in cache; pass two gathers the
/// buckets holding a wanted rank and copies every value that can be in either 5% tail (the buckets up to the 5th
/// percentile's, from the 95th's). The tail means are then exact sums (<see cref="ExactSum"/>) over those copies, with
/// the same test (v ≤ p5, v ≥ p95) as over the whole column.
/// </summary>
internal static class FusedSelection
{
    private const int DigitBits = 16;
    private const int Buckets = 1 << DigitBits;
    private const ulong DigitMask = Buckets - 1;

    /// <summary>
    /// Fills <paramref name="quantiles"/> (at <see cref="ColumnStatistics.Levels"/>), the compensated <paramref name="sum"/>, the
    /// <paramref name="squaredDeviations"/> (<see cref="BlockSpread.Of"/> of a column that is not constant) and
    /// the tails' means (<paramref name="lowerTailMean"/>, <paramref name="upperTailMean"/>; exact sums). Requires more than <see cref="RankSelector.SortBelow"/> defined values, <paramref name="minKey"/> ≠
    /// <paramref name="maxKey"/> and <paramref name="ranks"/> (ascending, distinct) holding every rank the levels interpolate between.
    /// Returns false with valid quantiles, sum and spread but no tails only if p5 or p95 fell outside its two order statistics,
    /// which rounding cannot do; the caller then measures the tails over the whole column.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    public static bool TrySelect(
        double[] values, int count, ulong minKey, ulong maxKey, ReadOnlySpan<int> ranks, Span<double> quantiles, out double sum,
        out double squaredDeviations, out double lowerTailMean, out double upperTailMean)
    {
        var lowerTailRank = (int)NumpyQuantile.Position(count, ColumnStatistics.Levels[ColumnStatistics.P5]).Upper;
        var upperTailRank = (int)NumpyQuantile.Position(count, ColumnStatistics.Levels[ColumnStatistics.P95]).Lower;
        Span<ulong> keysAtRanks = stackalloc ulong[ranks.Length];
        var shift = Math.Max(0, 64 - BitOperations.LeadingZeroCount(minKey ^ maxKey) - DigitBits);
        Span<int> rankBucket = stackalloc int[ranks.Length];
        Span<int> localRank = stackalloc int[ranks.Length];
        Span<int> segmentBucket = stackalloc int[ranks.Length];
        Span<int> segmentStart = stackalloc int[ranks.Length];
        Span<int> segmentLength = stackalloc int[ranks.Length];
        var segments = 0;
        var gathered = 0;
        var table = ArrayPool<int>.Shared.Rent(Buckets);
        ulong[]? buffer = null;
        double[]? lowerValues = null, upperValues = null;
        try
        {
            var counts = table.AsSpan(0, Buckets);
            counts.Clear();
            // Block by block, so that the sum and the spread read each block from the first level of cache, not memory.
            var lanes = new LaneSum();
            var spread = new BlockSpread();
            for (var start = 0; start < values.Length; start += ColumnStatistics.TailBlock)
            {
                var block = values.AsSpan(start, Math.Min(ColumnStatistics.TailBlock, values.Length - start));
                foreach (var v in block)
                {
                    if (double.IsNaN(v)) continue;
                    counts[(int)((SortableKey.Of(v) >> shift) & DigitMask)]++;
                }
                lanes.Add(block);
                spread.Add(block);
            }
            sum = lanes.Value;
            squaredDeviations = spread.SquaredDeviations(constant: false);

            var below = 0;
            var bucket = 0;
            int lowerBucket = -1, upperBucket = -1, lowerSize = 0, upperSize = 0;
            for (var r = 0; r < ranks.Length; r++)
            {
                while (below + counts[bucket] <= ranks[r]) below += counts[bucket++];
                rankBucket[r] = bucket;
                localRank[r] = ranks[r] - below;
                if (ranks[r] == lowerTailRank)
                {
                    lowerBucket = bucket;
                    lowerSize = below + counts[bucket];
                }
                if (ranks[r] == upperTailRank)
                {
                    upperBucket = bucket;
                    upperSize = count - below;
                }
                RankSelector.AddSegment(bucket, counts, segmentBucket, segmentStart, segmentLength, ref segments, ref gathered);
            }

            RankSelector.ToWritePositions(counts, segmentBucket, segmentStart, segments);
            buffer = ArrayPool<ulong>.Shared.Rent(gathered);
            lowerValues = ArrayPool<double>.Shared.Rent(lowerSize);
            upperValues = ArrayPool<double>.Shared.Rent(upperSize);
            int lowerCopied = 0, upperCopied = 0;
            foreach (var v in values)
            {
                if (double.IsNaN(v)) continue;
                var key = SortableKey.Of(v);
                var digit = (int)((key >> shift) & DigitMask);
                if (digit <= lowerBucket) lowerValues[lowerCopied++] = v;
                if (digit >= upperBucket) upperValues[upperCopied++] = v;
                var at = counts[digit];
                if (at < 0) continue;
                buffer[at] = key;
                counts[digit] = at + 1;
            }

            var first = 0;
            for (var s = 0; s < segments; s++)
            {
                var last = first;
                while (last < ranks.Length && rankBucket[last] == segmentBucket[s]) last++;
                RankSelector.SelectInBuffer(buffer, segmentStart[s], segmentLength[s], localRank[first..last], keysAtRanks[first..last]);
                first = last;
            }

            ColumnStatistics.Interpolate(count, ranks, keysAtRanks, quantiles);
            var p5 = quantiles[ColumnStatistics.P5];
            var p95 = quantiles[ColumnStatistics.P95];
            // Every value left out of a tail copy lies beyond that order statistic, hence fails the tail's test.
            if (p5 > SortableKey.ToDouble(keysAtRanks[ranks.IndexOf(lowerTailRank)]) || p95 < SortableKey.ToDouble(keysAtRanks[ranks.IndexOf(upperTailRank)]))
            {
                lowerTailMean = upperTailMean = double.NaN;
                return false;
            }
            var lower = new ExactSum();
            var upper = new ExactSum();
            long lowerCount = 0, upperCount = 0;
            foreach (var v in lowerValues.AsSpan(0, lowerCopied))
            {
                if (v <= p5)
                {
                    lower.Add(v);
                    lowerCount++;
                }
            }
            foreach (var v in upperValues.AsSpan(0, upperCopied))
            {
                if (v >= p95)
                {
                    upper.Add(v);
                    upperCount++;
                }
            }
            lowerTailMean = lower.Value / lowerCount;
            upperTailMean = upper.Value / upperCount;
            return true;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(table);
            if (buffer is not null) ArrayPool<ulong>.Shared.Return(buffer);
            if (lowerValues is not null) ArrayPool<double>.Shared.Return(lowerValues);
            if (upperValues is not null) ArrayPool<double>.Shared.Return(upperValues);
        }
    }
}
