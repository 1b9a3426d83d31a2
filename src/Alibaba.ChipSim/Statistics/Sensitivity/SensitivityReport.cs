using System.Collections.Immutable;

namespace Alibaba.ChipSim.Statistics.Sensitivity;

/// <summary>The <c>sensitivity</c> section of a run: every headline output against every uncertain input.</summary>
public sealed record SensitivityReport(ImmutableArray<string> Inputs, ImmutableArray<OutputSensitivity> Outputs)
{
    /// <summary>How the numbers are computed, written into summary.json beside them.</summary>
    public const string Method =
        "spearman: rank correlation (average ranks for ties) over the trials where the output is defined; " +
        "srrc: standardized coefficient of the linear regression of the output's ranks on all inputs' ranks; " +
        "variance_share: srrc^2 / sum of srrc^2 (share of the variance explained by that regression, whose r2 is given)";

    /// <summary><see cref="Method"/> for a run conditioned on history, whose trials' weights enter every number.</summary>
    public const string WeightedMethod =
        "weighted by the trials' weights (trials of weight 0 left out; equal weights give the unweighted numbers): " +
        "spearman: weighted Pearson correlation of weighted mid-ranks (weight below plus half the weight tied) over the trials where the output is defined; " +
        "srrc: standardized coefficient of the weighted least-squares regression of the output's ranks on all inputs' ranks; " +
        "variance_share: srrc^2 / sum of srrc^2 (share of the variance explained by that regression, whose r2 is given)";

    /// <summary>True when the trials carried weights (a run conditioned on history): the numbers are weighted.</summary>
    public bool Weighted { get; init; }

    public OutputSensitivity? Output(string name)
    {
        foreach (var o in Outputs) if (o.Output == name) return o;
        return null;
    }
}
