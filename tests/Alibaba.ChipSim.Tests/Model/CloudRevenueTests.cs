using Alibaba.ChipSim.Model;

namespace Alibaba.ChipSim.Tests.Model;

public sealed class CloudRevenueTests
{
    [Fact]
    public void H200_capacity_is_h20e_times_revenue_per_h20e_times_utilization_in_billions()
    {
        // 48,000 H20e × 9,000 CNY × 0.8 = 345.6 m CNY = 0.3456 bn.
        Assert.Equal(0.3456, CloudRevenue.H200CapacityCnyBn(48_000, 9_000, 0.8), 1e-15);
    }

    [Fact]
    public void Ai_revenue_served_is_demand_capped_by_capacity()
    {
        Assert.Equal(2.0, CloudRevenue.AiServed(2.0, 1.5, 0.6));
        Assert.Equal(2.1, CloudRevenue.AiServed(3.0, 1.5, 0.6), 1e-15);
    }

    [Fact]
    public void Roi_is_missing_without_a_purchase_and_zero_without_added_revenue()
    {
        Assert.True(double.IsNaN(CloudRevenue.Roi(0, 0)));
        Assert.Equal(0, CloudRevenue.Roi(0, 1e9));
        // 0.5 bn gross profit on 2 bn CNY spent.
        Assert.Equal(0.25, CloudRevenue.Roi(0.5, 2e9));
    }
}
