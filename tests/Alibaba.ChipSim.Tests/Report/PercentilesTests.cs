using Alibaba.ChipSim.Report;

namespace Alibaba.ChipSim.Tests.Report;

public sealed class PercentilesTests
{
    [Fact]
    public void Percentiles_interpolate_linearly_between_ranks_like_numpy()
    {
        // numpy.percentile([4, 1, 3, 2], [0, 5, 50, 95, 100]) = [1, 1.15, 2.5, 3.85, 4]: rank h = 3p/100.
        var p = new Percentiles([4, 1, 3, 2]);
        Assert.Equal(1, p.At(0), 12);
        Assert.Equal(1.15, p.At(5), 12);
        Assert.Equal(2.5, p.At(50), 12);
        Assert.Equal(3.85, p.At(95), 12);
        Assert.Equal(4, p.At(100), 12);
    }

    [Fact]
    public void Missing_values_are_left_out_and_an_empty_column_has_no_percentiles()
    {
        var p = new Percentiles([double.NaN, 2, double.NaN, 4]);
        Assert.Equal(2, p.Count);
        Assert.Equal(3, p.At(50), 12);
        Assert.Equal(3, p.Mean, 12);
        Assert.True(double.IsNaN(new Percentiles([double.NaN]).At(50)));
    }

    [Fact]
    public void The_empirical_cdf_counts_values_at_or_below()
    {
        var p = new Percentiles([1, 2, 2, 3]);
        Assert.Equal(0, p.ShareAtOrBelow(0.5));
        Assert.Equal(0.75, p.ShareAtOrBelow(2));
        Assert.Equal(1, p.ShareAtOrBelow(3));
    }
}
