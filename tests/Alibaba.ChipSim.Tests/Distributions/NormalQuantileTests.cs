using Alibaba.ChipSim.Distributions;
using MathNet.Numerics.Distributions;

namespace Alibaba.ChipSim.Tests.Distributions;

public sealed class NormalQuantileTests
{
    [Fact]
    public void As241_matches_MathNet_across_the_unit_interval_and_deep_tails()
    {
        // Dense sweep of the central region and both tail branches (r ≤ 5 and r > 5, i.e. p < 1.4e-11).
        var ps = new List<double>();
        for (var i = 1; i < 100_000; i++) ps.Add(i / 100_000.0);
        for (var e = 2; e <= 300; e++) { ps.Add(Math.Pow(10, -e / 2.0)); ps.Add(1 - Math.Pow(10, -e / 2.0)); }
        foreach (var p in ps)
        {
            if (p <= 0 || p >= 1) continue;
            var expected = Normal.InvCDF(0, 1, p);
            Assert.True(Math.Abs(NormalQuantile.Of(p) - expected) <= 1e-14 * Math.Max(1, Math.Abs(expected)),
                $"p = {p:R}: {NormalQuantile.Of(p):R} vs {expected:R}");
        }
    }

    [Fact]
    public void As241_is_antisymmetric_and_infinite_at_the_ends()
    {
        Assert.Equal(0, NormalQuantile.Of(0.5));
        Assert.Equal(-NormalQuantile.Of(0.975), NormalQuantile.Of(0.025), 1e-15);
        Assert.Equal(1.959963984540054, NormalQuantile.Of(0.975), 1e-15);
        Assert.Equal(double.NegativeInfinity, NormalQuantile.Of(0));
        Assert.Equal(double.PositiveInfinity, NormalQuantile.Of(1));
    }
}
