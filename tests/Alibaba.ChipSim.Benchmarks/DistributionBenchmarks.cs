using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Sampling;
using BenchmarkDotNet.Attributes;

namespace Alibaba.ChipSim.Benchmarks;

/// <summary>Cost of one draw per distribution family (the per-trial parameter draws).</summary>
[MemoryDiagnoser]
public class DistributionBenchmarks
{
    private readonly CompiledDistribution _pert = CompiledDistribution.Compile(new PertDistribution(25000, 32000, 40000));
    private readonly CompiledDistribution _normal = CompiledDistribution.Compile(new NormalDistribution(0.12, 0.04) { Low = -0.5 });
    private readonly CompiledDistribution _beta = CompiledDistribution.Compile(new BetaDistribution(8, 2));
    private readonly ulong _key = RandomStreams.KeyOf("x");

    [Benchmark(OperationsPerInvoke = 1000)]
    public double Pert() => Draw(_pert);

    [Benchmark(OperationsPerInvoke = 1000)]
    public double TruncatedNormal() => Draw(_normal);

    [Benchmark(OperationsPerInvoke = 1000)]
    public double Beta() => Draw(_beta);

    private double Draw(CompiledDistribution d)
    {
        var s = 0.0;
        for (var t = 0; t < 1000; t++) s += d.Sample(RandomStreams.Uniform(1, t, _key, 0));
        return s;
    }
}
