using Alibaba.ChipSim.Statistics.Weighted;

namespace Alibaba.ChipSim.Statistics.Scoring;

/// <summary>
/// Scores of a forecast given as per-trial values (and weights: all 1 for an unweighted run) against what happened
/// (docs/forecast-scoring.md). Only trials where the value is defined and the weight is positive count.
/// </summary>
internal static class ForecastScores
{
    /// <summary>
    /// The PIT and CRPS of the realised value <paramref name="actual"/>. PIT = P(X &lt; y) + ½ P(X = y) (the mid-PIT: the
    /// plain percentile when no trial equals y). CRPS = E|X − y| − ½ E|X − X′| over the weighted empirical forecast, with
    /// E|X − X′| = 2 Σ_i w_i G_i / V1², G_i = Σ_{j&lt;i} w_j (x_i − x_j) over the sorted values, taken by the recurrence
    /// G_i = G_{i−1} + C_i (x_i − x_{i−1}) (C_i the weight before x_i): one sort, every term ≥ 0, no cancellation.
    /// Null when no trial counts.
    /// </summary>
    public static (double Pit, double Crps)? Value(double[] values, double[] weights, double actual)
    {
        if (!double.IsFinite(actual)) throw new ArgumentOutOfRangeException(nameof(actual), actual, "the realised value must be finite");
        var largest = TrialWeights.Largest(weights);
        var count = 0;
        for (var t = 0; t < values.Length; t++)
            if (!double.IsNaN(values[t]) && weights[t] > 0) count++;
        if (count == 0) return null;

        var (keys, units) = WeightedSort.Sort(values, weights, largest, count);
        try
        {
            var total = new NeumaierSum();
            var below = new NeumaierSum();
            var equal = new NeumaierSum();
            var distance = new NeumaierSum();
            var spread = new NeumaierSum();
            double before = 0, gap = 0, previous = 0;
            for (var i = 0; i < count; i++)
            {
                var x = SortableKey.ToDouble(keys[i]);
                var u = units[i];
                if (i > 0) gap += before * (x - previous);
                spread.Add(u * gap);
                total.Add(u);
                distance.Add(u * Math.Abs(x - actual));
                if (x < actual) below.Add(u);
                else if (x == actual) equal.Add(u);
                before += u;
                previous = x;
            }
            var v1 = total.Value;
            var pit = (below.Value + 0.5 * equal.Value) / v1;
            var crps = distance.Value / v1 - spread.Value / (v1 * v1);
            return (Math.Clamp(pit, 0, 1), Math.Max(0, crps));
        }
        finally
        {
            WeightedSort.Return(keys, units);
        }
    }

    /// <summary>The Brier score (p − o)² of forecast probability <paramref name="probability"/> for an event that did or did not happen.</summary>
    public static double Brier(double probability, bool happened)
    {
        var miss = probability - (happened ? 1 : 0);
        return miss * miss;
    }

    /// <summary>The log score −ln p(outcome) in nats (lower is better): +∞ when the forecast gave the outcome probability 0.</summary>
    public static double LogScore(double probability, bool happened) =>
        0.0 - Math.Log(happened ? probability : 1 - probability); // 0 − x, not −x: a certain outcome scores +0, not −0
}
