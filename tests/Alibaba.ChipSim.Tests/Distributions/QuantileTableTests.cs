using Alibaba.ChipSim.Distributions;
using MathNet.Numerics.Distributions;

namespace Alibaba.ChipSim.Tests.Distributions;

public sealed class QuantileTableTests
{
    [Theory]
    [InlineData(8, 2)]
    [InlineData(2.8666666666666667, 3.1333333333333333)]
    [InlineData(0.5, 0.5)]
    [InlineData(30, 70)]
    public void The_tail_tables_match_MathNet_deep_into_both_tails(double alpha, double beta)
    {
        // Log-spaced probabilities from 1e-9 to 16/8192 at each end: the finer tail tables and their exact fallback.
        var table = QuantileTable.ForBeta(alpha, beta);
        for (var e = -9.0; e <= Math.Log10(16.0 / 8192); e += 0.01)
        {
            var p = Math.Pow(10, e);
            Assert.Equal(Beta.InvCDF(alpha, beta, p), table.Quantile(p), 2e-8);
            Assert.Equal(Beta.InvCDF(alpha, beta, 1 - p), table.Quantile(1 - p), 2e-8);
        }
    }

    [Fact]
    public void Tables_are_monotone_across_segment_and_table_boundaries()
    {
        var table = QuantileTable.ForBeta(8, 2);
        var previous = table.Quantile(1e-7);
        for (var i = 1; i < 2_000_000; i++)
        {
            var x = table.Quantile(1e-7 + i * (1 - 2e-7) / 2_000_000);
            Assert.True(x >= previous, $"not monotone at step {i}");
            previous = x;
        }
    }

    [Fact]
    public void The_table_cache_is_bounded_and_a_table_rebuilt_after_eviction_gives_the_same_quantiles()
    {
        var first = QuantileTable.ForBeta(3.25, 4.75);
        var before = new[] { 1e-7, 0.001, 0.3, 0.5, 0.9, 0.999999 }.Select(first.Quantile).ToArray();
        // More distinct shapes than the cache holds: it must start afresh rather than grow.
        for (var i = 0; i <= QuantileTable.CacheCapacity; i++)
        {
            QuantileTable.ForBeta(1.5 + i / 64.0, 2.5);
            Assert.InRange(QuantileTable.Cached, 1, QuantileTable.CacheCapacity);
        }
        var again = QuantileTable.ForBeta(3.25, 4.75);
        Assert.Equal(before, new[] { 1e-7, 0.001, 0.3, 0.5, 0.9, 0.999999 }.Select(again.Quantile).ToArray());
    }
}
