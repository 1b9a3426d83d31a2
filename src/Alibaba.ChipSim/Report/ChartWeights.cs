using Alibaba.ChipSim.Statistics.Weighted;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// The per-trial weights of a run conditioned on history (docs/history.md) as the charts use them: each trial counts by
/// its weight divided by the largest weight (the summary's own scaling, so a common factor changes nothing), and a bar or
/// a curve is a share of the total weight. Null for an unweighted run, whose charts count trials.
/// </summary>
internal static class ChartWeights
{
    /// <summary>w / max w for each trial (all 0 when no trial has weight), or null for a run without weights.</summary>
    public static double[]? Scaled(double[]? weights)
    {
        if (weights is null) return null;
        var largest = TrialWeights.Largest(weights);
        var scaled = new double[weights.Length];
        if (largest > 0)
            for (var t = 0; t < weights.Length; t++) scaled[t] = weights[t] / largest;
        return scaled;
    }

    /// <summary>The sentence every weighted chart's caption starts with.</summary>
    public const string Caption = "Weighted: the run is conditioned on history, so each trial counts by its weight (docs/history.md) and shares are shares of the total weight.";
}
