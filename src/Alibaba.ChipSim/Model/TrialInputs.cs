namespace Alibaba.ChipSim.Model;

/// <summary>
/// The parameters of one trial that the monthly model reads, each drawn once per trial (docs/model.md).
/// Filled by the engine from the trial's draws before the first month; the model never changes it.
/// A field per parameter, so the month loop reads no table and looks nothing up.
/// </summary>
public struct TrialInputs
{
    // Shipments (docs/model.md, "Shipments")
    public double InitialModules;
    public double ChipsPerModule;
    public double FollowOnModulesPerMonth;

    /// <summary>Modules shipped to China over the horizon at most; +∞ when the scenario sets no cap.</summary>
    public double SupplyCapModules;
    public double BuyerShare;

    /// <summary>Whole months from delivery to online; a lag past the horizon means never online.</summary>
    public double DeploymentLagMonths;

    // Cost and fee (docs/model.md, "Cost and fee")
    public double PricePerChipUsd;
    public double ExportFeeRate;
    public double FeePassThrough;
    public double UsdCny;

    // Capacity (docs/model.md, "Capacity")
    public double H200VsH20;
    public double RevenuePerH20eMonthCny;
    public double Utilization;
    public double BaselineCapacityCover;
    public double BaselineCapacityGrowthYoy;

    // Revenue (docs/model.md, "Revenue")
    public double BaseQuarterCnyBn;
    public double AiShare;
    public double NonAiGrowthYoy;
    public double AiDemandGrowthYoy;
    public double GrossMargin;
}
