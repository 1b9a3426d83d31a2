using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Alibaba.ChipSim.Statistics;

/// <summary>
/// Exact selection of several order statistics at once, without sorting the whole column: an MSD radix select on
/// <see cref="SortableKey"/>s. One pass histograms 16 bits below the keys' common prefix, a second gathers only
/// the buckets holding a wanted rank, and each gathered bucket is sorted (when small) or refined on the next
/// 16 bits. Every level consumes at least 16 bits, so there are at most four; ties and constant runs end early.
/// </summary>
internal static class RankSelector
{
    private const int DigitBits = 16;
    private const int Buckets = 1 << DigitBits;
    private const ulong DigitMask = Buckets - 1;

    /// <summary>At or below this many keys a plain sort is cheaper than a histogram.</summary>
    internal const int SortBelow = 4096;

    /// <summary>
    /// The keys at <paramref name="ranks"/> (0-based, ascending, distinct) in the sorted non-NaN values. <paramref name="defined"/>
    /// is the number of non-NaN values, <paramref name="minKey"/>/<paramref name="maxKey"/> their smallest and largest key.
    /// </summary>
    public static void Select(double[] values, int defined, ulong minKey, ulong maxKey, ReadOnlySpan<int> ranks, Span<ulong> keysAtRanks) =>
        Select(new DoubleSource(values), defined, minKey, maxKey, ranks, keysAtRanks);

    /// <summary>The keys at <paramref name="ranks"/> among <paramref name="length"/> keys of <paramref name="buffer"/> from <paramref name="start"/> (a gathered bucket).</summary>
    internal static void SelectInBuffer(ulong[] buffer, int start, int length, ReadOnlySpan<int> ranks, Span<ulong> keysAtRanks)
    {
        var segment = new KeySource(buffer, start, length);
        var (min, max) = segment.MinMax();
        Select(segment, length, min, max, ranks, keysAtRanks);
    }

    private static void Select<TSource>(TSource source, int count, ulong minKey, ulong maxKey, ReadOnlySpan<int> ranks, Span<ulong> result)
        where TSource : struct, IKeySource
    {
        if (minKey == maxKey)
        {
            result.Fill(minKey);
            return;
        }
        if (count <= SortBelow)
        {
            SortAndRead(source, count, ranks, result);
            return;
        }

        var shift = Math.Max(0, 64 - BitOperations.LeadingZeroCount(minKey ^ maxKey) - DigitBits);
        Span<int> rankBucket = stackalloc int[ranks.Length];
        Span<int> localRank = stackalloc int[ranks.Length];
        Span<int> segmentBucket = stackalloc int[ranks.Length];
        Span<int> segmentStart = stackalloc int[ranks.Length];
        Span<int> segmentLength = stackalloc int[ranks.Length];
        var segments = 0;
        var gathered = 0;
        ulong[] buffer;
        var table = ArrayPool<int>.Shared.Rent(Buckets);
        try
        {
            var counts = table.AsSpan(0, Buckets);
            counts.Clear();
            for (var i = 0; i < source.Length; i++)
            {
                if (source.TryGet(i, out var key)) counts[(int)((key >> shift) & DigitMask)]++;
            }

            var below = 0;
            var bucket = 0;
            for (var r = 0; r < ranks.Length; r++)
            {
                while (below + counts[bucket] <= ranks[r]) below += counts[bucket++];
                rankBucket[r] = bucket;
                localRank[r] = ranks[r] - below;
                AddSegment(bucket, counts, segmentBucket, segmentStart, segmentLength, ref segments, ref gathered);
            }

            ToWritePositions(counts, segmentBucket, segmentStart, segments);
            buffer = ArrayPool<ulong>.Shared.Rent(gathered);
            for (var i = 0; i < source.Length; i++)
            {
                if (!source.TryGet(i, out var key)) continue;
                var digit = (int)((key >> shift) & DigitMask);
                var at = counts[digit];
                if (at < 0) continue;
                buffer[at] = key;
                counts[digit] = at + 1;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(table);
        }

        try
        {
            var first = 0;
            for (var s = 0; s < segments; s++)
            {
                var last = first;
                while (last < ranks.Length && rankBucket[last] == segmentBucket[s]) last++;
                var segment = new KeySource(buffer, segmentStart[s], segmentLength[s]);
                var (min, max) = segment.MinMax();
                Select(segment, segment.Length, min, max, localRank[first..last], result[first..last]);
                first = last;
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Adds <paramref name="bucket"/> to the gather plan unless it continues the last segment: the wanted
    /// buckets are gathered side by side, in bucket order, into one buffer.
    /// </summary>
    internal static void AddSegment(int bucket, ReadOnlySpan<int> counts, Span<int> segmentBucket, Span<int> segmentStart,
        Span<int> segmentLength, ref int segments, ref int gathered)
    {
        if (segments > 0 && segmentBucket[segments - 1] == bucket) return;
        segmentBucket[segments] = bucket;
        segmentStart[segments] = gathered;
        segmentLength[segments] = counts[bucket];
        gathered += counts[bucket];
        segments++;
    }

    /// <summary>Turns the bucket counts into each wanted bucket's next write position in the buffer, every other bucket to −1.</summary>
    internal static void ToWritePositions(Span<int> counts, ReadOnlySpan<int> segmentBucket, ReadOnlySpan<int> segmentStart, int segments)
    {
        counts.Fill(-1);
        for (var s = 0; s < segments; s++) counts[segmentBucket[s]] = segmentStart[s];
    }

    private static void SortAndRead<TSource>(TSource source, int count, ReadOnlySpan<int> ranks, Span<ulong> result)
        where TSource : struct, IKeySource
    {
        var buffer = ArrayPool<ulong>.Shared.Rent(count);
        try
        {
            var n = 0;
            for (var i = 0; i < source.Length; i++)
            {
                if (source.TryGet(i, out var key)) buffer[n++] = key;
            }
            var keys = buffer.AsSpan(0, n);
            keys.Sort();
            for (var r = 0; r < ranks.Length; r++) result[r] = keys[ranks[r]];
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(buffer);
        }
    }

    private interface IKeySource
    {
        int Length { get; }

        bool TryGet(int index, out ulong key);
    }

    /// <summary>A metric column: NaN (missing) is skipped.</summary>
    private readonly struct DoubleSource(double[] values) : IKeySource
    {
        public int Length => values.Length;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryGet(int index, out ulong key)
        {
            var v = values[index];
            key = double.IsNaN(v) ? 0 : SortableKey.Of(v);
            return !double.IsNaN(v);
        }
    }

    /// <summary>A gathered bucket of keys.</summary>
    private readonly struct KeySource(ulong[] keys, int start, int length) : IKeySource
    {
        public int Length => length;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryGet(int index, out ulong key)
        {
            key = keys[start + index];
            return true;
        }

        public (ulong Min, ulong Max) MinMax()
        {
            var span = keys.AsSpan(start, length);
            ulong min = ulong.MaxValue, max = 0;
            foreach (var k in span)
            {
                if (k < min) min = k;
                if (k > max) max = k;
            }
            return (min, max);
        }
    }
}
