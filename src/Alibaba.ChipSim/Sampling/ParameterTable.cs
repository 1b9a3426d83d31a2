using System.Collections.Immutable;
using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Sampling;

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

    private ParameterTable(ParameterTable table, SamplingDesign design)
    {
        _index = table._index;
        Parameters = table.Parameters;
        Distributions = table.Distributions;
        Keys = table.Keys;
        _constants = table._constants;
        _random = table._random;
        _randomKeys = table._randomKeys;
        _randomDistributions = table._randomDistributions;
        Design = design;
    }

    /// <summary>
    /// The same parameters drawn through <paramref name="design"/> (Latin hypercube strata, Iman–Conover
    /// correlations), for the trials the design covers.
    /// </summary>
    public ParameterTable WithDesign(SamplingDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        return new ParameterTable(this, design);
    }

    /// <summary>The sampling design the draws read, or null for plain Monte Carlo from each trial's streams.</summary>
    public SamplingDesign? Design { get; }

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
    /// Plain Monte Carlo: parameter i takes the first uniform (counter 0) of the stream keyed by its path;
    /// with a <see cref="Design"/>, the parameters it covers take their designed uniform for the trial.
    /// <paramref name="trial"/> is the trial's index in the run, for samplers that stratify across trials
    /// (Latin hypercube): every per-trial parameter is drawn here and nowhere else.
    /// </summary>
    public void Draw(long trial, ulong trialHash, Span<double> values)
    {
        if (Design is not { } design)
        {
            // The uniforms first, each starting the load of its table entries, then the quantiles: a dozen PERT tables do not
            // fit in the L2 cache, and the loads then overlap instead of waiting one after another.
            Span<double> uniforms = stackalloc double[_random.Length];
            FirstUniforms(trialHash, uniforms);
            DrawFrom(uniforms, values);
            return;
        }
        var constants = _constants;
        for (var i = 0; i < constants.Length; i++) values[i] = constants[i];
        var random = _random;
        var keys = _randomKeys;
        var distributions = _randomDistributions;
        // Precomputed uniforms (read-only here): the same values on any thread.
        for (var k = 0; k < random.Length; k++)
            values[random[k]] = distributions[k].Sample(design.Uniform(random[k], trial, trialHash, keys[k]));
    }

    /// <summary>How many parameters are drawn per trial (the length of <see cref="FirstUniforms"/>'s uniforms).</summary>
    internal int RandomCount => _random.Length;

    /// <summary>
    /// The uniforms of a trial's random parameters (plain Monte Carlo: each stream's first), and a hint to the processor to
    /// start loading the table entries each will read: computed a trial ahead, the loads are done by the time
    /// <see cref="DrawFrom"/> needs them.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    internal void FirstUniforms(ulong trialHash, Span<double> uniforms)
    {
        RandomStreams.FirstUniforms(trialHash, _randomKeys, uniforms);
        var distributions = _randomDistributions;
        for (var k = 0; k < distributions.Length; k++) distributions[k].Prefetch(uniforms[k]);
    }

    /// <summary>Every parameter of a trial from the uniforms <see cref="FirstUniforms"/> gave it (what <see cref="Draw"/> does without a design).</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    internal void DrawFrom(ReadOnlySpan<double> uniforms, Span<double> values)
    {
        var constants = _constants;
        for (var i = 0; i < constants.Length; i++) values[i] = constants[i];
        var random = _random;
        var distributions = _randomDistributions;
        for (var k = 0; k < random.Length; k++) values[random[k]] = distributions[k].Sample(uniforms[k]);
    }
}
