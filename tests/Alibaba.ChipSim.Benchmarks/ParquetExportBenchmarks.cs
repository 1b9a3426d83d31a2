using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Tests.Support;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Alibaba.ChipSim.Benchmarks;

/// <summary>
/// Writing trials.parquet for 1,000,000 trials of the example of docs/scenario-format.md#a-complete-example (every per-trial metric, first-entry months,
/// both actors' final states and every per-quarter metric), the engine run done once in the setup.
/// Run: <c>dotnet run -c Release --project tests/Alibaba.ChipSim.Benchmarks -- --filter '*Parquet*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ParquetExportBenchmarks
{
    private SimulationResult _result = null!;
    private string _path = null!;

    [Params(1_000_000)]
    public int Trials { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _result = SimulationEngine.Run(TestScenarios.SpecExample(), new RunOptions { Trials = Trials, Seed = 20251223 });
        _path = Path.Combine(Path.GetTempPath(), "chipsim-bench-trials.parquet");
    }

    [Benchmark]
    public long WriteTrialsParquet()
    {
        TrialsParquetWriter.Write(_result, _path);
        return new FileInfo(_path).Length;
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);
}
