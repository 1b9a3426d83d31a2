using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;
using BenchmarkDotNet.Attributes;

namespace Alibaba.ChipSim.Benchmarks;

/// <summary>Whole engine runs of the shipped base scenario (trials/s = Trials / mean time); `chipsim bench` is the quick equivalent.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private readonly Scenario _scenario = ScenarioLoader.LoadEmbeddedBase().Scenario
                                          ?? throw new InvalidOperationException("the embedded base scenario does not load");

    [Params(100_000)]
    public long Trials { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [Benchmark]
    public SimulationResult Run() => SimulationEngine.Run(_scenario, new RunOptions { Trials = Trials, Seed = 20251223, Threads = Threads });
}
