using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Sampling;
using MathNet.Numerics.Distributions;

namespace Alibaba.ChipSim.Tests.Distributions;

public sealed class CompiledDistributionTests
{
    private static readonly double[] Probabilities =
        [1e-6, 1e-4, 0.001, 0.01, 0.05, 0.1, 0.25, 0.3333, 0.5, 0.6667, 0.75, 0.9, 0.95, 0.99, 0.999, 0.9999, 1 - 1e-6];

    [Theory]
    [InlineData(8, 2)]
    [InlineData(2, 8)]
    [InlineData(1, 1)]
    [InlineData(0.5, 0.5)]
    [InlineData(30, 70)]
    public void Beta_quantiles_match_MathNet_to_2e_8(double alpha, double beta)
    {
        var d = CompiledDistribution.Compile(new BetaDistribution(alpha, beta));
        foreach (var p in Probabilities)
            Assert.Equal(Beta.InvCDF(alpha, beta, p), d.Sample(p), 2e-8);
        // Dense sweep through the interpolated body.
        for (var i = 1; i < 10_000; i++)
        {
            var p = i / 10_000.0 + 3.7e-6;
            Assert.Equal(Beta.InvCDF(alpha, beta, p), d.Sample(p), 2e-8);
        }
    }

    [Fact]
    public void Pert_is_a_scaled_beta_with_lambda_four()
    {
        // min 25000, mode 32000, max 40000: α = 1 + 4·7000/15000 = 2.8667, β = 1 + 4·8000/15000 = 3.1333.
        var spec = new PertDistribution(25000, 32000, 40000);
        var d = CompiledDistribution.Compile(spec);
        Assert.Equal(2.8666666666666667, CompiledDistribution.PertAlpha(spec), 12);
        Assert.Equal(3.1333333333333333, CompiledDistribution.PertBeta(spec), 12);
        foreach (var p in Probabilities)
            Assert.Equal(25000 + 15000 * Beta.InvCDF(2.8666666666666667, 3.1333333333333333, p), d.Sample(p), 15000 * 2e-8);
        // PERT mean = (min + 4·mode + max) / 6 = 32166.67
        Assert.Equal(32166.666666666668, d.Mean(), 0.5);
    }

    [Fact]
    public void Closed_form_quantiles_are_exact()
    {
        Assert.Equal(0.5 + 0.25 * 0.5, CompiledDistribution.Compile(new UniformDistribution(0.5, 1.0)).Sample(0.25), 15);
        var tri = CompiledDistribution.Compile(new TriangularDistribution(4, 6, 7));
        foreach (var p in Probabilities)
            Assert.Equal(Triangular.InvCDF(4, 7, 6, p), tri.Sample(p), 1e-12);
        var normal = CompiledDistribution.Compile(new NormalDistribution(0.12, 0.04));
        foreach (var p in Probabilities)
            Assert.Equal(Normal.InvCDF(0.12, 0.04, p), normal.Sample(p), 1e-12);
        var ln = LogNormalDistribution.FromMeanSd(1.3, 0.3);
        var logNormal = CompiledDistribution.Compile(ln);
        foreach (var p in Probabilities)
            Assert.Equal(LogNormal.InvCDF(ln.Mu, ln.Sigma, p), logNormal.Sample(p), 1e-9);
    }

    [Fact]
    public void Lognormal_from_mean_and_sd_has_that_mean_and_sd()
    {
        var ln = LogNormalDistribution.FromMeanSd(1.3, 0.3);
        var m = new LogNormal(ln.Mu, ln.Sigma);
        Assert.Equal(1.3, m.Mean, 12);
        Assert.Equal(0.3, m.StdDev, 12);
    }

    [Fact]
    public void Uniform_int_gives_each_whole_number_an_equal_share()
    {
        // 5000..5003: four values, each on a quarter of (0, 1).
        var d = CompiledDistribution.Compile(new UniformIntDistribution(5000, 5003));
        Assert.Equal(5000, d.Sample(1e-12));
        Assert.Equal(5000, d.Sample(0.2499));
        Assert.Equal(5001, d.Sample(0.2501));
        Assert.Equal(5003, d.Sample(1 - 1e-16));
    }

    [Fact]
    public void Discrete_is_sorted_by_value_and_weighted()
    {
        // values [3, 1, 2] weights [0.2, 0.3, 0.5] → sorted 1 (0.3), 2 (0.5), 3 (0.2): cumulative 0.3, 0.8, 1.
        var d = CompiledDistribution.Compile(new DiscreteDistribution([3, 1, 2], [0.2, 0.3, 0.5]));
        Assert.Equal(1, d.Sample(0.29));
        Assert.Equal(2, d.Sample(0.31));
        Assert.Equal(2, d.Sample(0.79));
        Assert.Equal(3, d.Sample(0.81));
    }

    [Fact]
    public void Bernoulli_is_one_on_the_upper_p_of_the_unit_interval()
    {
        var d = CompiledDistribution.Compile(new BernoulliDistribution(0.3));
        Assert.Equal(0, d.Sample(0.69));
        Assert.Equal(1, d.Sample(0.71));
    }

    [Fact]
    public void Truncated_normal_stays_in_bounds_and_matches_the_conditional_mean()
    {
        // N(0.12, 0.04) truncated to [0.1, 0.2]: conditional mean = μ + σ(φ(a) − φ(b))/(Φ(b) − Φ(a)), a = −0.5, b = 2.
        var d = CompiledDistribution.Compile(new NormalDistribution(0.12, 0.04) { Low = 0.1, High = 0.2 });
        double a = -0.5, b = 2;
        var expected = 0.12 + 0.04 * (Normal.PDF(0, 1, a) - Normal.PDF(0, 1, b)) / (Normal.CDF(0, 1, b) - Normal.CDF(0, 1, a));
        Assert.Equal(expected, d.Mean(), 1e-7);
        foreach (var p in Probabilities) Assert.InRange(d.Sample(p), 0.1, 0.2);
    }

    [Fact]
    public void Sampled_beta_has_the_right_mean_within_monte_carlo_error()
    {
        // Beta(8, 2): mean 0.8, sd = sqrt(αβ/((α+β)²(α+β+1))) = sqrt(16/1100) = 0.1206; n = 100,000 → SE 3.8e-4.
        var d = CompiledDistribution.Compile(new BetaDistribution(8, 2));
        var key = RandomStreams.KeyOf("compute.utilization");
        const int n = 100_000;
        var sum = 0.0;
        for (var t = 0; t < n; t++) sum += d.Sample(RandomStreams.Uniform(20251223, t, key, 0));
        Assert.InRange(sum / n, 0.8 - 4 * 3.8e-4, 0.8 + 4 * 3.8e-4);
    }

    [Theory]
    [InlineData(0.1, 0.5)]
    [InlineData(0.0, 0.3)]
    public void Support_reflects_truncation(double low, double high)
    {
        var (lo, hi) = CompiledDistribution.SupportOf(new NormalDistribution(0.2, 1) { Low = low, High = high });
        Assert.Equal(low, lo);
        Assert.Equal(high, hi);
    }
}
