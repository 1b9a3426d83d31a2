using Alibaba.ChipSim.Model;

namespace Alibaba.ChipSim.Tests.Model;

public sealed class ShipmentRulesTests
{
    [Fact]
    public void A_product_that_is_whole_in_decimals_is_not_lost_to_binary_rounding()
    {
        // 25 modules × 8 chips × 0.29 = 58 in decimal arithmetic; in binary the product falls just short.
        Assert.True(25 * 8 * 0.29 < 58);
        Assert.Equal(58, ShipmentRules.BuyerChips(25, 8, 0.29));
        // A genuine fraction still floors: 25 × 8 × 0.2875 = 57.5 → 57.
        Assert.Equal(57, ShipmentRules.BuyerChips(25, 8, 0.2875));
    }

    [Fact]
    public void The_initial_tranche_ships_the_gated_share_and_is_capped()
    {
        Assert.Equal(3000, ShipmentRules.InitialTrancheModules(7500, 0.4, double.PositiveInfinity)); // 7500 × 0.4
        Assert.Equal(2333, ShipmentRules.InitialTrancheModules(7000, 1.0 / 3, double.PositiveInfinity)); // 2333.33 → 2333
        Assert.Equal(5000, ShipmentRules.InitialTrancheModules(7500, 1, 5000));
        Assert.Equal(0, ShipmentRules.InitialTrancheModules(1, 0.5, double.PositiveInfinity)); // floor(0.5) = 0
    }

    [Fact]
    public void The_month_that_reaches_the_cap_ships_only_the_remainder()
    {
        // Cap 10,000, 9,000 shipped, 1,500 planned: only 1,000 ship; afterwards nothing.
        Assert.Equal(1000, ShipmentRules.FollowOnModules(1500, 1, 9000, 10000));
        Assert.Equal(0, ShipmentRules.FollowOnModules(1500, 1, 10000, 10000));
        Assert.Equal(750, ShipmentRules.FollowOnModules(1500, 0.5, 0, double.PositiveInfinity));
    }

    [Fact]
    public void The_processors_min_and_max_give_the_bits_of_Math_Min_and_Max_over_the_rules_inputs()
    {
        // The rules use double.MinNative / MaxNative, which differ from Math.Min / Max only for NaN and for -0 against +0:
        // at the caps (a remainder of +0), with no cap (+inf), with a closed gate's 0 and past a cap, the bits are the same.
        double[] counts = [0, 1, 999, 1000, 1500, 9000, 10000, 12000, double.PositiveInfinity];
        double[] gates = [0, 0.25, 0.5, 1.0 / 3, 1];
        foreach (var rate in counts.Where(double.IsFinite))
            foreach (var gate in gates)
                foreach (var soFar in counts.Where(double.IsFinite))
                    foreach (var cap in counts)
                    {
                        var floor = ShipmentRules.FloorWhole(rate * gate);
                        Same(Math.Min(floor, cap), ShipmentRules.InitialTrancheModules(rate, gate, cap));
                        Same(Math.Max(0.0, Math.Min(floor, cap - soFar)), ShipmentRules.FollowOnModules(rate, gate, soFar, cap));
                        Same(Math.Max(0.0, Math.Min(rate, cap - soFar)), ShipmentRules.CappedBuyerChips(rate, soFar, cap));
                        Same(Math.Min(rate, soFar + cap * gate), CloudRevenue.AiServed(rate, soFar, cap * gate));
                    }

        static void Same(double expected, double actual) =>
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
    }
}
