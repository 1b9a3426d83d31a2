namespace Alibaba.ChipSim.Statistics.Streaming;

/// <summary>
/// The statistics of one numeric column, exactly as <see cref="ColumnStatistics.Summarize"/> computes them, from a run
/// replayed chunk by chunk in trial order instead of a column held in memory. Each replay of the run is a pass, and a
/// pass sees every value once. Pass 0 takes the count, the extremes and the compensated sum (trial order), histograms
/// the keys over the range of the first chunk, and keeps the keys near the 5th and 95th percentiles
/// (<see cref="LevelWindow"/>); with the mean and (usually) both tail bounds known, pass 1 sums the squared deviations (the
/// same 1,024-trial blocks) and both tails in trial order, counts whole numbers, and narrows the key range holding each
/// other wanted rank (a histogram of the range, or, once at most <see cref="GatherLimit"/> values are left in it, the
/// keys themselves). So most columns need two passes; a rank that escaped its window or a bin too full to gather costs
/// one more. Memory is a few fixed-size buffers per column, whatever the trial count.
/// </summary>
internal sealed class StreamingColumn
{
    /// <summary>A key range holding at most this many values is gathered and sorted rather than histogrammed again.</summary>
    internal const int GatherLimit = 1 << 15;

    private const int FirstDigitBits = 16;
    /// <summary>Bits of the histograms of later passes (a bin too full to gather is split into 2^12).</summary>
    internal const int LaterDigitBits = 12;
    private const int Block = ColumnStatistics.TailBlock;

    private readonly string _name;
    private readonly bool _isBinary;
    private readonly bool _isWholeNumber;

    // Pass 0.
    private long _count;
    private ulong _minKey = ulong.MaxValue, _maxKey;
    private readonly LaneSum _total = new();
    private KeyHistogram? _first;
    private LevelWindow? _lowerWindow = new(ColumnStatistics.Levels[ColumnStatistics.P5]);
    private LevelWindow? _upperWindow = new(ColumnStatistics.Levels[ColumnStatistics.P95]);

    // Later passes.
    private int[] _ranks = [];
    private ulong[] _keysAtRanks = [];
    private bool[] _resolved = [];
    private readonly List<RankRange> _open = [];
    private double _mean;
    private bool _squaresDone, _squaresActive;
    private NeumaierSum _squares, _deviations;
    private double _blockSquares, _blockDeviations;
    private int _blockFill;
    private int[]? _counts;
    private bool _countedActive, _counted, _countedFailed;
    private bool _tailsActive, _tailsDone;
    private double _p5, _p95;
    private readonly ExactSum _lower = new(), _upper = new();
    private long _lowerCount, _upperCount;
    private int _pass = -1;
    private MetricSummary? _result;

    private readonly int _gatherLimit;

    /// <remarks><c>gatherLimit</c>: The most keys one range gathers (tests lower it to force many levels of histograms).</remarks>
    public StreamingColumn(string name, bool isBinary = false, bool isWholeNumber = false, int gatherLimit = GatherLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(gatherLimit, 1);
        _gatherLimit = gatherLimit;
        _name = name;
        _isBinary = isBinary;
        _isWholeNumber = isWholeNumber || isBinary;
    }

    /// <summary>True once the summary is known: no further pass is needed.</summary>
    public bool IsDone => _result is not null;

    /// <summary>Prepares pass <paramref name="pass"/> (0, 1, … in turn); false when this column needs no more passes.</summary>
    public bool BeginPass(int pass)
    {
        if (pass != _pass + 1) throw new InvalidOperationException($"pass {pass} after pass {_pass}");
        _pass = pass;
        if (IsDone) return false;
        if (pass == 0) return true;
        _squaresActive = !_squaresDone;
        _countedActive = _counted && _counts is null;
        if (_countedActive) _counts = new int[(int)(SortableKey.ToDouble(_maxKey) - SortableKey.ToDouble(_minKey)) + 1];
        foreach (var r in _open) r.Begin(_gatherLimit);
        _tailsActive = !_tailsDone && !_counted && TailRanksResolved();
        if (_tailsActive)
        {
            Span<double> quantiles = stackalloc double[ColumnStatistics.Levels.Length];
            ColumnStatistics.Interpolate((int)_count, _ranks, _keysAtRanks, quantiles);
            _p5 = quantiles[ColumnStatistics.P5];
            _p95 = quantiles[ColumnStatistics.P95];
        }
        _blockFill = 0;
        return true;
    }

