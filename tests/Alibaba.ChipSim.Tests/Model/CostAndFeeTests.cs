using Alibaba.ChipSim.Model;

namespace Alibaba.ChipSim.Tests.Model;

public sealed class CostAndFeeTests
{
    [Fact]
    public void Fee_and_cost_follow_the_spec_formulas()
    {
        // 80,000 chips to China at $30,000 and a 25% fee: $600 m collected.
        Assert.Equal(600e6, CostAndFee.FeeTotalUsd(80_000, 30_000, 0.25));
        // Alibaba's 20,000 chips, half the fee passed through: 20,000 × 30,000 × 0.25 × 0.5 = $75 m.
        Assert.Equal(75e6, CostAndFee.FeeBorneUsd(20_000, 30_000, 0.25, 0.5));
        // Cost: 20,000 × 30,000 × (1 + 0.125) = $675 m.
        Assert.Equal(675e6, CostAndFee.CostUsd(20_000, 30_000, 0.25, 0.5));
    }
}
