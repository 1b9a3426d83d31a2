using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Alibaba.ChipSim.Statistics.Streaming;

/// <summary>
/// The statistics of one numeric column of a streamed run from a single look at its values in trial order (docs/running-big.md,
/// "Bounded memory"), the same bits as <see cref="ColumnStatistics.Summarize"/> over the column held in memory. The count,
/// the extremes and the compensated sum (<see cref="LaneSum"/>, by row) are taken as the column's are, and the squared deviations block by block
/// (<see cref="BlockSpread"/>), exactly as the column's are. The percentiles come from a <see cref="LevelWindow"/> at each
/// level, which keeps every key near that level's rank among the values seen so far: an order statistic it reports is
/// exact. The tails are exact sums (<see cref="ExactSum"/>, whose result does not depend on the order of the terms) of
/// the values below the 5th percentile's window (and above the 95th's), of the keys leaving those windows, and of the
/// window's keys up to p5 (from p95). Whole-number columns of a small range are counted instead, as the column's are.
/// When a window lost its rank (rare: ±6 standard errors) the column makes further passes (<see cref="StreamingColumn"/>).
/// Memory: nine windows of at most <see cref="LevelWindow.DefaultDistinctLimit"/> keys, whatever the trial count.
/// </summary>
internal sealed class OnePassColumn
{
    private const int Block = ColumnStatistics.TailBlock;
    private const int P5 = ColumnStatistics.P5, P95 = ColumnStatistics.P95;
    private static readonly int Levels = ColumnStatistics.Levels.Length;

    private readonly string _name;
    private readonly bool _isBinary, _isWholeNumber;
    private readonly int _gatherLimit;

    private long _count;
    private ulong _minKey = ulong.MaxValue, _maxKey;
    private readonly LaneSum _total = new();

    // Squared deviations: the current block (every row, NaN included, so blocks start where they do in the column).
    private readonly double[] _block = new double[Block];
    private int _blockFill;
    private BlockSpread _spread;

    // Windows: bounds padded to 16 lanes (unused lanes never hold a key), counts below each not yet given to it.
    private readonly LevelWindow[] _windows;
    private readonly ulong[] _lo = new ulong[16], _hi = new ulong[16];
    private readonly long[] _pendingBelow = new long[16];
    // PlaceEight's: each window's bounds in every lane, which windows keep keys (not narrowed to one key: all lanes set),
    // the lanes inside each window, and the extremes of the keys it took, lane by lane.
    private readonly Vector512<ulong>[] _loLanes = new Vector512<ulong>[16], _hiLanes = new Vector512<ulong>[16];
    private readonly uint[] _keeps = new uint[16], _insideLanes = new uint[16];
    private Vector512<ulong> _minLanes = Vector512<ulong>.AllBitsSet, _maxLanes = Vector512<ulong>.Zero;
    private readonly ExactSum _lowerSum = new(), _upperSum = new();
    private long _aboveCount;

    // The windows start once the first keys are in (a batch sorted once for all nine) or when counting stops.
    private bool _windowsActive;
    private readonly ulong[] _early;
    private int _earlyFill;
    private readonly int _appendLimit;

    // Counting whole numbers: counts[v − base − offset], while every value is whole and the range small (the windows
    // wait meanwhile: the counts hold every value).
    private bool _countable;
    private double _countBase;
    private int[]? _counts;
    private int _countOffset, _countMin, _countMax;

    private int _pass = -1;
    private StreamingColumn? _fallback;
    private MetricSummary? _result;

    /// <remarks>
    /// <c>distinctLimit</c>, <c>appendLimit</c>: the windows' sizes (tests make them tiny to force the fallback);
    /// <c>gatherLimit</c>: the fallback's (<see cref="StreamingColumn"/>).
    /// </remarks>
    public OnePassColumn(string name, bool isBinary = false, bool isWholeNumber = false,
        int distinctLimit = LevelWindow.DefaultDistinctLimit, int appendLimit = LevelWindow.DefaultAppendLimit,
        int gatherLimit = StreamingColumn.GatherLimit)
    {
        _name = name;
        _isBinary = isBinary;
        _isWholeNumber = isWholeNumber || isBinary;
        _countable = _isWholeNumber;
        _gatherLimit = gatherLimit;
        _appendLimit = appendLimit;
        _early = new ulong[appendLimit];
        _windows = new LevelWindow[Levels];
        for (var i = 0; i < Levels; i++) _windows[i] = new LevelWindow(ColumnStatistics.Levels[i], distinctLimit, appendLimit);
        Array.Fill(_lo, ulong.MaxValue);
        for (var i = 0; i < Levels; i++)
        {
            _lo[i] = 0;
            _hi[i] = ulong.MaxValue;
            SetLanes(i);
        }
    }

