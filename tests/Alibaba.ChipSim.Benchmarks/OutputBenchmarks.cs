using System.Text;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Output;
using BenchmarkDotNet.Attributes;

namespace Alibaba.ChipSim.Benchmarks;

/// <summary>Streaming trials.csv for a 1,000,000-trial run (44 columns) to a null stream (formatting and encoding only), on 1 and 2 threads.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class OutputBenchmarks
{
    private SimulationResult _result = null!;

    [Params(1_000_000)]
    public int Trials { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _result = RandomResults.Create(Trials);

    [Benchmark(Description = "trials.csv")]
    public void TrialsCsv()
    {
        using var writer = new StreamWriter(Stream.Null, new UTF8Encoding(false), 1 << 16);
        TrialsCsvWriter.Write(writer, _result, maxThreads: Threads);
    }
}
