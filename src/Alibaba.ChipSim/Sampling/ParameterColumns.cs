namespace Alibaba.ChipSim.Sampling;

/// <summary>
/// The per-trial values of the uncertain parameters of a run, regenerated from the seed and the design
/// (the engine does not keep them): the same quantile of the same uniform as in the trial loop.
/// </summary>
internal static class ParameterColumns
{
    /// <summary>One column per uncertain parameter (index into the table, values in trial order).</summary>
    public static List<(int Parameter, double[] Values)> Regenerate(ParameterTable table, SamplingDesign design, ulong seed)
    {
        var result = new List<(int, double[])>();
        var n = design.Trials;
        var hashes = new ulong[n];
        for (var t = 0; t < n; t++) hashes[t] = RandomStreams.TrialHash(seed, design.FirstTrial + t);
        for (var i = 0; i < table.Count; i++)
        {
            var d = table.Distributions[i];
            if (d.IsConstant) continue;
            var key = table.Keys[i];
            var values = new double[n];
            for (var t = 0; t < n; t++) values[t] = d.Sample(design.Uniform(i, design.FirstTrial + t, hashes[t], key));
            result.Add((i, values));
        }
        return result;
    }
}
