using System.Collections.Immutable;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Statistics.Streaming;

/// <summary>
/// Every statistic of an unweighted run's summary for a run seen chunk by chunk (see <see cref="OnePassColumn"/>): the
/// same entries, quarters, year totals and targets, in the same order, bit for bit, as <see cref="SummaryBuilder.Build(SimulationResult, int?)"/>
/// over the run's columns (and the <c>--target</c>s that <c>RunPipeline.Summarise</c> adds after the scenario's). The
/// chunks must come in trial order, pass after pass, until <see cref="EndPass"/> says no column needs another.
/// </summary>
internal sealed class StreamingSummary
{
    private readonly SimulationResult _layout;
    private readonly Scenario _scenario;
    private readonly OnePassColumn[] _columns;
    private readonly ChunkColumns _chunkColumns;
    private readonly int _numeric, _quarterly;
    private readonly long[][] _stateCounts;
    private readonly ImmutableArray<TargetSpec> _targets;
    private readonly long[] _targetCounts, _targetHits;
    private readonly int _threads;
    private long _trials;
    private int _pass;

    /// <param name="layout">The names and kinds of the run's columns (e.g. one chunk's view).</param>
    /// <param name="extraTargets">Targets after the scenario's own (<c>--target</c>).</param>
    /// <param name="threads">Columns summarised side by side (each by itself: the numbers never depend on it).</param>
    /// <param name="gatherLimit">The most keys one rank range of a further pass gathers (tests lower it to force more passes).</param>
    /// <param name="windowLimit">The distinct keys and the appended keys a percentile's window holds (tests make it tiny to force further passes).</param>
    public StreamingSummary(SimulationResult layout, ImmutableArray<TargetSpec> extraTargets, int threads, int gatherLimit = StreamingColumn.GatherLimit,
        (int Distinct, int Appended)? windowLimit = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _layout = layout;
        _scenario = layout.Scenario;
        _threads = threads;
        var (distinct, appended) = windowLimit ?? (LevelWindow.DefaultDistinctLimit, LevelWindow.DefaultAppendLimit);
        _chunkColumns = new ChunkColumns(layout);
        _columns = [.. _chunkColumns.Columns.Select(c => new OnePassColumn(c.Name, c.IsBinary, c.IsWholeNumber, distinct, appended, gatherLimit))];
        _numeric = _chunkColumns.Numeric;
        _quarterly = _chunkColumns.Quarterly;
        _stateCounts = new long[layout.Categorical.Length][];
        for (var i = 0; i < _stateCounts.Length; i++) _stateCounts[i] = new long[layout.Categorical[i].Categories.Length];
        _targets = _scenario.Targets.AddRange(extraTargets.IsDefault ? [] : extraTargets);
        _targetCounts = new long[_targets.Length];
        _targetHits = new long[_targets.Length];
        foreach (var c in _columns) c.BeginPass(0);
    }

    /// <summary>Passes begun so far.</summary>
    public int Passes => _pass + 1;

    /// <summary>The numbers the columns hold now (bounded by their buffers, not the trial count).</summary>
    internal long HeldNumbers => _columns.Sum(c => c.HeldNumbers);

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
            for (var k = 0; k < views.Length; k++) column.Consume(_chunkColumns.Values(views[k], c, counts[k]));
        });
        if (_pass != 0) return;
        for (var k = 0; k < views.Length; k++)
        {
            _trials += counts[k];
            for (var a = 0; a < _stateCounts.Length; a++)
            {
                var states = _stateCounts[a];
                foreach (var code in views[k].Categorical[a].Codes.AsSpan(0, counts[k])) states[code]++;
            }
            for (var t = 0; t < _targets.Length; t++)
                if (TargetProbability.Values(views[k], _targets[t].Metric) is { } values)
                    TargetProbability.Count(values.AsSpan(0, counts[k]), _targets[t], ref _targetCounts[t], ref _targetHits[t]);
        }
    }

    /// <summary>Ends the pass; true when another pass is needed (and begun).</summary>
    public bool EndPass()
    {
        var more = false;
        foreach (var c in _columns) c.EndPass();
        _pass++;
        foreach (var c in _columns) more |= c.BeginPass(_pass);
        return more;
    }

    /// <summary>The run's summary, once <see cref="EndPass"/> has returned false.</summary>
    public RunSummary Summary()
    {
        var categorical = _stateCounts.Length;
        var entries = new MetricEntry[_numeric + categorical + _quarterly];
        for (var i = 0; i < _numeric; i++) entries[i] = _columns[i].Result;
        for (var a = 0; a < categorical; a++)
        {
            var column = _layout.Categorical[a];
            entries[_numeric + a] = SummaryBuilder.Shares(column.Name, column.Categories, _stateCounts[a], _trials);
        }
        for (var i = 0; i < _quarterly; i++) entries[_numeric + categorical + i] = _columns[_numeric + i].Result;
        var columns = SummaryBuilder.ColumnsOf(_layout) with { Trials = _trials };
        var years = ImmutableArray.CreateBuilder<YearSummary>();
        var next = _numeric + _quarterly;
        foreach (var (year, _) in _chunkColumns.Years)
            foreach (var qc in _layout.Quarterly)
                years.Add(new YearSummary(year, qc.Metric, _columns[next++].Result));
        var targets = ImmutableArray.CreateBuilder<TargetResult>(_targets.Length);
        for (var t = 0; t < _targets.Length; t++) targets.Add(TargetProbability.FromCounts(_targets[t], _targetCounts[t], _targetHits[t]));
        return SummaryBuilder.WithRunSections(SummaryBuilder.Assemble(columns, entries), _scenario, null, targets.MoveToImmutable(), years.ToImmutable());
    }
}
