namespace Alibaba.ChipSim.Statistics.Streaming;

/// <summary>
/// The keys in [<see cref="Lo"/>, <see cref="Hi"/>] and the wanted ranks among them: <see cref="Below"/> values lie below
/// the range, <see cref="Inside"/> in it. A pass either gathers the keys (few enough) or histograms them.
/// </summary>
internal sealed class RankRange(ulong lo, ulong hi, long below, long inside, int firstRank, int rankCount)
{
    private ulong[]? _gathered;
    private int _filled;
    private KeyHistogram? _histogram;

    public ulong Lo { get; } = lo;
    public ulong Hi { get; } = hi;
    public long Below { get; } = below;
    public long Inside { get; } = inside;

    /// <summary>The wanted ranks in the range: <c>_ranks[FirstRank .. FirstRank + RankCount)</c>.</summary>
    public int FirstRank { get; } = firstRank;

    public int RankCount { get; } = rankCount;

    /// <summary>Every key in the range is the same, or the range is gathered and sorted.</summary>
    public bool IsResolved => Lo == Hi || _gathered is not null && _filled == Inside;

    public long Size => (_gathered?.Length ?? 0) + (_histogram?.Size ?? 0);

    /// <summary>Whether every wanted rank in the range is already known (from pass 0's windows): nothing left to narrow.</summary>
    public bool AllResolved(bool[] resolved)
    {
        for (var r = FirstRank; r < FirstRank + RankCount; r++)
            if (!resolved[r]) return false;
        return true;
    }

    public ulong KeyAt(int rank) => Lo == Hi ? Lo : _gathered![rank - Below];

    public void Begin(int gatherLimit)
    {
        if (Inside <= gatherLimit) _gathered = new ulong[Inside];
        else _histogram = KeyHistogram.Over(Lo, Hi, StreamingColumn.LaterDigitBits);
    }

    public void Add(ulong key)
    {
        if (_gathered is not null) _gathered[_filled++] = key;
        else _histogram!.Add(key);
    }

    /// <summary>The range after its pass: itself sorted (gathered), or the narrower ranges holding its ranks.</summary>
    public IEnumerable<RankRange> End(int[] ranks)
    {
        if (_gathered is not null)
        {
            if (_filled != Inside) throw new InvalidOperationException($"a replay gathered {_filled} of {Inside} values: the run is not reproducible");
            Array.Sort(_gathered);
            return [this];
        }
        var histogram = _histogram!;
        _histogram = null;
        return histogram.Split(Lo, Hi, Below, ranks, FirstRank, RankCount);
    }
}