    /// <summary>True once the summary is known.</summary>
    public bool IsDone => _result is not null;

    /// <summary>The summary; only when <see cref="IsDone"/>.</summary>
    public MetricSummary Result => _result ?? throw new InvalidOperationException($"column {_name} needs more passes");

    /// <summary>Numbers held now: the windows, the first batch, the counts, the block; and the fallback's, if any.</summary>
    internal long HeldNumbers => _windows.Sum(w => w.Size) + _early.Length + (_counts?.Length ?? 0) + Block + (_fallback?.HeldNumbers ?? 0);

    /// <summary>Prepares pass <paramref name="pass"/> (0, 1, … in turn); false when this column needs no more passes.</summary>
    public bool BeginPass(int pass)
    {
        if (pass != _pass + 1) throw new InvalidOperationException($"pass {pass} after pass {_pass}");
        _pass = pass;
        if (IsDone) return false;
        if (pass == 0) return true;
        if (_fallback!.BeginPass(pass - 1)) return true;
        Complete();
        return false;
    }

    /// <summary>Takes the next values of the run, in trial order, in chunks of any size.</summary>
    public void Consume(ReadOnlySpan<double> values)
    {
        if (IsDone) return;
        if (_pass > 0)
        {
            _fallback!.Consume(values);
            return;
        }
        ConsumeFirst(values);
    }

    /// <summary>Ends the current pass: the summary is known, or a further pass is planned.</summary>
    public void EndPass()
    {
        if (IsDone) return;
        if (_pass > 0)
        {
            _fallback!.EndPass();
            return;
        }
        if (_blockFill > 0) FlushBlock();
        FoldExtremes();
        if (!_windowsActive && _count > 0 && !(_countable && _count > RankSelector.SortBelow))
        {
            if (_countable) SeedFromCounts();
            else SeedFromEarly();
        }
        for (var i = 0; i < Levels; i++) GiveBelow(i);
        if (_count == 0)
        {
            _result = MetricSummary.Empty(_name);
            return;
        }
        if (TryCounted() || TryWindows()) return;
        _fallback = new StreamingColumn(_name, _isBinary, _isWholeNumber, _gatherLimit);
    }

    private void ConsumeFirst(ReadOnlySpan<double> values)
    {
        // Every row, NaN included, joins the squared deviations' blocks (so blocks start where they do in the column).
        for (var at = 0; at < values.Length;)
        {
            var take = Math.Min(Block - _blockFill, values.Length - at);
            values.Slice(at, take).CopyTo(_block.AsSpan(_blockFill));
            _blockFill += take;
            at += take;
            if (_blockFill == Block) FlushBlock();
        }
        // The compensated sum, in lanes by row: nothing else reads it.
        _total.Add(values);
        // The ranks: each value counted below a window, kept in it, or left above it.
        var i = 0;
        while (i < values.Length)
        {
            if (_windowsActive && Vector512.IsHardwareAccelerated && values.Length - i >= Vector512<double>.Count)
            {
                PlaceEight(values.Slice(i, Vector512<double>.Count));
                i += Vector512<double>.Count;
                continue;
            }
            var v = values[i++];
            if (double.IsNaN(v)) continue;
            var key = SortableKey.Of(v);
            if (key < _minKey) _minKey = key;
            if (key > _maxKey) _maxKey = key;
            if (_windowsActive) PlaceOne(v, key);
            else PlaceEarly(v);
        }
    }

    /// <summary>
    /// A value before the windows start: counted (a whole-number column of a small range) or kept in the first batch; the
    /// windows start when counting stops or the batch is full.
    /// </summary>
    private void PlaceEarly(double v)
    {
        if (_countable)
        {
            if (Count(v))
            {
                _count++;
                return;
            }
            // Not a small-range whole number after all: the windows start from the counts, then take this value.
            SeedFromCounts();
            PlaceOne(v, SortableKey.Of(v));
            return;
        }
        _early[_earlyFill++] = SortableKey.Of(v);
        _count++;
        if (_earlyFill == _early.Length) SeedFromEarly();
    }

