using System.Collections.Immutable;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics.Weighted;

namespace Alibaba.ChipSim.Statistics.Streaming;

/// <summary>
/// Every statistic of a run conditioned on history, for a run seen chunk by chunk (see <see cref="WeightedStreamingColumn"/>):
/// the same entries, quarters, year totals, targets and <c>history</c> block, bit for bit, as
/// <see cref="SummaryBuilder.Build(SimulationResult, int?)"/> over the run's columns and weights (and the
/// <c>--target</c>s that <c>RunPipeline.Summarise</c> adds after the scenario's). The first pass finds the largest weight
/// (every weight is divided by it), the second takes the state shares, the targets and the run's totals; the columns
/// take the passes they need. The chunks must come in trial order, pass after pass, until <see cref="EndPass"/> says no
/// column needs another.
/// </summary>
internal sealed class WeightedStreamingSummary
{
    private readonly SimulationResult _layout;
    private readonly Scenario _scenario;
    private readonly ChunkColumns _chunkColumns;
    private readonly WeightedStreamingColumn[] _columns;
    private readonly int _numeric, _quarterly;
    private readonly ImmutableArray<TargetSpec> _targets;
    private readonly int _threads;
    private long _trials;
    private int _pass;

    // The first pass: the largest weight of all trials (shares, totals), and of each target's defined trials.
    private double _largest;
    private readonly double[] _targetLargest;
    // The second: per actor, the weight in each state and in all; the run's totals; each target's sums.
    private readonly NeumaierSum[][] _stateWeights;
    private readonly NeumaierSum[] _allWeights;
    private long _positive;
    private NeumaierSum _v1, _v2;
    private readonly long[] _targetCounts;
    private readonly double[] _targetSums, _targetSquares, _targetHits;

