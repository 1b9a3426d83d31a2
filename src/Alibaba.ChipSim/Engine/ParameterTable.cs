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
        Distributions = Parameters.Select(p => CompiledDistribution.Compile(p.Distribution)).ToArray();
        Keys = Parameters.Select(p => RandomStreams.KeyOf(p.Path)).ToArray();
    }

    public static ParameterTable For(Scenario scenario) => new(scenario.AllParameters());

    public ImmutableArray<Parameter> Parameters { get; }

    internal CompiledDistribution[] Distributions { get; }

    /// <summary>The random stream key of each parameter (from its path).</summary>
    internal ulong[] Keys { get; }

    public int Count => Parameters.Length;

    public int IndexOf(Parameter p) => _index[p.Path];

    public int IndexOf(string path) => _index.TryGetValue(path, out var i) ? i : -1;

    /// <summary>Draws every parameter of one trial with plain Monte Carlo (one uniform each, counter 0).</summary>
    public void Draw(ulong trialHash, Span<double> values)
    {
        for (var i = 0; i < Distributions.Length; i++)
        {
            var d = Distributions[i];
            values[i] = d.IsConstant ? d.Sample(0.5) : d.Sample(RandomStreams.Uniform(RandomStreams.StreamOf(trialHash, Keys[i]), 0));
        }
    }
}