    /// <summary>
    /// One value once the windows have started: counted below each window under it, kept by each window holding its key
    /// (which narrows when its batch is full), and added to a tail's sum when below the 5th percentile's window or above
    /// the 95th's.
    /// </summary>
    private void PlaceOne(double v, ulong key)
    {
        _count++;
        var lowerTail = key < _lo[P5];
        var upperTail = key > _hi[P95];
        for (var i = 0; i < Levels; i++)
        {
            if (key < _lo[i]) _pendingBelow[i]++;
            else if (key <= _hi[i] && _windows[i].Append(key)) Narrow(i);
        }
        if (lowerTail) _lowerSum.Add(v);
        if (upperTail)
        {
            _upperSum.Add(v);
            _aboveCount++;
        }
    }

    /// <summary>
    /// <see cref="PlaceOne"/> for eight values at once, with a key per lane. The values that no window keeps (nearly all
    /// of them) are only counted: below each window from the lanes' comparisons, and in the tails' sums. Those a window
    /// keeps then go one by one, in order. Taking the counted values first is the same as meeting them first, and a
    /// window's keys are exact whatever the order of the values; only a single-key window (a point mass) counts its key
    /// in place.
    /// </summary>
    private void PlaceEight(ReadOnlySpan<double> values)
    {
        var v = Vector512.Create(values);
        var bits = v.AsUInt64();
        var signBit = Vector512.Create(0x8000_0000_0000_0000UL);
        // SortableKey.Of in every lane: −0 as +0, then every bit flipped for a negative, the sign bit for a positive.
        bits = Vector512.AndNot(bits, Vector512.Equals(bits, signBit));
        var negative = Vector512.ShiftRightArithmetic(bits.AsInt64(), 63).AsUInt64();
        var keys = bits ^ (negative | signBit);
        var defined = Vector512.Equals(v, v).AsUInt64();
        var valid = (uint)defined.ExtractMostSignificantBits();
        if (valid == 0) return;
        _minLanes = Vector512.Min(_minLanes, keys | ~defined);
        _maxLanes = Vector512.Max(_maxLanes, keys & defined);
        // Each window: the lanes below it (counted below it now; taken back below for lanes a window keeps) and inside it.
        ref var lo = ref MemoryMarshal.GetArrayDataReference(_loLanes);
        ref var hi = ref MemoryMarshal.GetArrayDataReference(_hiLanes);
        ref var keeps = ref MemoryMarshal.GetArrayDataReference(_keeps);
        ref var inside = ref MemoryMarshal.GetArrayDataReference(_insideLanes);
        ref var pending = ref MemoryMarshal.GetArrayDataReference(_pendingBelow);
        uint kept = 0, inAny = 0;
        for (var i = 0; i < Levels; i++)
        {
            var b = (uint)Vector512.LessThan(keys, Unsafe.Add(ref lo, i)).ExtractMostSignificantBits() & valid;
            var n = (uint)Vector512.LessThanOrEqual(keys, Unsafe.Add(ref hi, i)).ExtractMostSignificantBits() & valid & ~b;
            Unsafe.Add(ref pending, i) += BitOperations.PopCount(b);
            Unsafe.Add(ref inside, i) = n;
            kept |= n & Unsafe.Add(ref keeps, i);
            inAny |= n;
        }
        var counted = valid & ~kept;
        _count += BitOperations.PopCount(counted);
        if (kept != 0)
            for (var i = 0; i < Levels; i++)
                Unsafe.Add(ref pending, i) -= BitOperations.PopCount((uint)Vector512.LessThan(keys, Unsafe.Add(ref lo, i)).ExtractMostSignificantBits() & kept);
        if ((inAny & ~kept) != 0)
            for (var i = 0; i < Levels; i++)
                if (_keeps[i] == 0 && (_insideLanes[i] & counted) != 0) _windows[i].AddToSingleKey(BitOperations.PopCount(_insideLanes[i] & counted));
        // Tails: below the 5th percentile's window, above the 95th's.
        var lower = (uint)Vector512.LessThan(keys, _loLanes[P5]).ExtractMostSignificantBits() & counted;
        var upper = (uint)Vector512.GreaterThan(keys, _hiLanes[P95]).ExtractMostSignificantBits() & counted;
        while (lower != 0)
        {
            _lowerSum.Add(values[BitOperations.TrailingZeroCount(lower)]);
            lower &= lower - 1;
        }
        if (upper != 0)
        {
            _aboveCount += BitOperations.PopCount(upper);
            do
            {
                _upperSum.Add(values[BitOperations.TrailingZeroCount(upper)]);
                upper &= upper - 1;
            }
            while (upper != 0);
        }
        while (kept != 0)
        {
            var lane = BitOperations.TrailingZeroCount(kept);
            kept &= kept - 1;
            PlaceOne(values[lane], keys.GetElement(lane));
        }
    }

