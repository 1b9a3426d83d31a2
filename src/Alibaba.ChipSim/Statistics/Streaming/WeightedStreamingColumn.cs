using System.Runtime.Intrinsics;
using Alibaba.ChipSim.Statistics.Weighted;

namespace Alibaba.ChipSim.Statistics.Streaming;

/// <summary>
/// One numeric column of a run conditioned on history, seen pass after pass in trial order without being kept
/// (docs/running-big.md, "Bounded memory"): the same summary, bit for bit, as
/// <see cref="WeightedColumnStatistics.Summarize"/> over the column and its weights held in memory. A weighted
/// statistic needs things a first look cannot know (the largest weight divides every weight; the tails need the
/// percentiles), so the column takes a few passes, each a replay of the same trials:
/// <list type="number">
/// <item>the range: the counted trials (defined, weight &gt; 0), the extreme keys, the largest weight, and whether
/// every counted trial weighs the same (then the summary is the unweighted one of those trials, which an
/// <see cref="OnePassColumn"/> gives from the next pass on);</item>
/// <item>the sums (weighted total, Σu, Σu², in trial order as in memory), a whole-number column's weight per value
/// (which settles everything at once, as the counting path in memory does), and a histogram of the keys with each
/// bucket's exact weight in <see cref="WeightUnits"/>, which places every percentile in one bucket;</item>
/// <item>a bucket holding too many keys is split again (a further pass); one small enough is gathered, and its keys
/// sorted give the cumulative weights C_i exactly as the sorted column does (a single key, however many trials hold
/// it, is followed trial by trial instead: its trials are in sorted order already);</item>
/// <item>the squared deviations and the tails, as in memory, once the mean and the percentiles are known.</item>
/// </list>
/// Memory: a histogram of <see cref="DefaultBuckets"/> buckets and at most <c>gatherLimit</c> keys per percentile,
/// whatever the trial count.
/// </summary>
internal sealed class WeightedStreamingColumn
{
    /// <summary>Buckets of each histogram (a power of two).</summary>
    internal const int DefaultBuckets = 1 << 14;

    private const int Block = ColumnStatistics.TailBlock;
    private const int P5 = ColumnStatistics.P5, P95 = ColumnStatistics.P95;
    private static readonly int Levels = ColumnStatistics.Levels.Length;

    private enum Stage { Range, Measure, Locate, Moments, Done }

    private readonly string _name;
    private readonly bool _isBinary, _isWholeNumber;
    private readonly int _buckets, _gatherLimit;
    private Stage _stage = Stage.Range;
    private int _pass = -1;
    private MetricSummary? _result;

    // Range.
    private int _count;
    private ulong _minKey = ulong.MaxValue, _maxKey;
    private double _largest, _firstWeight = double.NaN;
    private bool _unequal;

    // Every counted trial weighs the same: the unweighted summary of those trials (the others as missing).
    private OnePassColumn? _equal;
    private double[] _masked = [];

    // Measure.
    private NeumaierSum _total, _v1, _v2;
    private bool _counted, _binsFailed;
    private double[]? _binWeight, _lastWeight;
    private Histogram? _histogram;
    private UInt128 _lastUnits; // the last value's (in sorted order: the last trial holding the largest key)
    private double _mean, _sumWeights, _squaredWeights, _span;

    // Locate: one region per percentile level.
    private readonly Region[] _regions;
    private readonly double[] _quantiles = new double[Levels];

    // Moments.
    private long _row;
    private double _blockSquares, _blockDeviations;
    private NeumaierSum _squares, _deviations, _lower, _upper, _lowerWeight, _upperWeight;

    /// <remarks><c>buckets</c> and <c>gatherLimit</c>: tests make them small to force further passes.</remarks>
    public WeightedStreamingColumn(string name, bool isBinary = false, bool isWholeNumber = false,
        int buckets = DefaultBuckets, int gatherLimit = StreamingColumn.GatherLimit)
    {
        if (buckets < 2 || !int.IsPow2(buckets)) throw new ArgumentOutOfRangeException(nameof(buckets), buckets, "a power of two ≥ 2");
        ArgumentOutOfRangeException.ThrowIfLessThan(gatherLimit, 1);
        _name = name;
        _isBinary = isBinary;
        _isWholeNumber = isWholeNumber;
        _buckets = buckets;
        _gatherLimit = gatherLimit;
        if (Levels > Groups * 4) throw new InvalidOperationException($"{Levels} percentile levels do not fit {Groups} groups of four");
        _regions = new Region[Levels];
    }

