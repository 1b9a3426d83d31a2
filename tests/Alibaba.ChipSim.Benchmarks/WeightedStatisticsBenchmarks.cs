using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Statistics.Weighted;
using BenchmarkDotNet.Attributes;

namespace Alibaba.ChipSim.Benchmarks;

/// <summary>
/// The weighted statistics of a 1,000,000-trial run (a history-conditioned run: about 60% of the trials carry weight,
/// the rest 0) against the unweighted fast path: one continuous column each way, and all 41 numeric columns on 2 threads.
/// The weighted path sorts each continuous column once (an 11-bit LSD radix sort carrying the weights).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class WeightedStatisticsBenchmarks
{
    private SimulationResult _result = null!;
    private double[] _weights = null!;
    private double[][] _columns = null!;

    [Params(1_000_000)]
    public int Trials { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _result = RandomResults.Create(Trials);
        var random = new Random(3);
        _weights = new double[Trials];
        for (var t = 0; t < Trials; t++) _weights[t] = random.NextDouble() < 0.4 ? 0 : Math.Exp(-4 * random.NextDouble());
        _columns = [.. _result.Numeric.Select(c => c.Values), .. _result.Quarterly.SelectMany(q => q.Values)];
    }

    [Benchmark(Baseline = true, Description = "One continuous column, unweighted (radix select)")]
    public MetricSummary OneColumn() => ColumnStatistics.Summarize("x", _result.Numeric[^1].Values);

    [Benchmark(Description = "One continuous column, weighted (radix sort)")]
    public MetricSummary OneColumnWeighted() => WeightedColumnStatistics.Summarize("x", _result.Numeric[^1].Values, _weights);

    [Benchmark(Description = "41 numeric columns, weighted, 2 threads")]
    public MetricSummary[] AllColumnsWeighted()
    {
        var summaries = new MetricSummary[_columns.Length];
        var numeric = _result.Numeric;
        Parallel.For(0, _columns.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var c = i < numeric.Length ? numeric[i] : null;
            summaries[i] = WeightedColumnStatistics.Summarize("x", _columns[i], _weights, c?.IsBinary ?? false, c?.IsWholeNumber ?? false);
        });
        return summaries;
    }

    [Benchmark(Description = "41 numeric columns, unweighted, 2 threads")]
    public MetricSummary[] AllColumns()
    {
        var summaries = new MetricSummary[_columns.Length];
        var numeric = _result.Numeric;
        Parallel.For(0, _columns.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var c = i < numeric.Length ? numeric[i] : null;
            summaries[i] = ColumnStatistics.Summarize("x", _columns[i], c?.IsBinary ?? false, c?.IsWholeNumber ?? false);
        });
        return summaries;
    }
}
