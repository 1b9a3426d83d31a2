namespace Alibaba.ChipSim.Model;

/// <summary>One trial's outcomes as the model computes them after its last month (docs/model.md).</summary>
public readonly record struct TrialResult(
    bool DeliveredByDeadline,
    bool NothingDelivered,
    double MonthsToFirstDelivery,
    int GateOpenMonths,
    double ModulesShipped,
    double ChipsShipped,
    double ChipsDelivered,
    double FeeTotalUsd,
    double FeeBorneUsd,
    double CostUsd,
    double CostCny,
    double H200H20eOnline,
    double CloudRevenueCnyBn,
    double CloudRevenueWithoutH200CnyBn,
    double AiRevenueCnyBn,
    double IncrementalRevenueCnyBn,
    double IncrementalGrossProfitCnyBn,
    double Roi);
