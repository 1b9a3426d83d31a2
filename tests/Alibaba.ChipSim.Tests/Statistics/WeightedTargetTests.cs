using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Tests.Statistics;

public sealed class WeightedTargetTests
{
    private static readonly TargetSpec RoiBelow = new("roi", true, 0.1, null, SourceLocation.None("t.yaml"));

    [Fact]
    public void A_weighted_target_is_the_weighted_share_with_a_wilson_interval_at_the_ess()
    {
        // Values 0.05 (hit), 0.2, NaN (undefined), 0.0 (hit, weight 0: left out), 0.08 (hit).
        // Weights 3, 1, 5, 0, 1 → defined with weight: 0.05 (3), 0.2 (1), 0.08 (1): P = 4/5 = 0.8;
        // ess = (3+1+1)² / (9+1+1) = 25/11.
        double[] values = [0.05, 0.2, double.NaN, 0.0, 0.08];
        double[] weights = [3, 1, 5, 0, 1];

        var r = TargetProbability.Of(values, weights, RoiBelow);

        Assert.Equal(3, r.Count);
        Assert.Equal(0.8, r.Probability!.Value, 15);
        var expected = Alibaba.ChipSim.Statistics.Weighted.WeightedProportion.Wilson(0.8, 25.0 / 11);
        Assert.Equal(expected.Low, r.Ci95!.Value.Low, 12);
        Assert.Equal(expected.High, r.Ci95!.Value.High, 12);
    }

    [Fact]
    public void Equal_weights_give_the_unweighted_target_and_tiny_weights_do_not_underflow()
    {
        double[] values = [0.05, 0.2, double.NaN, 0.0, 0.08, 0.3, 0.01];
        var plain = TargetProbability.Of(values, RoiBelow);

        foreach (var w in (double[])[1, 7.5e200, 3e-320])
        {
            var weighted = TargetProbability.Of(values, Enumerable.Repeat(w, values.Length).ToArray(), RoiBelow);
            Assert.Equal(plain.Count, weighted.Count);
            Assert.Equal(plain.Probability!.Value, weighted.Probability!.Value, 14);
            Assert.Equal(plain.Ci95!.Value.Low, weighted.Ci95!.Value.Low, 12);
            Assert.Equal(plain.Ci95!.Value.High, weighted.Ci95!.Value.High, 12);
        }
    }
}
