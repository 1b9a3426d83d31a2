namespace Alibaba.ChipSim.Statistics.Streaming;

/// <summary>
/// Counts of keys in equal-width bins of a key range (bin = (key − lo) >> shift), with the smallest and largest key seen in
/// each bin, and counts below and above the range: the wanted ranks then fall into bins whose exact key ranges are known.
/// </summary>
internal sealed class KeyHistogram
{
    private readonly ulong _lo, _hi;
    private readonly int _shift;
    private readonly double _loValue, _scale;
    private readonly int[] _counts;
    private readonly ulong[] _min, _max;
    private long _belowRange, _aboveRange;

    private KeyHistogram(ulong lo, ulong hi, int bits)
    {
        _lo = lo;
        _hi = hi;
        var width = 64 - System.Numerics.BitOperations.LeadingZeroCount(hi - lo);
        _shift = Math.Max(0, width - bits);
        var bins = (int)((hi - lo) >> _shift) + 1;
        _counts = new int[bins];
        _min = new ulong[bins];
        _max = new ulong[bins];
        Array.Fill(_min, ulong.MaxValue);
    }

    /// <summary>Bins, each a count and two extremes.</summary>
    public long Size => 3L * _counts.Length;

    private KeyHistogram(ulong lo, ulong hi, double loValue, double scale, int bins)
    {
        _lo = lo;
        _hi = hi;
        _loValue = loValue;
        _scale = scale;
        _counts = new int[bins];
        _min = new ulong[bins];
        _max = new ulong[bins];
        Array.Fill(_min, ulong.MaxValue);
    }

    /// <summary>
    /// 2^<paramref name="bits"/> bins of equal width in value over the values of keys [lo, hi]: bin ⌊(v − lo)·scale⌋, which
    /// rounding keeps monotone in v, so a lower bin holds only smaller keys. Null when the width is not a finite positive number.
    /// </summary>
    public static KeyHistogram? OverValues(ulong lo, ulong hi, int bits)
    {
        var low = SortableKey.ToDouble(lo);
        var width = SortableKey.ToDouble(hi) - low;
        var bins = 1 << bits;
        var scale = bins / width;
        if (!(width > 0) || !double.IsFinite(width) || !double.IsFinite(scale) || !(scale > 0)) return null;
        return new KeyHistogram(lo, hi, low, scale, bins);
    }

    /// <summary>Over [lo, hi] exactly (a range every key added lies in).</summary>
    public static KeyHistogram Over(ulong lo, ulong hi, int bits) => new(lo, hi, bits);

    /// <summary>Over every key sharing the common bit prefix of <paramref name="lo"/> and <paramref name="hi"/> (keys outside are counted apart).</summary>
    public static KeyHistogram OverPrefix(ulong lo, ulong hi, int bits)
    {
        var differing = 64 - System.Numerics.BitOperations.LeadingZeroCount(lo ^ hi);
        var mask = differing == 64 ? ulong.MaxValue : (1UL << differing) - 1;
        return new KeyHistogram(lo & ~mask, lo | mask, bits);
    }

    public void Add(ulong key)
    {
        if (key < _lo)
        {
            _belowRange++;
            return;
        }
        if (key > _hi)
        {
            _aboveRange++;
            return;
        }
        var bin = _scale > 0
            ? (int)Math.Min(_counts.Length - 1, (SortableKey.ToDouble(key) - _loValue) * _scale)
            : (int)((key - _lo) >> _shift);
        _counts[bin]++;
        if (key < _min[bin]) _min[bin] = key;
        if (key > _max[bin]) _max[bin] = key;
    }

    /// <summary>
    /// The ranges holding <c>ranks[first .. first + count)</c>, given that <paramref name="below"/> values lie below
    /// <paramref name="lo"/> and every key added lies in [<paramref name="lo"/>, <paramref name="hi"/>]: one per bin (or
    /// the part below or above the histogram's range) holding a wanted rank, bounded by the keys seen in it.
    /// </summary>
    public IEnumerable<RankRange> Split(ulong lo, ulong hi, long below, int[] ranks, int first, int count)
    {
        var result = new List<RankRange>();
        var r = first;
        var end = first + count;
        // The part below the histogram's range: [lo, _lo − 1].
        var cumulative = below;
        if (_belowRange > 0)
        {
            var start = r;
            while (r < end && ranks[r] < cumulative + _belowRange) r++;
            if (r > start) result.Add(new RankRange(lo, _lo - 1, cumulative, _belowRange, start, r - start));
            cumulative += _belowRange;
        }
        for (var bin = 0; bin < _counts.Length && r < end; bin++)
        {
            var c = _counts[bin];
            if (c == 0) continue;
            var start = r;
            while (r < end && ranks[r] < cumulative + c) r++;
            if (r > start) result.Add(new RankRange(_min[bin], _max[bin], cumulative, c, start, r - start));
            cumulative += c;
        }
        if (r < end) result.Add(new RankRange(_hi + 1, hi, cumulative, _aboveRange, r, end - r));
        return result;
    }
}