    /// <summary>True once the summary is known.</summary>
    public bool IsDone => _result is not null;

    /// <summary>The summary; only when <see cref="IsDone"/>.</summary>
    public MetricSummary Result => _result ?? throw new InvalidOperationException($"column {_name} needs more passes");

    /// <summary>Prepares pass <paramref name="pass"/> (0, 1, … in turn); false when this column needs no more passes.</summary>
    public bool BeginPass(int pass)
    {
        if (pass != _pass + 1) throw new InvalidOperationException($"pass {pass} after pass {_pass}");
        _pass = pass;
        if (IsDone) return false;
        if (_equal is not null)
        {
            if (_equal.BeginPass(pass - 1)) return true;
            _result = _equal.Result with { Ess = _count };
            return false;
        }
        if (_stage == Stage.Locate)
            foreach (var region in _regions)
                if (!region.Settled) region.Begin(_buckets, _gatherLimit);
        if (_stage == Stage.Moments) _row = 0;
        return true;
    }

    /// <summary>Takes the next values of the run and their trials' weights, in trial order, in chunks of any size.</summary>
    public void Consume(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        if (IsDone) return;
        if (values.Length != weights.Length) throw new ArgumentException($"{weights.Length} weights for {values.Length} values", nameof(weights));
        if (_equal is not null)
        {
            if (_masked.Length < values.Length) _masked = new double[values.Length];
            var masked = _masked.AsSpan(0, values.Length);
            for (var t = 0; t < values.Length; t++) masked[t] = weights[t] == 0 ? double.NaN : values[t];
            _equal.Consume(masked);
            return;
        }
        switch (_stage)
        {
            case Stage.Range: ConsumeRange(values, weights); break;
            case Stage.Measure: ConsumeMeasure(values, weights); break;
            case Stage.Locate: ConsumeLocate(values, weights); break;
            case Stage.Moments: ConsumeMoments(values, weights); break;
        }
    }

    /// <summary>Ends the pass: what it learnt decides the next stage (or the summary).</summary>
    public void EndPass()
    {
        if (IsDone) return;
        if (_equal is not null)
        {
            _equal.EndPass();
            return;
        }
        switch (_stage)
        {
            case Stage.Range: EndRange(); break;
            case Stage.Measure: EndMeasure(); break;
            case Stage.Locate: EndLocate(); break;
            case Stage.Moments: EndMoments(); break;
        }
    }

    private void ConsumeRange(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        for (var t = 0; t < values.Length; t++)
        {
            var w = weights[t];
            if (!(w >= 0) || double.IsInfinity(w))
                throw new ArgumentOutOfRangeException(nameof(weights), w, "a weight must be a finite number ≥ 0");
            var v = values[t];
            if (double.IsNaN(v) || w == 0) continue;
            _count++;
            var key = SortableKey.Of(v);
            if (key < _minKey) _minKey = key;
            if (key > _maxKey) _maxKey = key;
            if (w > _largest) _largest = w;
            if (double.IsNaN(_firstWeight)) _firstWeight = w;
            else if (w != _firstWeight) _unequal = true;
        }
    }

    private void EndRange()
    {
        if (_count == 0)
        {
            _result = MetricSummary.Empty(_name) with { Ess = 0 };
            return;
        }
        if (!_unequal)
        {
            _equal = new OnePassColumn(_name, _isBinary, _isWholeNumber);
            return;
        }
        var min = SortableKey.ToDouble(_minKey);
        var max = SortableKey.ToDouble(_maxKey);
        _counted = (_isWholeNumber || _isBinary) && _count > RankSelector.SortBelow && max - min < ColumnStatistics.CountingRange;
        if (_counted)
        {
            var bins = (int)(max - min) + 1;
            _binWeight = new double[bins];
            _lastWeight = new double[bins];
        }
        _histogram = new Histogram(_minKey, _maxKey, _buckets);
        _stage = Stage.Measure;
    }

