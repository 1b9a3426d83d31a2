using Alibaba.ChipSim.Sampling;
using Alibaba.ChipSim.Statistics.Sensitivity;

namespace Alibaba.ChipSim.Tests.Sensitivity;

/// <summary>Sensitivity of a run conditioned on history: weighted ranks, correlations and rank regression.</summary>
public sealed class WeightedSensitivityTests
{
    private static double[] Uniforms(int n, ulong key) => Enumerable.Range(0, n).Select(t => RandomStreams.Uniform(9, t, key, 0)).ToArray();

    private static KeyValuePair<string, double[]> Column(string name, double[] values) => new(name, values);

    private static (KeyValuePair<string, double[]>[] Inputs, KeyValuePair<string, double[]>[] Outputs) Data(int n)
    {
        var a = Uniforms(n, 1);
        var b = Uniforms(n, 2);
        var c = Enumerable.Range(0, n).Select(t => Math.Floor(4 * Uniforms(n, 3)[t])).ToArray(); // ties
        var y = Enumerable.Range(0, n).Select(t => 3 * a[t] - b[t] + 0.5 * c[t] + Uniforms(n, 4)[t]).ToArray();
        var z = Enumerable.Range(0, n).Select(t => a[t] > 0.8 ? double.NaN : a[t] * b[t]).ToArray(); // missing in part
        return ([Column("a", a), Column("b", b), Column("c", c)], [Column("y", y), Column("z", z)]);
    }

    private static void AssertSame(SensitivityReport expected, SensitivityReport actual, int digits)
    {
        Assert.Equal(expected.Inputs.ToArray(), actual.Inputs.ToArray());
        Assert.Equal(expected.Outputs.Length, actual.Outputs.Length);
        for (var o = 0; o < expected.Outputs.Length; o++)
        {
            var e = expected.Outputs[o];
            var g = actual.Outputs[o];
            Assert.Equal(e.Output, g.Output);
            Assert.Equal(e.RankRegressionR2, g.RankRegressionR2, digits);
            Assert.Equal(e.Inputs.Select(i => i.Input), g.Inputs.Select(i => i.Input));
            for (var i = 0; i < e.Inputs.Length; i++)
            {
                Assert.Equal(e.Inputs[i].Spearman, g.Inputs[i].Spearman, digits);
                Assert.Equal(e.Inputs[i].Srrc, g.Inputs[i].Srrc, digits);
            }
        }
    }

    [Fact]
    public void Equal_weights_give_the_unweighted_analysis_bit_for_bit()
    {
        var (inputs, outputs) = Data(3000);
        var unweighted = SensitivityAnalysis.Compute(inputs, outputs);
        var weighted = SensitivityAnalysis.Compute(inputs, outputs, Enumerable.Repeat(0.37, 3000).ToArray());

        Assert.Equal(unweighted.Outputs.SelectMany(o => o.Inputs), weighted.Outputs.SelectMany(o => o.Inputs));
        Assert.Equal(unweighted.Outputs.Select(o => (o.Output, o.Count, o.RankRegressionR2)), weighted.Outputs.Select(o => (o.Output, o.Count, o.RankRegressionR2)));
    }

    [Fact]
    public void Trials_of_weight_zero_drop_out_and_the_rest_are_analysed_as_they_are()
    {
        var (inputs, outputs) = Data(3000);
        var weights = Enumerable.Range(0, 3000).Select(t => t % 3 == 0 ? 0.0 : 0.5).ToArray();
        var kept = Enumerable.Range(0, 3000).Where(t => t % 3 != 0).ToArray();
        KeyValuePair<string, double[]> Keep(KeyValuePair<string, double[]> c) => Column(c.Key, [.. kept.Select(t => c.Value[t])]);

        var expected = SensitivityAnalysis.Compute([.. inputs.Select(Keep)], [.. outputs.Select(Keep)]);
        var actual = SensitivityAnalysis.Compute(inputs, outputs, weights);

        Assert.Equal(expected.Outputs.SelectMany(o => o.Inputs), actual.Outputs.SelectMany(o => o.Inputs));
        Assert.Equal(2000, actual.Outputs.Single(o => o.Output == "y").Count);
    }

    [Fact]
    public void A_trial_of_weight_two_counts_as_two_equal_trials()
    {
        // Weights 1 and 2 against the unweighted analysis of the same trials with every weight-2 trial written twice:
        // the weighted mid-ranks are the duplicated data's average ranks less ½, so after standardizing the two agree.
        var (inputs, outputs) = Data(2000);
        var weights = Enumerable.Range(0, 2000).Select(t => RandomStreams.Uniform(9, t, 77, 0) < 0.3 ? 2.0 : 1.0).ToArray();
        var rows = Enumerable.Range(0, 2000).SelectMany(t => weights[t] == 2 ? new[] { t, t } : [t]).ToArray();
        KeyValuePair<string, double[]> Repeat(KeyValuePair<string, double[]> c) => Column(c.Key, [.. rows.Select(t => c.Value[t])]);

        var duplicated = SensitivityAnalysis.Compute([.. inputs.Select(Repeat)], [.. outputs.Select(Repeat)]);
        var weighted = SensitivityAnalysis.Compute(inputs, outputs, weights);

        AssertSame(duplicated, weighted, 10);
        // …and it is not the unweighted analysis of the trials as they are.
        var plain = SensitivityAnalysis.Compute(inputs, outputs);
        Assert.NotEqual(plain.Outputs[0].Inputs[0].Spearman, weighted.Outputs[0].Inputs[0].Spearman);
    }

    [Fact]
    public void Weighted_mid_ranks_count_the_weight_below_and_half_the_weight_tied()
    {
        double[] values = [3, 1, 2, 2, 5];
        double[] weights = [1, 2, 0.5, 1.5, 4];
        var ranks = new double[5];
        Ranks.WeightedMid(values, weights, ranks, new double[5], new int[5]);

        // 1 (w 2): 0 + 1; the two 2s (w 0.5 + 1.5): 2 + 1; 3 (w 1): 4 + 0.5; 5 (w 4): 5 + 2.
        Assert.Equal([4.5, 1, 3, 3, 7], ranks);
    }
}