    /// <param name="layout">The names and kinds of the run's columns (e.g. one chunk's view).</param>
    /// <param name="extraTargets">Targets after the scenario's own (<c>--target</c>).</param>
    /// <param name="threads">Columns summarised side by side (each by itself: the numbers never depend on it).</param>
    /// <param name="buckets">The buckets of each column's histograms (tests make them few to force further passes).</param>
    /// <param name="gatherLimit">The most keys one percentile gathers (tests make it small to force further passes).</param>
    public WeightedStreamingSummary(SimulationResult layout, ImmutableArray<TargetSpec> extraTargets, int threads,
        int buckets = WeightedStreamingColumn.DefaultBuckets, int gatherLimit = StreamingColumn.GatherLimit)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (layout.Weights is null) throw new ArgumentException("a run conditioned on history carries weights", nameof(layout));
        _layout = layout;
        _scenario = layout.Scenario;
        _threads = threads;
        _chunkColumns = new ChunkColumns(layout);
        _columns = [.. _chunkColumns.Columns.Select(c => new WeightedStreamingColumn(c.Name, c.IsBinary, c.IsWholeNumber, buckets, gatherLimit))];
        _numeric = _chunkColumns.Numeric;
        _quarterly = _chunkColumns.Quarterly;
        _stateWeights = [.. layout.Categorical.Select(c => new NeumaierSum[c.Categories.Length])];
        _allWeights = new NeumaierSum[layout.Categorical.Length];
        _targets = _scenario.Targets.AddRange(extraTargets.IsDefault ? [] : extraTargets);
        _targetLargest = new double[_targets.Length];
        _targetCounts = new long[_targets.Length];
        _targetSums = new double[_targets.Length];
        _targetSquares = new double[_targets.Length];
        _targetHits = new double[_targets.Length];
        foreach (var c in _columns) c.BeginPass(0);
    }

    /// <summary>Passes begun so far.</summary>
    public int Passes => _pass + 1;

    /// <summary>After the first pass: whether every trial has weight 0 (the run fails, naming the observation).</summary>
    public bool NoWeight => _pass > 0 && _largest == 0;

    /// <summary>Takes the next chunks of the run, in trial order: <paramref name="chunks"/>[i] holds <paramref name="rows"/>[i] trials.</summary>
    public void Consume(ReadOnlySpan<SimulationResult> chunks, ReadOnlySpan<int> rows)
    {
        var views = chunks.ToArray();
        var counts = rows.ToArray();
        var options = new ParallelOptions { MaxDegreeOfParallelism = _threads };
        // Each column by itself, its chunks in trial order: the numbers never depend on the thread count.
        Parallel.For(0, _columns.Length, options, c =>
        {
            var column = _columns[c];
            if (column.IsDone) return;
            for (var k = 0; k < views.Length; k++)
                column.Consume(_chunkColumns.Values(views[k], c, counts[k]), views[k].Weights.AsSpan(0, counts[k]));
        });
        for (var k = 0; k < views.Length; k++)
        {
            var weights = views[k].Weights.AsSpan(0, counts[k]);
            if (_pass == 0) First(views[k], weights);
            else if (_pass == 1) Second(views[k], weights);
        }
    }

    private void First(SimulationResult view, ReadOnlySpan<double> weights)
    {
        _trials += weights.Length;
        _largest = Math.Max(_largest, TrialWeights.Largest(weights));
        for (var t = 0; t < _targets.Length; t++)
        {
            if (TargetProbability.Values(view, _targets[t].Metric) is not { } values) continue;
            for (var i = 0; i < weights.Length; i++)
                if (!double.IsNaN(values[i]) && weights[i] > _targetLargest[t]) _targetLargest[t] = weights[i];
        }
    }

    private void Second(SimulationResult view, ReadOnlySpan<double> weights)
    {
        var largest = _largest;
        for (var t = 0; t < weights.Length; t++)
        {
            var w = weights[t];
            if (!(w > 0)) continue;
            var u = w / largest;
            _positive++;
            _v1.Add(u);
            _v2.Add(u * u);
            for (var a = 0; a < _stateWeights.Length; a++)
            {
                _stateWeights[a][view.Categorical[a].Codes[t]].Add(u);
                _allWeights[a].Add(u);
            }
        }
        for (var t = 0; t < _targets.Length; t++)
        {
            if (TargetProbability.Values(view, _targets[t].Metric) is not { } values) continue;
            var target = _targets[t];
            var x = target.Threshold;
            for (var i = 0; i < weights.Length; i++)
            {
                var v = values[i];
                if (double.IsNaN(v) || !(weights[i] > 0)) continue;
                var w = weights[i] / _targetLargest[t];
                _targetCounts[t]++;
                _targetSums[t] += w;
                _targetSquares[t] += w * w;
                if (target.Below ? v < x : v > x) _targetHits[t] += w;
            }
        }
    }

    /// <summary>Ends the pass; true when another pass is needed (and begun).</summary>
    public bool EndPass()
    {
        foreach (var c in _columns) c.EndPass();
        _pass++;
        var more = _pass == 1; // the shares, targets and totals take the second pass
        foreach (var c in _columns) more |= c.BeginPass(_pass);
        return more && !NoWeight;
    }

    /// <summary>The run's summary, once <see cref="EndPass"/> has returned false.</summary>
    public RunSummary Summary()
    {
        var categorical = _stateWeights.Length;
        var entries = new MetricEntry[_numeric + categorical + _quarterly];
        for (var i = 0; i < _numeric; i++) entries[i] = _columns[i].Result;
        for (var a = 0; a < categorical; a++)
        {
            var column = _layout.Categorical[a];
            var total = _allWeights[a].Value;
            var shares = ImmutableArray.CreateBuilder<double>(column.Categories.Length);
            foreach (var s in _stateWeights[a]) shares.Add(total > 0 ? s.Value / total : 0);
            entries[_numeric + a] = new StateShares(column.Name, column.Categories, shares.MoveToImmutable());
        }
        for (var i = 0; i < _quarterly; i++) entries[_numeric + categorical + i] = _columns[_numeric + i].Result;
        var columns = SummaryBuilder.ColumnsOf(_layout) with { Trials = _trials };
        var years = ImmutableArray.CreateBuilder<YearSummary>();
        var next = _numeric + _quarterly;
        foreach (var (year, _) in _chunkColumns.Years)
            foreach (var qc in _layout.Quarterly)
                years.Add(new YearSummary(year, qc.Metric, _columns[next++].Result));
        var targets = ImmutableArray.CreateBuilder<TargetResult>(_targets.Length);
        for (var t = 0; t < _targets.Length; t++)
            targets.Add(TargetProbability.FromWeightedSums(_targets[t], _targetCounts[t], _targetSums[t], _targetSquares[t], _targetHits[t]));
        var totals = TrialWeights.FromSums(_trials, _positive, _largest, _v1.Value, _v2.Value);
        var history = _scenario.History!;
        var block = new HistorySummary(history.AsOf, totals.TrialsWithWeight, totals.Ess, totals.LogEvidence, history.File, history.Sha256);
        return SummaryBuilder.WithRunSections(SummaryBuilder.Assemble(columns, entries), _scenario, block, targets.MoveToImmutable(), years.ToImmutable());
    }
}
