using System.Collections.Immutable;
using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Engine;

/// <summary>
/// Every per-trial parameter of a scenario, compiled, with the key of its random stream (from its
/// path). The engine draws them all into a <c>double[]</c> per trial, indexed as here.
/// </summary>
public sealed class ParameterTable
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public ParameterTable(IEnumerable<Parameter> parameters)
    {
        var ps = ImmutableArray.CreateBuilder<Parameter>();
        foreach (var p in parameters)
        {
            if (_index.ContainsKey(p.Path)) continue;
            _index[p.Path] = ps.Count;
            ps.Add(p);
        }
        Parameters = ps.ToImmutable();
        // Compiled in parallel (tabulated quantiles take milliseconds each); the order is kept.
        Distributions = Parameters.AsParallel().AsOrdered().Select(p => CompiledDistribution.Compile(p.Distribution)).ToArray();
        Keys = Parameters.Select(p => RandomStreams.KeyOf(p.Path)).ToArray();
        _constants = Distributions.Select(d => d.IsConstant ? d.Sample(0.5) : double.NaN).ToArray();
        _random = Enumerable.Range(0, Count).Where(i => !Distributions[i].IsConstant).ToArray();
        _randomKeys = _random.Select(i => Keys[i]).ToArray();
        _randomDistributions = _random.Select(i => Distributions[i]).ToArray();
    }

    // Constants are evaluated once; only the others cost a stream and a quantile per trial.
    private readonly double[] _constants;
    private readonly int[] _random;
    private readonly ulong[] _randomKeys;
    private readonly CompiledDistribution[] _randomDistributions;

    public static ParameterTable For(Scenario scenario) => new(scenario.AllParameters());

    public ImmutableArray<Parameter> Parameters { get; }

    internal CompiledDistribution[] Distributions { get; }

    /// <summary>The random stream key of each parameter (from its path).</summary>
    internal ulong[] Keys { get; }

    public int Count => Parameters.Length;

    public int IndexOf(Parameter p) => _index[p.Path];

    public int IndexOf(string path) => _index.TryGetValue(path, out var i) ? i : -1;

    /// <summary>
    /// Draws every parameter of one trial into <paramref name="values"/> (indexed as <see cref="Parameters"/>).
    /// Plain Monte Carlo: parameter i takes the first uniform (counter 0) of the stream keyed by its path.
    /// <paramref name="trial"/> is the trial's index in the run, for samplers that stratify across trials
    /// (Latin hypercube): every per-trial parameter is drawn here and nowhere else.
    /// </summary>
    public void Draw(long trial, ulong trialHash, Span<double> values)
    {
        var constants = _constants;
        for (var i = 0; i < constants.Length; i++) values[i] = constants[i];
        var random = _random;
        var keys = _randomKeys;
        var distributions = _randomDistributions;
        for (var k = 0; k < random.Length; k++)
            values[random[k]] = distributions[k].Sample(RandomStreams.Uniform(RandomStreams.StreamOf(trialHash, keys[k]), 0));
    }
}
