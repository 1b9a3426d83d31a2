namespace Alibaba.ChipSim.Model;

/// <summary>
/// The state one trial carries from month to month: shipments, the lag pipeline and revenue. Its
/// buffers are allocated once (<see cref="Create"/>) and reused; <see cref="TrialModel.Begin"/> resets
/// it for the next trial. A second buyer or a price path adds its own part here, as value over the chips' life did.
/// </summary>
public struct TrialState
{
    public ShipmentState Shipments;
    public LagPipeline Pipeline;
    public RevenueState Revenue;
    public ValueState Value;

    /// <summary>A state with its buffers for the model's horizon, revenue shape and value over life.</summary>
    public static TrialState Create(TrialModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var horizon = model.Horizon;
        var s = new TrialState();
        s.Pipeline.Arrivals = new double[horizon.Months];
        s.Revenue.QuarterCloud = new double[horizon.Quarters];
        s.Revenue.QuarterCloudWithoutH200 = new double[horizon.Quarters];
        s.Revenue.QuarterAiServed = new double[horizon.Quarters];
        s.Revenue.QuarterIncremental = new double[horizon.Quarters];
        if (!model.Shape.IsFlat) s.Revenue.QuarterFactor = new double[horizon.AllQuarters];
        if (model.Value is { } value)
        {
            s.Value.CumulativeGrossProfit = new double[horizon.Months];
            s.Value.CohortChange = new double[2 * horizon.Months + value.UsefulLifeMonths + 1];
            s.Value.LastChange = -1;
        }
        return s;
    }
}
