namespace Alibaba.ChipSim.Outcomes;

/// <summary>
/// The per-trial outcomes, in output order. Each is described once in <see cref="OutcomeCatalogue"/>;
/// the value doubles as its position there, so the engine stages a row without looking anything up.
/// </summary>
public enum Outcome
{
    DeliveredByDeadline,
    NothingDelivered,
    MonthsToFirstDelivery,
    GateOpenMonths,
    ModulesShipped,
    ChipsShipped,
    ChipsDelivered,
    FeeTotalUsd,
    FeeBorneUsd,
    CostUsd,
    CostCny,
    H200H20eOnline,
    CloudRevenueCnyBn,
    CloudRevenueWithoutH200CnyBn,
    AiRevenueCnyBn,
    IncrementalRevenueCnyBn,
    IncrementalGrossProfitCnyBn,
    Roi,
    NpvCnyBn,
    LifetimeRoi,
    PaybackMonth,
    NpvPerAdsUsd,
}