    private void ConsumeMeasure(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        var largest = _largest;
        var min = SortableKey.ToDouble(_minKey);
        var histogram = _histogram!;
        for (var t = 0; t < values.Length; t++)
        {
            var v = values[t];
            var w = weights[t];
            if (double.IsNaN(v) || !(w > 0)) continue;
            var u = w / largest;
            _total.Add(u * v);
            _v1.Add(u);
            _v2.Add(u * u);
            var key = SortableKey.Of(v);
            var units = WeightUnits.Of(u);
            histogram.Add(key, units);
            if (key == _maxKey) _lastUnits = units;
            if (_counted && !_binsFailed)
            {
                var offset = v - min;
                var bin = (int)offset;
                if (bin != offset) _binsFailed = true; // not a whole number after all: the sort path's percentiles instead
                else
                {
                    _binWeight![bin] += u;
                    _lastWeight![bin] = u;
                }
            }
        }
    }

    private void EndMeasure()
    {
        _sumWeights = _v1.Value;
        _squaredWeights = _v2.Value;
        _mean = _total.Value / _sumWeights;
        if (_counted && !_binsFailed)
        {
            // WeightedColumnStatistics' counting path: everything follows from the weight per value.
            var min = SortableKey.ToDouble(_minKey);
            WeightedQuantiles.FromBins(min, _binWeight, _lastWeight, ColumnStatistics.Levels, _quantiles);
            var (squares, lower, upper) = WeightedColumnStatistics.BinMoments(min, _binWeight, _mean, _quantiles[P5], _quantiles[P95]);
            Finish(squares, lower, upper);
            return;
        }
        _binWeight = _lastWeight = null;
        _span = WeightUnits.ToDouble(_histogram!.TotalUnits - _lastUnits);
        for (var level = 0; level < Levels; level++)
        {
            var h = _span * ColumnStatistics.Levels[level];
            _regions[level] = _histogram.Locate(h) with { Level = h };
        }
        _histogram = null;
        _stage = Stage.Locate;
    }

    private void ConsumeLocate(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        // Every counted key is tested against the regions' bounds side by side, four regions to a vector (a settled
        // region and the padding take bounds no key passes): each region above the key takes the key as a candidate
        // successor, and only a key inside some region (a few in the run's whole pass) goes to the regions one by one.
        const ulong Never = ulong.MaxValue;
        Span<ulong> bounds = stackalloc ulong[3 * Groups * 4];
        var lo = bounds[..(Groups * 4)];
        var hi = bounds.Slice(Groups * 4, Groups * 4);
        var successor = bounds.Slice(2 * Groups * 4, Groups * 4);
        lo.Fill(Never);
        hi.Fill(Never);
        successor.Fill(Never);
        for (var level = 0; level < Levels; level++)
        {
            var region = _regions[level];
            if (region.Settled) continue;
            lo[level] = region.Lo;
            hi[level] = region.Hi;
            successor[level] = region.Successor;
        }
        var lo0 = Vector256.Create<ulong>(lo[..4]);
        var lo1 = Vector256.Create<ulong>(lo.Slice(4, 4));
        var lo2 = Vector256.Create<ulong>(lo.Slice(8, 4));
        var hi0 = Vector256.Create<ulong>(hi[..4]);
        var hi1 = Vector256.Create<ulong>(hi.Slice(4, 4));
        var hi2 = Vector256.Create<ulong>(hi.Slice(8, 4));
        var next0 = Vector256.Create<ulong>(successor[..4]);
        var next1 = Vector256.Create<ulong>(successor.Slice(4, 4));
        var next2 = Vector256.Create<ulong>(successor.Slice(8, 4));
        var largest = _largest;
        for (var t = 0; t < values.Length; t++)
        {
            var v = values[t];
            var w = weights[t];
            if (double.IsNaN(v) || !(w > 0)) continue;
            var key = SortableKey.Of(v);
            var k = Vector256.Create(key);
            var above0 = Vector256.GreaterThan(k, hi0);
            var above1 = Vector256.GreaterThan(k, hi1);
            var above2 = Vector256.GreaterThan(k, hi2);
            next0 = Vector256.ConditionalSelect(above0 & Vector256.LessThan(k, next0), k, next0);
            next1 = Vector256.ConditionalSelect(above1 & Vector256.LessThan(k, next1), k, next1);
            next2 = Vector256.ConditionalSelect(above2 & Vector256.LessThan(k, next2), k, next2);
            var inside = Vector256.AndNot(Vector256.GreaterThanOrEqual(k, lo0), above0)
                | Vector256.AndNot(Vector256.GreaterThanOrEqual(k, lo1), above1)
                | Vector256.AndNot(Vector256.GreaterThanOrEqual(k, lo2), above2);
            if (inside == Vector256<ulong>.Zero) continue;
            var units = WeightUnits.Of(w / largest);
            foreach (var region in _regions)
                if (!region.Settled && key >= region.Lo && key <= region.Hi) region.Take(key, units);
        }
        next0.CopyTo(successor[..4]);
        next1.CopyTo(successor.Slice(4, 4));
        next2.CopyTo(successor.Slice(8, 4));
        for (var level = 0; level < Levels; level++)
            if (!_regions[level].Settled) _regions[level].Successor = successor[level];
    }

