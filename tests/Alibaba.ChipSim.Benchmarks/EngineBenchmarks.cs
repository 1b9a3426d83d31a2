using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Tests.Support;
using BenchmarkDotNet.Attributes;

namespace Alibaba.ChipSim.Benchmarks;

/// <summary>Whole runs of the SPEC §3 example scenario (trials/s = Trials / mean time).</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private readonly Scenario _scenario = TestScenarios.SpecExample();

    [Params(100_000)]
    public long Trials { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [Benchmark]
    public SimulationResult Run() => SimulationEngine.Run(_scenario, new RunOptions { Trials = Trials, Seed = 20251223, Threads = Threads });
}
