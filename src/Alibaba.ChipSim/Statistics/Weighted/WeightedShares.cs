using System.Collections.Immutable;
using Alibaba.ChipSim.Engine;

namespace Alibaba.ChipSim.Statistics.Weighted;

/// <summary>The weighted share of trials ending in each declared state (the weighted form of <c>SummaryBuilder.Shares</c>).</summary>
internal static class WeightedShares
{
    /// <summary>
    /// Σ w over the trials in each state / Σ w over all trials, the weights scaled by the largest: with equal weights each
    /// sum is the whole-number count, so every share is count / trials as in the unweighted summary. All 0 when no trial has weight.
    /// </summary>
    public static StateShares Of(CategoricalColumn column, double[] weights) => Of(column.Name, column.Categories, column.Codes, weights);

    public static StateShares Of(string name, ImmutableArray<string> states, ReadOnlySpan<byte> codes, double[] weights)
    {
        if (weights.Length != codes.Length) throw new ArgumentException($"{weights.Length} weights for {codes.Length} trials", nameof(weights));
        var largest = TrialWeights.Largest(weights);
        var sums = new NeumaierSum[states.Length];
        var all = new NeumaierSum();
        for (var t = 0; t < codes.Length; t++)
        {
            var w = weights[t];
            if (!(w > 0)) continue;
            var u = w / largest;
            sums[codes[t]].Add(u);
            all.Add(u);
        }
        var total = all.Value;
        var shares = ImmutableArray.CreateBuilder<double>(states.Length);
        foreach (var s in sums) shares.Add(total > 0 ? s.Value / total : 0);
        return new StateShares(name, states, shares.MoveToImmutable());
    }
}
