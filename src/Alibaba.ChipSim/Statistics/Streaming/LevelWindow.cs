namespace Alibaba.ChipSim.Statistics.Streaming;

/// <summary>
/// The keys near one quantile level of a column, kept while the column goes past once: a key range [<see cref="Lo"/>,
/// <see cref="Hi"/>] holding every key seen in it (as distinct keys with counts) and the count of keys below it
/// (<see cref="Below"/>, kept by the caller). The window only ever narrows, around the level's rank among the values seen
/// so far, to ±<see cref="Spread"/> standard errors of that rank (and at most the distinct-key limit), so a rank it
/// reports is exact whatever the data; a rank that fell outside is not reported (the column then finds it another way).
/// </summary>
internal sealed class LevelWindow
{
    /// <summary>Most distinct keys kept after a narrowing, by default: enough for ±6 standard errors of the median at 10⁸ trials.</summary>
    internal const int DefaultDistinctLimit = 1 << 17;

    /// <summary>Keys appended between two narrowings, by default.</summary>
    internal const int DefaultAppendLimit = 1 << 13;

    /// <summary>Standard errors of the rank kept on either side (a miss costs more work, never a wrong number).</summary>
    private const double Spread = 6;

    private readonly double _level;
    private readonly int _distinctLimit;
    private ulong[] _keys = new ulong[64];
    private int[] _counts = new int[64];
    private int _distinct;
    private readonly ulong[] _appended;
    private int _filled;