    /// <summary>Groups of four regions tested side by side in <see cref="ConsumeLocate"/>: the nine levels and three lanes of padding.</summary>
    private const int Groups = 3;

    private void EndLocate()
    {
        var more = false;
        for (var level = 0; level < Levels; level++)
        {
            var region = _regions[level];
            if (region.Settled) continue;
            if (region.End(out var quantile, out var narrower))
            {
                _quantiles[level] = quantile;
                region.Settled = true;
            }
            else
            {
                _regions[level] = narrower!;
                more = true;
            }
        }
        if (more) return;
        _stage = Stage.Moments;
        _blockSquares = _blockDeviations = 0;
    }

    private void ConsumeMoments(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        // WeightedColumnStatistics' Moments.Measure: plain sums in blocks of 1,024 rows of the column (every row counts
        // towards a block, defined or not), the blocks' sums compensated; the tails compensated in trial order.
        var largest = _largest;
        var mean = _mean;
        var p5 = _quantiles[P5];
        var p95 = _quantiles[P95];
        for (var t = 0; t < values.Length; t++, _row++)
        {
            var v = values[t];
            var w = weights[t];
            if (!double.IsNaN(v) && w > 0)
            {
                var u = w / largest;
                var d = v - mean;
                _blockSquares += u * (d * d);
                _blockDeviations += u * d;
                if (v <= p5)
                {
                    _lower.Add(u * v);
                    _lowerWeight.Add(u);
                }
                if (v >= p95)
                {
                    _upper.Add(u * v);
                    _upperWeight.Add(u);
                }
            }
            if ((_row + 1) % Block == 0) EndBlock();
        }
    }

    private void EndBlock()
    {
        _squares.Add(_blockSquares);
        _deviations.Add(_blockDeviations);
        _blockSquares = _blockDeviations = 0;
    }

    private void EndMoments()
    {
        if (_row % Block != 0) EndBlock();
        var drift = _deviations.Value;
        Finish(Math.Max(0, _squares.Value - drift * drift / _sumWeights), _lower.Value / _lowerWeight.Value, _upper.Value / _upperWeight.Value);
    }

    private void Finish(double squaredDeviations, double lowerTailMean, double upperTailMean) =>
        _result = WeightedColumnStatistics.Assemble(_name, _count, _mean, _sumWeights, _squaredWeights,
            SortableKey.ToDouble(_minKey), SortableKey.ToDouble(_maxKey), _quantiles, squaredDeviations, lowerTailMean, upperTailMean, _isBinary);

    /// <summary>Counts and exact weights of keys in equal buckets of [lo, hi].</summary>
    private sealed class Histogram
    {
        private readonly ulong _lo, _hi;
        private readonly int _shift;
        private readonly long[] _counts;
        private readonly UInt128[] _units;

        public Histogram(ulong lo, ulong hi, int buckets)
        {
            _lo = lo;
            _hi = hi;
            var width = hi - lo;
            var shift = 0;
            while (shift < 64 && (width >> shift) >= (ulong)buckets) shift++;
            _shift = shift;
            var used = (int)(width >> shift) + 1;
            _counts = new long[used];
            _units = new UInt128[used];
        }

        public UInt128 TotalUnits { get; private set; }

        public void Add(ulong key, UInt128 units)
        {
            var b = (int)((key - _lo) >> _shift);
            _counts[b]++;
            _units[b] += units;
            TotalUnits += units;
        }

        /// <summary>
        /// The bucket holding the element k of the level h (the first whose cumulative weight after it, as a double,
        /// exceeds h; or the last): the last non-empty bucket whose cumulative weight before it, as a double, is ≤ h.
        /// <paramref name="before"/> is the cumulative weight before <c>lo</c>.
        /// </summary>
        public Region Locate(double h, UInt128 before = default)
        {
            var found = -1;
            UInt128 at = before, foundBefore = before;
            for (var b = 0; b < _counts.Length; b++)
            {
                if (_counts[b] == 0) continue;
                if (WeightUnits.ToDouble(at) > h) break;
                found = b;
                foundBefore = at;
                at += _units[b];
            }
            if (found < 0) throw new InvalidOperationException("no bucket holds the level (the histogram is empty)");
            var lo = _lo + ((ulong)found << _shift);
            var hi = found == _counts.Length - 1 ? _hi : Math.Min(_hi, lo + (_shift == 64 ? ulong.MaxValue : (1UL << _shift) - 1));
            return new Region(lo, hi, foundBefore, _counts[found], _units[found], h);
        }
    }

