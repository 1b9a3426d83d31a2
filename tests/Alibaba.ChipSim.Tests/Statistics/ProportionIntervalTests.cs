using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Tests.Statistics;

public sealed class ProportionIntervalTests
{
    [Fact]
    public void Wilson_interval_of_three_in_four_matches_the_hand_computation()
    {
        // p = 0.75, n = 4, z² = 3.841459: denominator 1 + 0.960365 = 1.960365; centre = (0.75 + 0.480182)/1.960365 = 0.627527;
        // half = 1.959964·√(0.1875/4 + 3.841459/64)/1.960365 = 1.959964·0.327212/1.960365 = 0.327145.
        var ci = ProportionInterval.Wilson(3, 4);

        Assert.Equal(0.300642, ci.Low, 6);
        Assert.Equal(0.954413, ci.High, 6);
    }

    [Fact]
    public void Wilson_interval_of_none_starts_at_zero_and_of_all_ends_at_one()
    {
        // 0 of 10: upper end = (z²/n)/(1 + z²/n) = 0.3841459/1.3841459 = 0.277533.
        var none = ProportionInterval.Wilson(0, 10);
        var all = ProportionInterval.Wilson(10, 10);

        Assert.Equal(0, none.Low, 15);
        Assert.Equal(0.277533, none.High, 6);
        Assert.Equal(1 - 0.277533, all.Low, 6);
        Assert.Equal(1, all.High, 15);
    }

    [Fact]
    public void Wilson_interval_refuses_more_successes_than_trials()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionInterval.Wilson(5, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionInterval.Wilson(0, 0));
    }
}