    /// <summary>Window <paramref name="i"/>'s bounds in every lane, and whether it keeps keys (a single-key window only counts).</summary>
    private void SetLanes(int i)
    {
        _loLanes[i] = Vector512.Create(_lo[i]);
        _hiLanes[i] = Vector512.Create(_hi[i]);
        _keeps[i] = _lo[i] == _hi[i] ? 0u : uint.MaxValue;
    }

    /// <summary>The extremes PlaceEight found, lane by lane, folded into the column's.</summary>
    private void FoldExtremes()
    {
        for (var lane = 0; lane < Vector512<ulong>.Count; lane++)
        {
            _minKey = Math.Min(_minKey, _minLanes.GetElement(lane));
            _maxKey = Math.Max(_maxKey, _maxLanes.GetElement(lane));
        }
        _minLanes = Vector512<ulong>.AllBitsSet;
        _maxLanes = Vector512<ulong>.Zero;
    }

    /// <summary>The first keys, sorted once: every window starts holding them all, then narrows.</summary>
    private void SeedFromEarly()
    {
        var keys = _early.AsSpan(0, _earlyFill);
        LevelWindow.RadixSort(keys);
        var distinct = 0;
        var counts = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            if (distinct > 0 && keys[distinct - 1] == keys[i]) counts[distinct - 1]++;
            else
            {
                keys[distinct] = keys[i];
                counts[distinct++] = 1;
            }
        }
        Seed(keys[..distinct], counts.AsSpan(0, distinct));
        _earlyFill = 0;
    }

    /// <summary>Counting stopped: every window starts holding the values counted so far, then narrows.</summary>
    private void SeedFromCounts()
    {
        var counts = _counts!;
        var keys = new List<ulong>();
        var kept = new List<int>();
        for (var bin = _countMin; bin <= _countMax; bin++)
        {
            var c = counts[bin + _countOffset];
            if (c == 0) continue;
            keys.Add(SortableKey.Of(_countBase + bin));
            kept.Add(c);
        }
        StopCounting();
        Seed(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(keys), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(kept));
    }

    /// <summary>Starts every window from the same keys (seen so far, with counts), and narrows each if it holds more than a batch.</summary>
    private void Seed(ReadOnlySpan<ulong> keys, ReadOnlySpan<int> counts)
    {
        _windowsActive = true;
        long held = 0;
        foreach (var c in counts) held += c;
        for (var i = 0; i < Levels; i++)
        {
            _windows[i].Seed(keys, counts);
            if (held >= _appendLimit) Narrow(i);
        }
    }

    private void GiveBelow(int i)
    {
        _windows[i].Below += _pendingBelow[i];
        _pendingBelow[i] = 0;
    }

    /// <summary>Narrows window <paramref name="i"/>; the keys leaving the 5th percentile's window below, or the 95th's above, join the tails' sums.</summary>
    private void Narrow(int i)
    {
        GiveBelow(i);
        var window = _windows[i];
        var (start, end) = window.Plan(_count);
        if (i == P5)
            for (var j = 0; j < start; j++) _lowerSum.Add(SortableKey.ToDouble(window.KeyAt(j)), window.CountAt(j));
        if (i == P95)
            for (var j = end + 1; j < window.Distinct; j++)
            {
                _upperSum.Add(SortableKey.ToDouble(window.KeyAt(j)), window.CountAt(j));
                _aboveCount += window.CountAt(j);
            }
        window.Keep(start, end);
        _lo[i] = window.Lo;
        _hi[i] = window.Hi;
        SetLanes(i);
    }

    /// <summary>Counts a value; false when it is not a whole number within the counting range of those before (counting then stops).</summary>
    private bool Count(double v)
    {
        if (_counts is null)
        {
            _countBase = v;
            _counts = new int[64];
            _countOffset = 32;
            _countMin = _countMax = 0;
        }
        var offset = v - _countBase;
        if (!(Math.Abs(offset) < ColumnStatistics.CountingRange)) return false;
        var bin = (int)offset;
        if (bin != offset) return false;
        if (bin < _countMin || bin > _countMax)
        {
            var min = Math.Min(bin, _countMin);
            var max = Math.Max(bin, _countMax);
            if (max - min >= ColumnStatistics.CountingRange) return false;
            if (min + _countOffset < 0 || max + _countOffset >= _counts.Length) Regrow(min, max);
            _countMin = min;
            _countMax = max;
        }
        _counts[bin + _countOffset]++;
        return true;
    }

    private void Regrow(int min, int max)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)(2 * (max - min + 1)));
        var grown = new int[size];
        var offset = (size - (max - min + 1)) / 2 - min;
        Array.Copy(_counts!, _countMin + _countOffset, grown, _countMin + offset, _countMax - _countMin + 1);
        _counts = grown;
        _countOffset = offset;
    }

    private void StopCounting()
    {
        _countable = false;
        _counts = null;
    }

    private void FlushBlock()
    {
        _spread.Add(_block.AsSpan(0, _blockFill));
        _blockFill = 0;
    }

    private double SquaredDeviations() => _spread.SquaredDeviations(_minKey == _maxKey);

    private bool TryCounted()
    {
        if (!_countable || _counts is null || _count <= RankSelector.SortBelow) return false;
        Span<double> quantiles = stackalloc double[Levels];
        var counts = _counts.AsSpan(_countMin + _countOffset, _countMax - _countMin + 1);
        var min = SortableKey.ToDouble(_minKey);
        ColumnStatistics.Histogram.FromCounts(counts, _count, min, _total.Value / _count, quantiles, out var tails);
        _result = ColumnStatistics.Finish(_name, _count, _total.Value, _minKey, _maxKey, quantiles, tails, _isBinary);
        _counts = null;
        return true;
    }

    private bool TryWindows()
    {
        var count = (int)_count;
        Span<double> quantiles = stackalloc double[Levels];
        for (var i = 0; i < Levels; i++)
        {
            var (lowerRank, upperRank, weight) = NumpyQuantile.Position(count, ColumnStatistics.Levels[i]);
            if (!_windows[i].TryKeyAt(lowerRank, out var a) || !_windows[i].TryKeyAt(upperRank, out var b)) return false;
            quantiles[i] = NumpyQuantile.Lerp(SortableKey.ToDouble(a), SortableKey.ToDouble(b), weight);
        }
        // The tails: the sums below the 5th percentile's window (and above the 95th's), then the window's keys up to p5
        // (from p95), ascending (descending).
        var p5 = quantiles[P5];
        var lowerWindow = _windows[P5];
        var lower = _lowerSum;
        var lowerCount = lowerWindow.Below;
        for (var j = 0; j < lowerWindow.Distinct; j++)
        {
            var v = SortableKey.ToDouble(lowerWindow.KeyAt(j));
            if (!(v <= p5)) break;
            lower.Add(v, lowerWindow.CountAt(j));
            lowerCount += lowerWindow.CountAt(j);
        }
        var p95 = quantiles[P95];
        var upperWindow = _windows[P95];
        var upper = _upperSum;
        var upperCount = _aboveCount;
        for (var j = upperWindow.Distinct - 1; j >= 0; j--)
        {
            var v = SortableKey.ToDouble(upperWindow.KeyAt(j));
            if (!(v >= p95)) break;
            upper.Add(v, upperWindow.CountAt(j));
            upperCount += upperWindow.CountAt(j);
        }
        var tails = new ColumnStatistics.Tails(SquaredDeviations(), lower.Value / lowerCount, upper.Value / upperCount);
        _result = ColumnStatistics.Finish(_name, _count, _total.Value, _minKey, _maxKey, quantiles, tails, _isBinary);
        return true;
    }

    /// <summary>The streamed fallback has finished: its percentiles and tails, with this column's own count, sum and spread.</summary>
    private void Complete()
    {
        var r = _fallback!.Result;
        double[] quantiles = [r.P1!.Value, r.P5!.Value, r.P10!.Value, r.P25!.Value, r.P50!.Value, r.P75!.Value, r.P90!.Value, r.P95!.Value, r.P99!.Value];
        var tails = new ColumnStatistics.Tails(SquaredDeviations(), r.Cvar5!.Value, r.Cvar95!.Value);
        _result = ColumnStatistics.Finish(_name, _count, _total.Value, _minKey, _maxKey, quantiles, tails, _isBinary);
        _fallback = null;
    }
}
