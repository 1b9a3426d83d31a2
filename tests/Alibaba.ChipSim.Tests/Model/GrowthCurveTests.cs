using Alibaba.ChipSim.Model;

namespace Alibaba.ChipSim.Tests.Model;

public sealed class GrowthCurveTests
{
    [Fact]
    public void Twelve_months_grow_by_the_annual_rate()
    {
        Assert.Equal(2.3, GrowthCurve.Factor(12, 1.3), 1e-14);
        Assert.Equal(1.0, GrowthCurve.Factor(0, 1.3));
        Assert.Equal(Math.Pow(1.12, -4 / 12.0), GrowthCurve.Factor(-4, 0.12), 1e-15);
        Assert.Equal(Math.Pow(1.6, 1 / 12.0), GrowthCurve.MonthlyFactor(0.6), 1e-15);
    }

    [Fact]
    public void Start_gives_the_factor_and_the_monthly_step_bit_for_bit()
    {
        foreach (var g in new[] { -0.5, 0.12, 1.3 })
        {
            var (factor, monthly) = GrowthCurve.Start(4, g);
            Assert.Equal(GrowthCurve.Factor(4, g), factor);
            Assert.Equal(GrowthCurve.MonthlyFactor(g), monthly);
        }
    }

    [Fact]
    public void Log1p_is_accurate_for_tiny_rates()
    {
        // log(1 + x) = x − x²/2 + …: 1e-12 − 5e-25.
        Assert.Equal(1e-12 - 5e-25, GrowthCurve.Log1P(1e-12), 1e-27);
        Assert.Equal(Math.Log(2.3), GrowthCurve.Log1P(1.3), 1e-15);
        Assert.Equal(double.NegativeInfinity, GrowthCurve.Log1P(-1));
    }

    [Fact]
    public void Multiplying_monthly_factors_along_a_horizon_stays_within_a_few_ulps_of_the_direct_formula()
    {
        foreach (var g in new[] { -0.5, 0.05, 0.12, 0.6, 1.3, 3.0 })
        {
            var f = GrowthCurve.Factor(4, g);
            var step = GrowthCurve.MonthlyFactor(g);
            for (var t = 4; t < 4 + 120; t++, f *= step)
                Assert.Equal(GrowthCurve.Factor(t, g), f, GrowthCurve.Factor(t, g) * 1e-13);
        }
    }
}