    public LevelWindow(double level, int distinctLimit = DefaultDistinctLimit, int appendLimit = DefaultAppendLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(distinctLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(appendLimit, 1);
        _level = level;
        _distinctLimit = distinctLimit;
        _appended = new ulong[appendLimit];
    }

    public double Level => _level;

    /// <summary>The lowest key the window holds; keys below it are only counted.</summary>
    public ulong Lo { get; private set; }

    /// <summary>The highest key the window holds; keys above it are dropped.</summary>
    public ulong Hi { get; private set; } = ulong.MaxValue;

    /// <summary>The keys seen below <see cref="Lo"/> (the caller counts the keys that arrive below it; narrowing adds the rest).</summary>
    public long Below { get; set; }

    /// <summary>Numbers held: keys and counts, and the append buffer.</summary>
    public long Size => _keys.Length + _counts.Length + _appended.Length;

    /// <summary>
    /// Places the <paramref name="seen"/>-th key (counting this one) of a column by itself: counted below, dropped above, or
    /// kept, narrowing the window when its batch is full (a column that places its keys itself uses <see cref="Append"/>).
    /// </summary>
    public void Add(ulong key, long seen)
    {
        if (key < Lo)
        {
            Below++;
            return;
        }
        if (key > Hi || !Append(key)) return;
        var (start, end) = Plan(seen);
        Keep(start, end);
    }

    /// <summary>A window of at most this many distinct keys counts a key it already holds in place instead of appending it.</summary>
    private const int CountInPlaceBelow = 32;

    /// <summary>
    /// Keeps a key inside [Lo, Hi]; true when the append buffer is now full (the caller then narrows). A window over a few
    /// distinct values (a 0/1 metric, months, a point mass such as "nothing delivered") counts a key it holds in place, so
    /// that such columns do not sort every value.
    /// </summary>
    public bool Append(ulong key)
    {
        if (_distinct is > 0 and <= CountInPlaceBelow)
        {
            var keys = _keys;
            for (var i = 0; i < _distinct; i++)
            {
                if (keys[i] != key) continue;
                _counts[i]++;
                return false;
            }
        }
        _appended[_filled++] = key;
        return _filled == _appended.Length;
    }

    /// <summary>Counts <paramref name="times"/> more of the one key a window narrowed to a single key holds (Lo = Hi).</summary>
    public void AddToSingleKey(long times)
    {
        if (Lo != Hi || _distinct != 1) throw new InvalidOperationException("not a single-key window");
        _counts[0] = checked((int)(_counts[0] + times));
    }

    /// <summary>The distinct keys held (after <see cref="Merge"/>), ascending, and their counts.</summary>
    public int Distinct => _distinct;

    public ulong KeyAt(int i) => _keys[i];

    public int CountAt(int i) => _counts[i];

    /// <summary>
    /// The distinct keys to keep around the level's rank among <paramref name="seen"/> values: [start, end] after
    /// <see cref="Merge"/>. The caller may read the keys outside (they leave the window) before <see cref="Keep"/>.
    /// </summary>
    public (int Start, int End) Plan(long seen)
    {
        Merge();
        var estimate = _level * (seen - 1) - Below;
        var half = Spread * Math.Sqrt(_level * (1 - _level) * seen) + 64;
        var from = estimate - half;
        var to = estimate + half;
        long cumulative = 0;
        int start = -1, end = -1, centre = 0;
        for (var i = 0; i < _distinct; i++)
        {
            var next = cumulative + _counts[i];
            if (start < 0 && next > from) start = i;
            if (cumulative <= estimate) centre = i;
            if (cumulative <= to) end = i;
            cumulative = next;
        }
        if (start < 0) start = _distinct - 1;
        if (end < start) end = start;
        if (end - start + 1 > _distinctLimit)
        {
            start = Math.Clamp(centre - _distinctLimit / 2, start, end);
            end = Math.Min(end, start + _distinctLimit - 1);
        }
        return (start, end);
    }

    /// <summary>
    /// Starts the window holding every key seen so far: <paramref name="keys"/> distinct and ascending, with their counts
    /// (the caller then narrows it with <see cref="Plan"/> and <see cref="Keep"/>).
    /// </summary>
    public void Seed(ReadOnlySpan<ulong> keys, ReadOnlySpan<int> counts)
    {
        if (_distinct != 0 || _filled != 0 || Below != 0) throw new InvalidOperationException("a window is seeded once, before any key");
        if (_keys.Length < keys.Length)
        {
            var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)keys.Length);
            _keys = new ulong[size];
            _counts = new int[size];
        }
        keys.CopyTo(_keys);
        counts.CopyTo(_counts);
        _distinct = keys.Length;
    }

    /// <summary>Keeps the distinct keys [start, end] of <see cref="Plan"/>: those below now count in <see cref="Below"/>.</summary>
    public void Keep(int start, int end)
    {
        for (var i = 0; i < start; i++) Below += _counts[i];
        Lo = _keys[start];
        Hi = _keys[end];
        var kept = end - start + 1;
        Array.Copy(_keys, start, _keys, 0, kept);
        Array.Copy(_counts, start, _counts, 0, kept);
        _distinct = kept;
    }

    /// <summary>The key at <paramref name="rank"/> (0-based, ascending) of all the values seen, when the window holds it.</summary>
    public bool TryKeyAt(long rank, out ulong key)
    {
        Merge();
        key = 0;
        var local = rank - Below;
        if (local < 0) return false;
        for (var i = 0; i < _distinct; i++)
        {
            if (local < _counts[i])
            {
                key = _keys[i];
                return true;
            }
            local -= _counts[i];
        }
        return false;
    }

    private const int DigitBits = 11;

    [ThreadStatic] private static ulong[]? _scratch;
    [ThreadStatic] private static int[]? _digitCounts;

    /// <summary>
    /// Sorts keys ascending: least-significant-digit radix sort, 11 bits a pass, over only the bits in which the keys
    /// differ (a window's keys share most of theirs), about 3× faster than a comparison sort for a window's batch.
    /// </summary>
    internal static void RadixSort(Span<ulong> keys)
    {
        if (keys.Length < 64)
        {
            keys.Sort();
            return;
        }
        ulong lo = ulong.MaxValue, hi = 0;
        foreach (var k in keys)
        {
            if (k < lo) lo = k;
            if (k > hi) hi = k;
        }
        if (lo == hi) return;
        var width = 64 - System.Numerics.BitOperations.LeadingZeroCount(hi - lo);
        var scratch = _scratch is { } s && s.Length >= keys.Length ? s : (_scratch = new ulong[Math.Max(keys.Length, 1 << 13)]);
        var counts = _digitCounts ??= new int[1 << DigitBits];
        Span<ulong> from = keys, to = scratch.AsSpan(0, keys.Length);
        for (var shift = 0; shift < width; shift += DigitBits)
        {
            Array.Clear(counts);
            foreach (var k in from) counts[(int)(((k - lo) >> shift) & ((1 << DigitBits) - 1))]++;
            var sum = 0;
            for (var d = 0; d < counts.Length; d++)
            {
                var c = counts[d];
                counts[d] = sum;
                sum += c;
            }
            foreach (var k in from) to[counts[(int)(((k - lo) >> shift) & ((1 << DigitBits) - 1))]++] = k;
            var swap = from;
            from = to;
            to = swap;
        }
        if (from != keys) from.CopyTo(keys);
    }

    /// <summary>Sorts the appended keys into the distinct keys and their counts, in place from the back.</summary>
    public void Merge()
    {
        if (_filled == 0) return;
        var appended = _appended.AsSpan(0, _filled);
        RadixSort(appended);
        var capacity = _distinct + _filled;
        if (_keys.Length < capacity)
        {
            var size = (int)Math.Min(System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity), Array.MaxLength);
            Array.Resize(ref _keys, size);
            Array.Resize(ref _counts, size);
        }
        // Merge from the back: position w is never ahead of the unread kept entries.
        int a = _distinct - 1, b = _filled - 1, w = capacity - 1;
        while (b >= 0)
        {
            if (a >= 0 && _keys[a] > appended[b])
            {
                _keys[w] = _keys[a];
                _counts[w--] = _counts[a--];
            }
            else
            {
                _keys[w] = appended[b--];
                _counts[w--] = 1;
            }
        }
        // Entries [0, a] are still in place; then run-length the merged entries forward.
        var n = 0;
        for (var i = 0; i < capacity; i++)
        {
            if (i > a && i <= w) continue; // the gap the merge left
            var key = _keys[i];
            var count = _counts[i];
            if (n > 0 && _keys[n - 1] == key) _counts[n - 1] += count;
            else
            {
                _keys[n] = key;
                _counts[n++] = count;
            }
        }
        _distinct = n;
        _filled = 0;
    }
}
