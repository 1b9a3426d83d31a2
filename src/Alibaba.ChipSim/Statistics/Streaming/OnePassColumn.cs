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
    // PlaceDefined's: the keys and values of a chunk's defined rows, the tail's lanes of each group of eight, and the
    // extremes of the keys, lane by lane.
    private ulong[] _keyBuffer = [];
    private double[] _valueBuffer = [];
    private byte[] _tailLanes = [];
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
        }
    }

    /// <summary>True once the summary is known.</summary>
    public bool IsDone => _result is not null;

    /// <summary>The summary; only when <see cref="IsDone"/>.</summary>
    public MetricSummary Result => _result ?? throw new InvalidOperationException($"column {_name} needs more passes");

    /// <summary>Numbers held now: the windows, the first batch, the counts, the block, a chunk's keys and values (and tail lanes); and the fallback's, if any.</summary>
    internal long HeldNumbers => _windows.Sum(w => w.Size) + _early.Length + (_counts?.Length ?? 0) + Block
        + _keyBuffer.Length + _valueBuffer.Length + _tailLanes.Length + (_fallback?.HeldNumbers ?? 0);

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
            if (_blockFill == 0 && values.Length - at >= Block)
            {
                // A whole block in place (a chunk that starts where a block does), without the copy.
                _spread.Add(values.Slice(at, Block));
                at += Block;
                continue;
            }
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
            if (_windowsActive && HotPath.EightLanes)
            {
                PlaceDefined(values[i..]);
                return;
            }
            if (_counts is not null && _countable && HotPath.EightLanes && CountGroups(values, i) is var next && next > i)
            {
                i = next;
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
    /// While a whole-number column is counted: the values from <paramref name="from"/> eight at a time, as long as every
    /// defined value of a group is the base plus a whole number inside the counting range seen so far (<see cref="Count"/> then counts
    /// it and nothing else changes); returns where the first group that is not stops (the caller places its values one
    /// by one, as <see cref="Count"/> may then widen the range or stop counting). The extremes go lane by lane, as in
    /// <see cref="DefinedKeys"/>. Counts are whole numbers, so counting eight at a time is counting one at a time.
    /// </summary>
    private int CountGroups(ReadOnlySpan<double> values, int from)
    {
        var counts = _counts!;
        ref var valueIn = ref MemoryMarshal.GetReference(values);
        var signBit = Vector512.Create(0x8000_0000_0000_0000UL);
        var countBase = Vector512.Create(_countBase);
        var range = Vector512.Create((double)ColumnStatistics.CountingRange);
        var lowest = Vector512.Create((long)_countMin);
        var highest = Vector512.Create((long)_countMax);
        var min = _minLanes;
        var max = _maxLanes;
        Span<long> bins = stackalloc long[Vector512<long>.Count];
        var j = from;
        for (; j <= values.Length - Vector512<double>.Count; j += Vector512<double>.Count)
        {
            var v = Vector512.LoadUnsafe(ref valueIn, (nuint)j);
            var defined = Vector512.Equals(v, v).AsUInt64();
            var offset = v - countBase;
            var bin = Vector512.ConvertToInt64(offset);
            var counted = Vector512.LessThan(Vector512.Abs(offset), range).AsUInt64()
                & Vector512.Equals(countBase + Vector512.ConvertToDouble(bin), v).AsUInt64()
                & Vector512.GreaterThanOrEqual(bin, lowest).AsUInt64() & Vector512.LessThanOrEqual(bin, highest).AsUInt64();
            if ((counted | ~defined) != Vector512<ulong>.AllBitsSet) break;
            var bits = v.AsUInt64();
            bits = Vector512.AndNot(bits, Vector512.Equals(bits, signBit));
            var negative = Vector512.ShiftRightArithmetic(bits.AsInt64(), 63).AsUInt64();
            var keys = bits ^ (negative | signBit);
            min = Vector512.Min(min, keys | ~defined);
            max = Vector512.Max(max, keys & defined);
            bin.StoreUnsafe(ref MemoryMarshal.GetReference(bins));
            var mask = (uint)defined.ExtractMostSignificantBits();
            _count += BitOperations.PopCount(mask);
            for (; mask != 0; mask &= mask - 1) counts[(int)bins[BitOperations.TrailingZeroCount(mask)] + _countOffset]++;
        }
        _minLanes = min;
        _maxLanes = max;
        return j;
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
            else if (key <= _hi[i] && _windows[i].Append(key)) Narrow(i, _count);
        }
        if (lowerTail) _lowerSum.Add(v);
        if (upperTail)
        {
            _upperSum.Add(v);
            _aboveCount++;
        }
    }

    /// <summary>
    /// <see cref="PlaceOne"/> for the rest of a chunk once the windows have started, window by window instead of value by
    /// value. The windows do not depend on one another: each meets the chunk's defined values in order, with its own
    /// bounds and the count of values seen up to each one (for its narrowing), and the tails' sums belong to the 5th
    /// percentile's window (below it) and the 95th's (above it). So this is <see cref="PlaceOne"/> value after value for
    /// every window, but each window's pass over the keys compares eight at a time and stops only at the keys it keeps.
    /// </summary>
    private void PlaceDefined(ReadOnlySpan<double> values)
    {
        var n = DefinedKeys(values);
        if (n == 0) return;
        var seen = _count;
        for (var i = 0; i < Levels; i++) PlaceInWindow(i, n, seen);
        _count = seen + n;
    }

    /// <summary>
    /// The keys of <paramref name="values"/>' defined rows into the key buffer, and the values beside them, in order; the
    /// extremes of the keys lane by lane. Returns how many.
    /// </summary>
    private int DefinedKeys(ReadOnlySpan<double> values)
    {
        if (_keyBuffer.Length < values.Length)
        {
            _keyBuffer = new ulong[values.Length];
            _valueBuffer = new double[values.Length];
        }
        ref var keyOut = ref MemoryMarshal.GetArrayDataReference(_keyBuffer);
        ref var valueOut = ref MemoryMarshal.GetArrayDataReference(_valueBuffer);
        ref var valueIn = ref MemoryMarshal.GetReference(values);
        var signBit = Vector512.Create(0x8000_0000_0000_0000UL);
        var min = _minLanes;
        var max = _maxLanes;
        var n = 0;
        var j = 0;
        for (; j <= values.Length - Vector512<double>.Count; j += Vector512<double>.Count)
        {
            var v = Vector512.LoadUnsafe(ref valueIn, (nuint)j);
            var bits = v.AsUInt64();
            // SortableKey.Of in every lane: −0 as +0, then every bit flipped for a negative, the sign bit for a positive.
            bits = Vector512.AndNot(bits, Vector512.Equals(bits, signBit));
            var negative = Vector512.ShiftRightArithmetic(bits.AsInt64(), 63).AsUInt64();
            var keys = bits ^ (negative | signBit);
            var defined = Vector512.Equals(v, v).AsUInt64();
            min = Vector512.Min(min, keys | ~defined);
            max = Vector512.Max(max, keys & defined);
            var mask = (uint)defined.ExtractMostSignificantBits();
            if (mask == 0xFF)
            {
                keys.StoreUnsafe(ref keyOut, (nuint)n);
                v.StoreUnsafe(ref valueOut, (nuint)n);
                n += Vector512<double>.Count;
                continue;
            }
            while (mask != 0)
            {
                var lane = BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
                Unsafe.Add(ref keyOut, n) = keys.GetElement(lane);
                Unsafe.Add(ref valueOut, n++) = values[j + lane];
            }
        }
        _minLanes = min;
        _maxLanes = max;
        for (; j < values.Length; j++)
        {
            var v = values[j];
            if (double.IsNaN(v)) continue;
            var key = SortableKey.Of(v);
            if (key < _minKey) _minKey = key;
            if (key > _maxKey) _maxKey = key;
            Unsafe.Add(ref keyOut, n) = key;
            Unsafe.Add(ref valueOut, n++) = v;
        }
        return n;
    }

    /// <summary>
    /// The first <paramref name="n"/> keys of the key buffer through window <paramref name="i"/>, in order, the column
    /// having seen <paramref name="seen"/> values before them: each counted below it, kept (narrowing it when its batch is
    /// full, after which the next keys meet the new bounds) or left above it, and the tail's sum of the 5th percentile's
    /// window (or the 95th's) taken as they go.
    /// </summary>
    private void PlaceInWindow(int i, int n, long seen)
    {
        ref var key0 = ref MemoryMarshal.GetArrayDataReference(_keyBuffer);
        var values = _valueBuffer;
        var tail = i == P5 ? Tail.Lower : i == P95 ? Tail.Upper : Tail.None;
        var groups = n / Vector512<ulong>.Count;
        if (tail != Tail.None && _tailLanes.Length < groups) _tailLanes = new byte[groups];
        ref var tailLanes = ref MemoryMarshal.GetArrayDataReference(_tailLanes);
        long singles = 0;
        var g = 0;
        while (true)
        {
            var single = _lo[i] == _hi[i];
            long below = 0;
            g = Scan(ref key0, g, groups, _lo[i], _hi[i], tail, ref tailLanes, single, ref below, ref singles);
            _pendingBelow[i] += below;
            if (g == groups) break;
            // A group with keys the window keeps, one by one: a narrowing among them gives the next ones new bounds
            // (bounds only ever narrow, so the keys already counted below or left above stay where they are; the count
            // below, given first for the narrowing's plan, may hold up to seven keys after the one narrowing).
            var keys = Vector512.LoadUnsafe(ref key0, (nuint)(g * Vector512<ulong>.Count));
            var lanes = (uint)(Vector512.GreaterThanOrEqual(keys, Vector512.Create(_lo[i])) & Vector512.LessThanOrEqual(keys, Vector512.Create(_hi[i])))
                .ExtractMostSignificantBits();
            while (lanes != 0)
            {
                var at = g * Vector512<ulong>.Count + BitOperations.TrailingZeroCount(lanes);
                lanes &= lanes - 1;
                KeepOrPlace(i, Unsafe.Add(ref key0, at), values[at], seen + at + 1);
            }
            g++;
        }
        // The tails' values the scan met below the 5th percentile's window or above the 95th's.
        if (tail != Tail.None)
        {
            var sum = tail == Tail.Lower ? _lowerSum : _upperSum;
            for (g = 0; g < groups; g++)
            {
                uint lanes = Unsafe.Add(ref tailLanes, g);
                if (lanes == 0) continue;
                if (tail == Tail.Upper) _aboveCount += BitOperations.PopCount(lanes);
                do
                {
                    sum.Add(values[g * Vector512<ulong>.Count + BitOperations.TrailingZeroCount(lanes)]);
                    lanes &= lanes - 1;
                }
                while (lanes != 0);
            }
        }
        for (var j = groups * Vector512<ulong>.Count; j < n; j++)
        {
            var key = Unsafe.Add(ref key0, j);
            if (_lo[i] == _hi[i] && key == _lo[i]) singles++;
            else KeepOrPlace(i, key, values[j], seen + j + 1);
        }
        if (singles > 0) _windows[i].AddToSingleKey(singles);
    }

    private enum Tail { None, Lower, Upper }

    /// <summary>
    /// Groups of eight keys from group <paramref name="g"/> against bounds [<paramref name="lo"/>, <paramref name="hi"/>], up to
    /// the first group with a key the window keeps (returned; <paramref name="groups"/> when none): the keys below are
    /// counted into <paramref name="below"/>, the tail's lanes (below for the lower tail, above for the upper) recorded per
    /// group, and for a single-key window the keys equal to it counted into <paramref name="singles"/> (it keeps none).
    /// Nothing here calls out, so the vectors stay in registers.
    /// </summary>
    private static int Scan(ref ulong key0, int g, int groups, ulong lo, ulong hi, Tail tail, ref byte tailLanes, bool single,
        ref long below, ref long singles)
    {
        var low = Vector512.Create(lo);
        var high = Vector512.Create(hi);
        var under = Vector512<ulong>.Zero;     // each lane's count of keys below (a lane of all bits set is −1)
        long equal = 0;
        for (; g < groups; g++)
        {
            var keys = Vector512.LoadUnsafe(ref key0, (nuint)(g * Vector512<ulong>.Count));
            var lt = Vector512.LessThan(keys, low);
            var gt = Vector512.GreaterThan(keys, high);
            under -= lt;
            if (tail == Tail.Lower) Unsafe.Add(ref tailLanes, g) = (byte)lt.ExtractMostSignificantBits();
            else if (tail == Tail.Upper) Unsafe.Add(ref tailLanes, g) = (byte)gt.ExtractMostSignificantBits();
            var inside = ~(lt | gt);
            if (inside == Vector512<ulong>.Zero) continue;
            if (!single) break;
            equal += BitOperations.PopCount((uint)inside.ExtractMostSignificantBits());
        }
        below += (long)Vector512.Sum(under);
        singles += equal;
        return g;
    }

    /// <summary>
    /// One key through window <paramref name="i"/> with its current bounds (the <paramref name="seen"/>-th value of the
    /// column): counted below, left above, or kept (narrowing the window when its batch is full).
    /// </summary>
    private void KeepOrPlace(int i, ulong key, double value, long seen)
    {
        if (key < _lo[i])
        {
            _pendingBelow[i]++;
            if (i == P5) _lowerSum.Add(value);
        }
        else if (key > _hi[i])
        {
            if (i != P95) return;
            _upperSum.Add(value);
            _aboveCount++;
        }
        else if (_windows[i].Append(key)) Narrow(i, seen);
    }

    /// <summary>The extremes PlaceDefined found, lane by lane, folded into the column's.</summary>
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
            if (held >= _appendLimit) Narrow(i, _count);
        }
    }

    private void GiveBelow(int i)
    {
        _windows[i].Below += _pendingBelow[i];
        _pendingBelow[i] = 0;
    }

    /// <summary>Narrows window <paramref name="i"/> around its rank among <paramref name="seen"/> values; the keys leaving the 5th percentile's window below, or the 95th's above, join the tails' sums.</summary>
    private void Narrow(int i, long seen)
    {
        GiveBelow(i);
        var window = _windows[i];
        var (start, end) = window.Plan(seen);
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
        // A value counted is the count's base + its bin, exactly (v − base may round to a whole number when v is not).
        if (bin != offset || _countBase + bin != v) return false;
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
