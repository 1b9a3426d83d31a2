using System.Collections.Immutable;
using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Sampling;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// The input columns of the trials files: every parameter drawn per trial (constants are left out: they are in the
/// scenario and the same in every row), named by its path, regenerated a block of rows at a time from the seed and
/// the sampling design, exactly as the engine drew them (the same quantile of the same uniform; see
/// <see cref="ParameterColumns"/>). Plain Monte Carlo needs no memory beyond the caller's block; a Latin hypercube or
/// correlated design keeps its uniforms (one double per trial and designed parameter), as the run itself did.
/// Results not made by the engine (<see cref="SimulationResult.Sampling"/> null) have no input columns.
/// </summary>
internal sealed class TrialInputs
{
    private readonly ulong _seed;
    private readonly long _firstTrial;
    private readonly SamplingDesign? _design;
    private readonly int[] _parameter = [];
    private readonly ulong[] _keys = [];
    private readonly CompiledDistribution[] _distributions = [];

    private TrialInputs(SimulationResult result)
    {
        _seed = result.Seed;
        if (result.Sampling is not { } draws || result.Trials < 1) return;
        _firstTrial = draws.FirstTrial;
        var table = ParameterTable.For(result.Scenario);
        _design = SamplingDesign.For(result.Scenario, table, result.Seed, draws.FirstTrial, (int)result.Trials, draws.BlockTrials);
        var parameter = new List<int>();
        for (var i = 0; i < table.Count; i++)
            if (!table.Distributions[i].IsConstant) parameter.Add(i);
        _parameter = [.. parameter];
        _keys = [.. parameter.Select(i => table.Keys[i])];
        _distributions = [.. parameter.Select(i => table.Distributions[i])];
        Names = [.. parameter.Select(i => table.Parameters[i].Path)];
        Whole = [.. parameter.Select(i => table.Parameters[i].Distribution.IsWholeValued)];
    }

    public static TrialInputs Of(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new TrialInputs(result);
    }

    /// <summary>The column names: parameter paths (e.g. <c>economics.price_per_chip_usd</c>), in the scenario's parameter order.</summary>
    public ImmutableArray<string> Names { get; } = [];

    /// <summary>Per column: every value is a whole number (uniform-int, discrete, bernoulli).</summary>
    public ImmutableArray<bool> Whole { get; } = [];

    public int Count => Names.Length;

    /// <summary>Fills <c>destination[c][r]</c> with input c of row <paramref name="firstRow"/> + r, for r below <paramref name="rows"/>.</summary>
    public void Fill(int firstRow, int rows, double[][] destination)
    {
        if (_design is not { } design) return;
        var distributions = _distributions;
        for (var r = 0; r < rows; r++)
        {
            var trial = _firstTrial + firstRow + r;
            var hash = RandomStreams.TrialHash(_seed, trial);
            for (var c = 0; c < distributions.Length; c++)
                destination[c][r] = distributions[c].Sample(design.Uniform(_parameter[c], trial, hash, _keys[c]));
        }
    }

    /// <summary>A buffer for <see cref="Fill"/> of up to <paramref name="rows"/> rows.</summary>
    public double[][] Buffer(int rows)
    {
        var b = new double[Count][];
        for (var c = 0; c < b.Length; c++) b[c] = new double[rows];
        return b;
    }
}