    /// <summary>
    /// The keys [Lo, Hi] that hold one level's element k, the exact weight before them, and how many trials they hold. A
    /// pass either splits it (a histogram of its keys), gathers its keys (few enough), or follows its one key trial by trial.
    /// </summary>
    private sealed record Region(ulong Lo, ulong Hi, UInt128 Before, long Count, UInt128 Units, double Level)
    {
        public bool Settled { get; set; }

        /// <summary>The smallest counted key above the region seen this pass (the value after its last one).</summary>
        public ulong Successor { get; set; } = ulong.MaxValue;

        private bool _seenSuccessor;
        private Histogram? _split;
        private List<(ulong Key, UInt128 Units)>? _gathered;
        // One key followed trial by trial: the element where the level falls, and how many came before it.
        private UInt128 _running;
        private long _seen, _crossingIndex = -1;
        private UInt128 _crossingBefore, _crossingThrough;

        public void Begin(int buckets, int gatherLimit)
        {
            Successor = ulong.MaxValue;
            _seenSuccessor = false;
            _split = null;
            _gathered = null;
            _running = Before;
            _seen = 0;
            _crossingIndex = -1;
            if (Lo == Hi) return;                                 // one key: followed trial by trial
            if (Count <= gatherLimit) _gathered = new List<(ulong, UInt128)>((int)Count);
            else _split = new Histogram(Lo, Hi, buckets);
        }

        public void Take(ulong key, UInt128 units)
        {
            if (_split is not null) _split.Add(key, units);
            else if (_gathered is not null) _gathered.Add((key, units));
            else
            {
                var through = _running + units;
                if (_crossingIndex < 0 && Level < WeightUnits.ToDouble(through))
                {
                    _crossingIndex = _seen;
                    _crossingBefore = _running;
                    _crossingThrough = through;
                }
                _running = through;
                _seen++;
            }
        }

        /// <summary>True with the level's percentile, or false with the narrower region the next pass takes.</summary>
        public bool End(out double quantile, out Region? narrower)
        {
            _seenSuccessor = Successor != ulong.MaxValue;
            quantile = 0;
            narrower = null;
            if (_split is not null)
            {
                narrower = _split.Locate(Level, Before) with { Level = Level };
                return false;
            }
            double next(ulong key) => SortableKey.ToDouble(key);
            if (_gathered is not null)
            {
                // Sorted by key, ties in trial order (the order gathered): the sorted column's stretch of these keys.
                var sorted = _gathered.Select((e, i) => (e.Key, e.Units, Order: i)).OrderBy(e => e.Key).ThenBy(e => e.Order).ToArray();
                var c = Before;
                for (var i = 0; i < sorted.Length; i++)
                {
                    var through = c + sorted[i].Units;
                    var last = i == sorted.Length - 1;
                    if (last && !_seenSuccessor)
                    {
                        quantile = next(sorted[i].Key);
                        return true;
                    }
                    var before = WeightUnits.ToDouble(c);
                    var after = WeightUnits.ToDouble(through);
                    if (Level < after)
                    {
                        var following = last ? Successor : sorted[i + 1].Key;
                        quantile = NumpyQuantile.Lerp(next(sorted[i].Key), next(following), (Level - before) / (after - before));
                        return true;
                    }
                    c = through;
                }
                throw new InvalidOperationException("the level's element is not among the gathered keys");
            }
            // One key: its trials are in sorted order already.
            var isLast = _crossingIndex < 0 || _crossingIndex == _seen - 1;
            if (isLast && !_seenSuccessor)
            {
                quantile = next(Lo);
                return true;
            }
            if (_crossingIndex < 0) throw new InvalidOperationException("the level's element is not among the key's trials");
            var b = WeightUnits.ToDouble(_crossingBefore);
            var a = WeightUnits.ToDouble(_crossingThrough);
            quantile = NumpyQuantile.Lerp(next(Lo), next(isLast ? Successor : Lo), (Level - b) / (a - b));
            return true;
        }
    }
}
