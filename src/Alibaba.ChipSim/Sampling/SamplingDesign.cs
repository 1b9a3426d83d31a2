using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Sampling;

/// <summary>
/// The uniforms of the per-trial parameters for a range of trials, computed before the trial loop so
/// that the loop only reads them (results cannot depend on threads). Under plain Monte Carlo with no
/// correlations nothing is stored and each trial draws from its own streams. Otherwise every affected
/// parameter gets a column of uniforms: Latin hypercube strata per block of trials, then Iman–Conover
/// within each block for the correlated parameters.
/// </summary>
public sealed class SamplingDesign
{
    private readonly double[]?[] _columns;

    private SamplingDesign(long firstTrial, int trials, double[]?[] columns)
    {
        FirstTrial = firstTrial;
        Trials = trials;
        _columns = columns;
    }

    public long FirstTrial { get; }

    public int Trials { get; }

    /// <summary>True when no parameter has a designed column (plain Monte Carlo, no correlations).</summary>
    public bool IsPlain
    {
        get
        {
            foreach (var c in _columns) if (c is not null) return false;
            return true;
        }
    }

    /// <summary>
    /// The uniform of parameter <paramref name="parameter"/> (stream key <paramref name="key"/>) in trial
    /// <paramref name="trial"/>: its designed value, or the first uniform of its own stream under plain Monte Carlo.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal double Uniform(int parameter, long trial, ulong trialHash, ulong key) =>
        _columns[parameter] is { } column
            ? column[trial - FirstTrial]
            : RandomStreams.Uniform(RandomStreams.StreamOf(trialHash, key), 0);

    /// <summary>The designed uniforms of parameter <paramref name="parameter"/> (indexed as the table), or null when it draws plainly.</summary>
    internal double[]? Column(int parameter) => _columns[parameter];

    /// <summary>The design of a run of <paramref name="scenario"/>: its <c>simulation.sampling</c> and <c>correlations</c>.</summary>
    public static SamplingDesign For(Scenario scenario, ParameterTable table, ulong seed, long firstTrial, int trials, int blockTrials = 0) =>
        Build(table, scenario.Simulation.Sampling, CorrelationMatrix.From(scenario.Correlations), seed, firstTrial, trials, blockTrials);

    /// <summary>
    /// Builds the design of trials [<paramref name="firstTrial"/>, +<paramref name="trials"/>). Latin hypercube
    /// strata and Iman–Conover work on blocks of <paramref name="blockTrials"/> trials (0 = the whole range)
    /// starting at multiples of the block size, so a run cut into batches of that size is the same as one run.
    /// </summary>
    public static SamplingDesign Build(ParameterTable table, SamplingMethod method, CorrelationMatrix correlations,
        ulong seed, long firstTrial, int trials, int blockTrials = 0)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(correlations);
        var columns = new double[]?[table.Count];
        var lhs = method == SamplingMethod.LatinHypercube;
        var correlated = new int[correlations.Count];
        for (var c = 0; c < correlated.Length; c++) correlated[c] = table.IndexOf(correlations.Paths[c]);
        var designed = new bool[table.Count];
        for (var i = 0; i < table.Count; i++) designed[i] = !table.Distributions[i].IsConstant && lhs;
        for (var c = 0; c < correlated.Length; c++)
        {
            var i = correlated[c];
            // The validator guarantees this; a scenario built in code may not have been validated.
            if (i < 0 || table.Distributions[i].IsConstant)
                throw new ArgumentException($"correlated parameter '{correlations.Paths[c]}' is not an uncertain parameter of the scenario", nameof(correlations));
            designed[i] = true;
        }

        var any = false;
        foreach (var d in designed) any |= d;
        if (!any || trials <= 0) return new SamplingDesign(firstTrial, Math.Max(trials, 0), columns);

        for (var i = 0; i < table.Count; i++)
            if (designed[i]) columns[i] = new double[trials];

        var block = blockTrials <= 0 ? trials : blockTrials;
        var end = firstTrial + trials;
        var blockStart = blockTrials <= 0 ? firstTrial : firstTrial - firstTrial % block;
        for (; blockStart < end; blockStart += block)
        {
            var from = Math.Max(blockStart, firstTrial);
            var to = Math.Min(blockStart + block, end);
            FillBlock(table, designed, lhs, seed, blockStart, block, from, to, columns, firstTrial);
            if (correlated.Length > 1) Correlate(correlations, correlated, columns, (int)(from - firstTrial), (int)(to - from));
        }
        return new SamplingDesign(firstTrial, trials, columns);
    }

    private static void FillBlock(ParameterTable table, bool[] designed, bool lhs, ulong seed, long blockStart, int block,
        long from, long to, double[]?[] columns, long firstTrial)
    {
        for (var i = 0; i < table.Count; i++)
        {
            if (!designed[i]) continue;
            var key = table.Keys[i];
            var column = columns[i]!;
            var strata = lhs ? LatinHypercube.Strata(seed, key, blockStart, block) : null;
            for (var t = from; t < to; t++)
            {
                var v = RandomStreams.Uniform(RandomStreams.StreamOf(RandomStreams.TrialHash(seed, t), key), 0);
                column[t - firstTrial] = strata is null ? v : LatinHypercube.Uniform(strata[t - blockStart], v, block);
            }
        }
    }

    /// <summary>Iman–Conover over rows [offset, offset + count) of the correlated columns.</summary>
    private static void Correlate(CorrelationMatrix correlations, int[] correlated, double[]?[] columns, int offset, int count)
    {
        var k = correlated.Length;
        var slices = new double[k][];
        for (var c = 0; c < k; c++)
        {
            slices[c] = new double[count];
            Array.Copy(columns[correlated[c]]!, offset, slices[c], 0, count);
        }
        var rho = new double[k, k];
        for (var a = 0; a < k; a++)
            for (var b = 0; b < k; b++) rho[a, b] = correlations[a, b];
        ImanConover.Apply(slices, rho);
        for (var c = 0; c < k; c++) Array.Copy(slices[c], 0, columns[correlated[c]]!, offset, count);
    }
}
