namespace Alibaba.ChipSim.Statistics.Streaming;

/// <summary>
/// The keys near one quantile level of a column, kept while the column streams past in its first pass, so that the
/// order statistics around that level (the 5th and 95th percentiles, which the tails' trial-order sums need before
/// they can start) are known when the pass ends instead of one pass later. The window is a key range
/// [<c>lo</c>, <c>hi</c>] holding every key seen in it (as distinct keys with counts) and the count of keys below it; it
/// only ever narrows, around the level's rank in the values seen so far, to ±<see cref="Spread"/> standard errors of
/// that rank and at most <see cref="DistinctLimit"/> distinct keys. Whatever the data, a rank it reports is exact: a
/// rank that fell outside the window is simply not reported (the column then finds it in a later pass).
/// </summary>
internal sealed class RankWindow
{
    /// <summary>Most distinct keys kept after a narrowing; the memory of a window is a few times this, whatever the trial count.</summary>
    internal const int DistinctLimit = 1 << 15;

    /// <summary>Standard errors of the rank kept on either side (a miss costs one more pass, never a wrong number).</summary>
    private const double Spread = 6;

    private const int AppendLimit = 1 << 13;

    private readonly double _level;
    private ulong _lo, _hi = ulong.MaxValue;
    private long _below, _seen;
    private ulong[] _keys = new ulong[256];
    private int[] _counts = new int[256];
    private int _distinct;
    private ulong[] _appended = new ulong[256];
    private int _filled;

    public RankWindow(double level) => _level = level;

    /// <summary>Numbers held: bounded by <see cref="DistinctLimit"/> and the append buffer, never by the trial count.</summary>
    public long Size => _keys.Length + _counts.Length + _appended.Length;

    public void Add(ulong key)
    {
        if (_filled == _appended.Length)
        {
            // Narrowed before the key is placed, so that it is placed against the window it lands in.
            if (_appended.Length < AppendLimit) Array.Resize(ref _appended, 2 * _appended.Length);
            else Narrow();
        }
        _seen++;
        if (key < _lo)
        {
            _below++;
            return;
        }
        if (key > _hi) return;
        _appended[_filled++] = key;
    }

    /// <summary>The key at <paramref name="rank"/> (0-based, ascending) of all the values added, when the window holds it.</summary>
    public bool TryKeyAt(long rank, out ulong key)
    {
        Merge();
        key = 0;
        var local = rank - _below;
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

    /// <summary>Merges the appended keys, then keeps only the distinct keys around the level's rank among the values seen.</summary>
    private void Narrow()
    {
        Merge();
        var estimate = _level * (_seen - 1) - _below;
        var half = Spread * Math.Sqrt(_level * (1 - _level) * _seen) + 64;
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
        if (end - start + 1 > DistinctLimit)
        {
            start = Math.Clamp(centre - DistinctLimit / 2, start, end);
            end = Math.Min(end, start + DistinctLimit - 1);
        }
        for (var i = 0; i < start; i++) _below += _counts[i];
        _lo = _keys[start];
        _hi = _keys[end];
        var kept = end - start + 1;
        Array.Copy(_keys, start, _keys, 0, kept);
        Array.Copy(_counts, start, _counts, 0, kept);
        _distinct = kept;
    }

    /// <summary>
    /// Sorts the appended keys into the distinct keys and their counts, in place from the back (the arrays grow only
    /// while the window does, so a long run allocates nothing here after its start).
    /// </summary>
    private void Merge()
    {
        if (_filled == 0) return;
        var appended = _appended.AsSpan(0, _filled);
        appended.Sort();
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
