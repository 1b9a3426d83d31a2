namespace Alibaba.ChipSim.Model;

/// <summary>
/// The state one trial carries from month to month: shipments, the lag pipeline and revenue. Its
/// buffers are allocated once (<see cref="Create"/>) and reused; <see cref="TrialModel.Begin"/> resets
/// it for the next trial. A second buyer, a price path or value over the chips' life adds its own part here.
/// </summary>
public struct TrialState
{
    public ShipmentState Shipments;
    public LagPipeline Pipeline;
    public RevenueState Revenue;

    /// <summary>A state with its buffers for <paramref name="horizon"/>.</summary>
    public static TrialState Create(Horizon horizon)
    {
        ArgumentNullException.ThrowIfNull(horizon);
        var s = new TrialState();
        s.Pipeline.Arrivals = new double[horizon.Months];
        s.Revenue.QuarterCloud = new double[horizon.Quarters];
        s.Revenue.QuarterCloudWithoutH200 = new double[horizon.Quarters];
        s.Revenue.QuarterAiServed = new double[horizon.Quarters];
        s.Revenue.QuarterIncremental = new double[horizon.Quarters];
        return s;
    }
}
