using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Sampling;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Sampling;

public sealed class LatinHypercubeTests
{
    private static readonly CorrelationMatrix None = CorrelationMatrix.From([]);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    public void Each_uncertain_parameter_has_exactly_one_draw_in_each_of_n_equal_probability_strata(int n)
    {
        var table = ParameterTable.For(TestScenarios.SpecExample());
        var design = SamplingDesign.Build(table, SamplingMethod.LatinHypercube, None, 20251223, 0, n);
        var designed = 0;
        for (var i = 0; i < table.Count; i++)
        {
            var column = design.Column(i);
            if (!table.Parameters[i].IsUncertain)
            {
                Assert.Null(column);
                continue;
            }
            designed++;
            var hits = new int[n];
            foreach (var u in column!)
            {
                Assert.InRange(u, double.Epsilon, Math.BitDecrement(1.0));
                hits[(int)(u * n)]++;
            }
            Assert.All(hits, h => Assert.Equal(1, h));
        }
        Assert.True(designed >= 10, $"the example has {designed} uncertain parameters");
    }

    [Fact]
    public void Drawn_values_fall_one_per_stratum_of_the_distribution_itself()
    {
        // The quantile method carries the strata through: CDF(value) of a continuous parameter lands in stratum k/n.
        const int n = 500;
        var table = ParameterTable.For(TestScenarios.SpecExample());
        var design = SamplingDesign.Build(table, SamplingMethod.LatinHypercube, None, 7, 0, n);
        var i = table.IndexOf("economics.price_per_chip_usd");
        var spec = table.Parameters[i].Distribution;
        var cdf = CompiledDistribution.CdfOf(spec);
        var compiled = CompiledDistribution.Compile(spec);
        var hits = new int[n];
        foreach (var u in design.Column(i)!) hits[Math.Min(n - 1, (int)(cdf(compiled.Sample(u)) * n))]++;
        Assert.All(hits, h => Assert.Equal(1, h));
    }

    [Fact]
    public void Plain_monte_carlo_without_correlations_stores_nothing()
    {
        var table = ParameterTable.For(TestScenarios.SpecExample());
        Assert.True(SamplingDesign.Build(table, SamplingMethod.MonteCarlo, None, 1, 0, 100).IsPlain);
    }

    [Fact]
    public void A_parameter_shared_by_two_variants_is_stratified_identically()
    {
        var baseScenario = TestScenarios.SpecExample();
        var variant = baseScenario with
        {
            Economics = baseScenario.Economics with { ExportFeeRate = TestScenarios.P("economics.export_fee_rate", new UniformDistribution(0.2, 0.5)) },
        };
        var a = ParameterTable.For(baseScenario);
        var b = ParameterTable.For(variant);
        var da = SamplingDesign.Build(a, SamplingMethod.LatinHypercube, None, 99, 0, 256);
        var db = SamplingDesign.Build(b, SamplingMethod.LatinHypercube, None, 99, 0, 256);
        const string path = "economics.price_per_chip_usd";
        Assert.Equal(da.Column(a.IndexOf(path)), db.Column(b.IndexOf(path)));
        Assert.Null(da.Column(a.IndexOf("economics.export_fee_rate")));
        Assert.NotNull(db.Column(b.IndexOf("economics.export_fee_rate")));
    }

    [Fact]
    public void Within_a_stratum_the_trial_keeps_its_own_monte_carlo_uniform()
    {
        // u = (π(t) + v(t)) / n with v(t) the plain Monte Carlo uniform: n·u − floor(n·u) = v up to rounding.
        const int n = 64;
        const ulong seed = 5;
        var table = ParameterTable.For(TestScenarios.SpecExample());
        var design = SamplingDesign.Build(table, SamplingMethod.LatinHypercube, None, seed, 0, n);
        var i = table.IndexOf("compute.utilization");
        var key = RandomStreams.KeyOf("compute.utilization");
        for (var t = 0; t < n; t++)
        {
            var scaled = design.Column(i)![t] * n;
            Assert.Equal(RandomStreams.Uniform(seed, t, key, 0), scaled - Math.Floor(scaled), 1e-12);
        }
    }

    [Fact]
    public void A_run_in_blocks_equals_its_batches_built_one_by_one()
    {
        // --until-se runs batches of a fixed size; the final run over all of them must draw the same numbers.
        const int block = 100;
        var table = ParameterTable.For(TestScenarios.SpecExample());
        var whole = SamplingDesign.Build(table, SamplingMethod.LatinHypercube, None, 3, 0, 3 * block, block);
        for (var b = 0; b < 3; b++)
        {
            var batch = SamplingDesign.Build(table, SamplingMethod.LatinHypercube, None, 3, b * block, block, block);
            for (var i = 0; i < table.Count; i++)
            {
                if (whole.Column(i) is not { } w) continue;
                Assert.Equal(w.AsSpan(b * block, block).ToArray(), batch.Column(i));
            }
        }
    }

    [Fact]
    public void Strata_differ_between_blocks_and_between_seeds()
    {
        var key = RandomStreams.KeyOf("p");
        var a = LatinHypercube.Strata(1, key, 0, 50);
        Assert.NotEqual(a, LatinHypercube.Strata(1, key, 50, 50));
        Assert.NotEqual(a, LatinHypercube.Strata(2, key, 0, 50));
        Assert.Equal(a, LatinHypercube.Strata(1, key, 0, 50));
    }
}
