namespace Alibaba.ChipSim.Model;

/// <summary>
/// One trial's revenue so far (CNY bn): this month's drivers and their monthly growth factors, the
/// horizon totals with and without the H200s (docs/model.md, "Revenue" and "Counterfactual"), and the
/// sums of each reported quarter (buffers owned by the caller, one slot per quarter).
/// </summary>
public struct RevenueState
{
    // This month's drivers, multiplied by their monthly growth after each month.
    public double NonAi;
    public double AiDemand;
    public double BaselineCapacity;
    public double NonAiStep;
    public double AiDemandStep;
    public double BaselineCapacityStep;

    /// <summary>The AI revenue one H200 online can serve a month.</summary>
    public double CapacityPerChip;

    // Horizon totals.
    public double Cloud;
    public double CloudWithoutH200;
    public double AiServed;
    public double Incremental;

    // Quarter sums, [quarter].
    public double[] QuarterCloud;
    public double[] QuarterCloudWithoutH200;
    public double[] QuarterAiServed;
    public double[] QuarterIncremental;
}
