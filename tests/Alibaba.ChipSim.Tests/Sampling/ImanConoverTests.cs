using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Sampling;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics.Sensitivity;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Sampling;

public sealed class ImanConoverTests
{
    private static readonly SourceLocation Here = SourceLocation.None("<test>");

    // Spearman's ρ over n = 10,000 independent pairs has SE ≈ (1 − ρ²)/√(n − 1) ≤ 0.01; Iman–Conover
    // itself lands closer than that, so 3 SE = 0.03 bounds the miss with room for both.
    private const double Tolerance = 0.03;

    [Theory]
    [InlineData(SamplingMethod.MonteCarlo)]
    [InlineData(SamplingMethod.LatinHypercube)]
    public void Reaches_the_target_rank_correlations_on_ten_thousand_trials_and_leaves_every_marginal_unchanged(SamplingMethod method)
    {
        const int n = 10_000;
        var scenario = TestScenarios.SpecExample();
        var table = ParameterTable.For(scenario);
        var correlations = CorrelationMatrix.From(
        [
            new("economics.price_per_chip_usd", "economics.fee_pass_through", 0.6, Here),
            new("compute.h200_vs_h20", "compute.utilization", -0.4, Here),
            new("economics.price_per_chip_usd", "compute.h200_vs_h20", 0.3, Here),
        ]);
        var independent = SamplingDesign.Build(table, method, CorrelationMatrix.From([]), 11, 0, n);
        var correlated = SamplingDesign.Build(table, method, correlations, 11, 0, n);

        double[] Values(SamplingDesign d, string path)
        {
            var i = table.IndexOf(path);
            var compiled = CompiledDistribution.Compile(table.Parameters[i].Distribution);
            var u = d.Column(i) ?? Enumerable.Range(0, n).Select(t => RandomStreams.Uniform(11, t, RandomStreams.KeyOf(path), 0)).ToArray();
            return u.Select(compiled.Sample).ToArray();
        }

        foreach (var path in correlations.Paths)
        {
            var before = Values(independent, path);
            var after = Values(correlated, path);
            Array.Sort(before);
            Array.Sort(after);
            Assert.Equal(before, after); // the same values, bit for bit, only in another order
        }
        for (var a = 0; a < correlations.Count; a++)
            for (var b = a + 1; b < correlations.Count; b++)
            {
                var rho = Ranks.Spearman(Values(correlated, correlations.Paths[a]), Values(correlated, correlations.Paths[b]));
                Assert.InRange(rho, correlations[a, b] - Tolerance, correlations[a, b] + Tolerance);
            }
    }

    [Fact]
    public void A_perfect_rank_correlation_makes_the_columns_comonotone()
    {
        // ρ = 1 gives a singular target (no Cholesky factor): the eigen square root takes over.
        const int n = 2000;
        var x = Enumerable.Range(0, n).Select(t => RandomStreams.Uniform(1, t, 10, 0)).ToArray();
        var y = Enumerable.Range(0, n).Select(t => RandomStreams.Uniform(1, t, 20, 0)).ToArray();
        ImanConover.Apply([x, y], new double[,] { { 1, 1 }, { 1, 1 } });
        Assert.Equal(1.0, Ranks.Spearman(x, y), 6);
    }

    [Fact]
    public void Uncorrelated_targets_leave_independent_columns_nearly_uncorrelated()
    {
        // The scores are first decorrelated, so a zero target ends well inside the sampling SE 1/√(n−1) ≈ 0.01.
        const int n = 10_000;
        var x = Enumerable.Range(0, n).Select(t => RandomStreams.Uniform(2, t, 10, 0)).ToArray();
        var y = Enumerable.Range(0, n).Select(t => RandomStreams.Uniform(2, t, 20, 0)).ToArray();
        ImanConover.Apply([x, y], new double[,] { { 1, 0 }, { 0, 1 } });
        Assert.InRange(Ranks.Spearman(x, y), -0.01, 0.01);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.5, 0.5176380902050415)]
    [InlineData(-0.5, -0.5176380902050415)]
    [InlineData(1.0, 1.0)]
    public void The_normal_score_correlation_is_two_sine_of_pi_rho_over_six(double spearman, double pearson) =>
        Assert.Equal(pearson, ImanConover.PearsonOfNormalScores(spearman), 12);

    [Fact]
    public void Correlating_a_constant_parameter_is_refused()
    {
        var table = ParameterTable.For(TestScenarios.SpecExample());
        var bad = CorrelationMatrix.From([new("economics.usd_cny", "compute.utilization", 0.5, Here)]);
        Assert.Throws<ArgumentException>(() => SamplingDesign.Build(table, SamplingMethod.MonteCarlo, bad, 1, 0, 10));
    }
}
