using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Statistics;
using BenchmarkDotNet.Attributes;

namespace Alibaba.ChipSim.Benchmarks;

/// <summary>
/// Summarising a 1,000,000-trial run (41 numeric columns: 25 metrics and 16 quarterly) on 2 threads, against the
/// cost of one full sort of one column, the approach the fast path replaces.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class StatisticsBenchmarks
{
    private SimulationResult _result = null!;
    private double[] _sortBuffer = null!;

    [Params(1_000_000)]
    public int Trials { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _result = RandomResults.Create(Trials);
        _sortBuffer = new double[Trials];
    }

    [Benchmark(Description = "SummaryBuilder.Build, 41 columns, 2 threads")]
    public RunSummary SummarizeRun() => SummaryBuilder.Build(_result, maxThreads: 2);

    [Benchmark(Description = "One continuous column, radix select")]
    public MetricSummary OneColumn() => ColumnStatistics.Summarize("x", _result.Numeric[^1].Values);

    [Benchmark(Description = "One continuous column, Array.Sort only")]
    public double OneColumnSortOnly()
    {
        _result.Numeric[^1].Values.CopyTo(_sortBuffer, 0);
        Array.Sort(_sortBuffer);
        return _sortBuffer[Trials / 2];
    }
}