    /// <summary>
    /// Takes the next <paramref name="values"/> of the run, in trial order: chunks of any size, each following the last, so
    /// the 1,024-trial blocks of the squared deviations start where they do in the column.
    /// </summary>
    public void Consume(ReadOnlySpan<double> values)
    {
        if (IsDone) return;
        if (_pass == 0)
        {
            First(values);
            return;
        }
        if (_squaresActive) Squares(values);
        if (_countedActive) Count(values);
        if (_open.Count > 0) Narrow(values);
        if (_tailsActive) SumTails(values);
    }

    /// <summary>Ends the current pass: what it measured is settled, and the next pass is planned.</summary>
    public void EndPass()
    {
        if (IsDone) return;
        if (_pass == 0)
        {
            EndFirst();
            return;
        }
        if (_squaresActive)
        {
            if (_blockFill > 0) FlushBlock();
            _squaresDone = true;
        }
        if (_tailsActive) _tailsDone = true;
        var ended = _open.ToArray();
        _open.Clear();
        foreach (var range in ended)
            foreach (var narrowed in range.End(_ranks)) Settle(narrowed);
        if (_countedActive && _countedFailed)
        {
            // Not whole numbers after all: select, as ColumnStatistics does.
            _counted = false;
            _counts = null;
            Open(new RankRange(_minKey, _maxKey, 0, _count, 0, _ranks.Length));
        }
        TryFinish();
    }

    /// <summary>
    /// The numbers this column holds for the current pass (gathered keys, histogram bins with their extremes, counts of whole
    /// numbers): bounded by the histogram sizes and the gather limit, never by the trial count.
    /// </summary>
    internal long HeldNumbers
    {
        get
        {
            long held = (_first?.Size ?? 0) + (_lowerWindow?.Size ?? 0) + (_upperWindow?.Size ?? 0);
            foreach (var r in _open) held += r.Size;
            return held + (_counts?.Length ?? 0);
        }
    }

    /// <summary>The summary; only when <see cref="IsDone"/>.</summary>
    public MetricSummary Result => _result ?? throw new InvalidOperationException($"column {_name} needs more passes");

