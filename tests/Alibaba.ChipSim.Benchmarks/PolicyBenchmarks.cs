using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Policy;
using Alibaba.ChipSim.Sampling;
using Alibaba.ChipSim.Scenarios;
using BenchmarkDotNet.Attributes;

namespace Alibaba.ChipSim.Benchmarks;

/// <summary>One trial's actors over the base scenario's horizon: compiled tables against the Stateless machines.</summary>
[MemoryDiagnoser]
public class PolicyBenchmarks
{
    private readonly Scenario _scenario = ScenarioLoader.LoadEmbeddedBase().Scenario!;
    private ParameterTable _parameters = null!;
    private CompiledPolicy _compiled = null!;
    private PolicyOutcome _outcome = null!;
    private PolicyTrace _trace = null!;
    private double[] _values = null!;
    private long _trial;

    [GlobalSetup]
    public void Setup()
    {
        _parameters = ParameterTable.For(_scenario);
        _compiled = new CompiledPolicy(_scenario, _parameters);
        _outcome = new PolicyOutcome(_compiled);
        _trace = new PolicyTrace(_scenario);
        _values = new double[_parameters.Count];
        _parameters.Draw(0, RandomStreams.TrialHash(1, 0), _values);
    }

    /// <summary>The engine's inner loop: every month's step, gate and outcome bookkeeping (parameters drawn once, outside).</summary>
    [Benchmark(Baseline = true)]
    public int CompiledRun()
    {
        _compiled.Run(RandomStreams.TrialHash(1, _trial++), _values, _outcome);
        return _outcome.GateOpenMonths;
    }

    /// <summary>The reference path (with the parameter draws and the path arrays of a trace).</summary>
    [Benchmark]
    public int StatelessReference() => _trace.Reference(1, _trial++).Months;
}
