namespace Alibaba.ChipSim.Statistics.Weighted;

/// <summary>
/// Facts about a run's per-trial weights as a whole. Weights are kept as plain numbers w ≥ 0 (the probability of the
/// observations under each trial's draws, a product of factors ≤ 1), not as logarithms; every statistic divides them by
/// the largest first, so a common factor, however small, changes nothing, and the evidence is taken as
/// ln(max w) + ln(mean(w / max w)), finite whenever any weight is positive.
/// </summary>
internal static class TrialWeights
{
    /// <summary>The largest weight (0 when none is positive); throws when a weight is negative, NaN or infinite.</summary>
    public static double Largest(ReadOnlySpan<double> weights)
    {
        double largest = 0;
        for (var t = 0; t < weights.Length; t++)
        {
            var w = weights[t];
            if (!(w >= 0) || double.IsInfinity(w))
                throw new ArgumentOutOfRangeException(nameof(weights), w, $"trial {t}: a weight must be a finite number ≥ 0");
            if (w > largest) largest = w;
        }
        return largest;
    }

    /// <summary>The run-level figures of summary.json's <c>history</c> block.</summary>
    public static WeightTotals Totals(ReadOnlySpan<double> weights)
    {
        var largest = Largest(weights);
        long positive = 0;
        var v1 = new NeumaierSum();
        var v2 = new NeumaierSum();
        for (var t = 0; t < weights.Length; t++)
        {
            var w = weights[t];
            if (!(w > 0)) continue;
            positive++;
            var u = w / largest;
            v1.Add(u);
            v2.Add(u * u);
        }
        return FromSums(weights.Length, positive, largest, v1.Value, v2.Value);
    }

    /// <summary>The totals from the sums of the weights divided by the largest, and of their squares (a streamed run adds them chunk by chunk).</summary>
    internal static WeightTotals FromSums(long trials, long positive, double largest, double sum, double squares)
    {
        if (positive == 0) return new WeightTotals(trials, 0, 0, double.NegativeInfinity);
        var logEvidence = Math.Log(largest) + Math.Log(sum / trials);
        return new WeightTotals(trials, positive, sum * sum / squares, logEvidence);
    }
}