    private void First(ReadOnlySpan<double> values)
    {
        if (_first is null)
        {
            // The histogram of pass 0: equal-width bins of value over the first chunk's range (values outside counted apart),
            // which suits ranges spanning many binades (0 to 3e5 chips) as well as narrow ones; or, when the range is not
            // finite, the keys sharing the first values' common prefix.
            ulong lo = ulong.MaxValue, hi = 0;
            foreach (var v in values)
            {
                if (double.IsNaN(v)) continue;
                var key = SortableKey.Of(v);
                if (key < lo) lo = key;
                if (key > hi) hi = key;
            }
            if (lo <= hi) _first = KeyHistogram.OverValues(lo, hi, FirstDigitBits) ?? KeyHistogram.OverPrefix(lo, hi, FirstDigitBits);
        }
        var first = _first;
        _total.Add(values);
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            _count++;
            var key = SortableKey.Of(v);
            if (key < _minKey) _minKey = key;
            if (key > _maxKey) _maxKey = key;
            first?.Add(key);
            _lowerWindow!.Add(key, _count);
            _upperWindow!.Add(key, _count);
        }
    }

    private void EndFirst()
    {
        if (_count == 0)
        {
            _result = MetricSummary.Empty(_name);
            return;
        }
        var count = (int)_count;
        _mean = _total.Value / count;
        Span<int> ranks = stackalloc int[2 * ColumnStatistics.Levels.Length];
        _ranks = ranks[..ColumnStatistics.Ranks(count, ranks)].ToArray();
        _keysAtRanks = new ulong[_ranks.Length];
        _resolved = new bool[_ranks.Length];
        ResolveFromWindow(_lowerWindow!, ColumnStatistics.P5);
        ResolveFromWindow(_upperWindow!, ColumnStatistics.P95);
        _lowerWindow = _upperWindow = null;
        var min = SortableKey.ToDouble(_minKey);
        var max = SortableKey.ToDouble(_maxKey);
        _counted = _isWholeNumber && count > RankSelector.SortBelow && max - min < ColumnStatistics.CountingRange;
        if (_counted)
        {
            _first = null;
            return;
        }
        if (_minKey == _maxKey || _first is null)
        {
            Open(new RankRange(_minKey, _maxKey, 0, _count, 0, _ranks.Length));
            return;
        }
        foreach (var range in _first.Split(_minKey, _maxKey, 0, _ranks, 0, _ranks.Length))
            if (!range.AllResolved(_resolved)) Settle(range);
        _first = null;
    }

    /// <summary>The two order statistics that the level's quantile interpolates between, when pass 0's window holds them.</summary>
    private void ResolveFromWindow(LevelWindow window, int level)
    {
        var (lower, upper, _) = NumpyQuantile.Position(_count, ColumnStatistics.Levels[level]);
        foreach (var rank in new[] { lower, upper })
        {
            var i = Array.IndexOf(_ranks, (int)rank);
            if (window.TryKeyAt(rank, out var key))
            {
                _keysAtRanks[i] = key;
                _resolved[i] = true;
            }
        }
    }

    /// <summary>A narrowed range: resolved when its keys are all equal, else open for the next pass.</summary>
    private void Settle(RankRange range)
    {
        if (range.IsResolved)
        {
            for (var r = range.FirstRank; r < range.FirstRank + range.RankCount; r++)
            {
                _keysAtRanks[r] = range.KeyAt(_ranks[r]);
                _resolved[r] = true;
            }
            return;
        }
        Open(range);
    }

    private void Open(RankRange range)
    {
        // Kept in key order: a value is looked up among the ranges from the lowest.
        var at = 0;
        while (at < _open.Count && _open[at].Lo < range.Lo) at++;
        _open.Insert(at, range);
    }

    private bool TailRanksResolved()
    {
        var count = _count;
        var (l5, u5, _) = NumpyQuantile.Position(count, ColumnStatistics.Levels[ColumnStatistics.P5]);
        var (l95, u95, _) = NumpyQuantile.Position(count, ColumnStatistics.Levels[ColumnStatistics.P95]);
        return IsResolved(l5) && IsResolved(u5) && IsResolved(l95) && IsResolved(u95);
    }

    private bool IsResolved(long rank)
    {
        var i = Array.IndexOf(_ranks, (int)rank);
        return i >= 0 && _resolved[i];
    }

    private void Squares(ReadOnlySpan<double> values)
    {
        var mean = _mean;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                var d = v - mean;
                _blockSquares += d * d;
                _blockDeviations += d;
            }
            if (++_blockFill == Block) FlushBlock();
        }
    }

    private void FlushBlock()
    {
        _squares.Add(_blockSquares);
        _deviations.Add(_blockDeviations);
        _blockSquares = _blockDeviations = 0;
        _blockFill = 0;
    }

    private void Count(ReadOnlySpan<double> values)
    {
        if (_countedFailed) return;
        var counts = _counts!;
        var min = SortableKey.ToDouble(_minKey);
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            var offset = v - min;
            var bin = (int)offset;
            if (bin != offset)
            {
                _countedFailed = true;
                return;
            }
            counts[bin]++;
        }
    }

    private void Narrow(ReadOnlySpan<double> values)
    {
        var open = _open;
        var lowest = open[0].Lo;
        var highest = open[^1].Hi;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            var key = SortableKey.Of(v);
            if (key < lowest || key > highest) continue;
            for (var i = 0; i < open.Count; i++)
            {
                var range = open[i];
                if (key < range.Lo) break;
                if (key > range.Hi) continue;
                range.Add(key);
                break;
            }
        }
    }

    private void SumTails(ReadOnlySpan<double> values)
    {
        var p5 = _p5;
        var p95 = _p95;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            if (v <= p5)
            {
                _lower.Add(v);
                _lowerCount++;
            }
            if (v >= p95)
            {
                _upper.Add(v);
                _upperCount++;
            }
        }
    }

    private void TryFinish()
    {
        if (!_squaresDone) return;
        var count = (int)_count;
        Span<double> quantiles = stackalloc double[ColumnStatistics.Levels.Length];
        ColumnStatistics.Tails tails;
        if (_counted)
        {
            if (_counts is null) return;
            ColumnStatistics.Histogram.FromCounts(_counts, count, SortableKey.ToDouble(_minKey), _mean, quantiles, out tails);
        }
        else
        {
            if (!_tailsDone || _open.Count > 0) return;
            ColumnStatistics.Interpolate(count, _ranks, _keysAtRanks, quantiles);
            var drift = _deviations.Value;
            tails = new ColumnStatistics.Tails(Math.Max(0, _squares.Value - drift * drift / count),
                _lower.Value / _lowerCount, _upper.Value / _upperCount);
        }
        _result = ColumnStatistics.Finish(_name, _count, _total.Value, _minKey, _maxKey, quantiles, tails, _isBinary);
        _counts = null;
    }
}
