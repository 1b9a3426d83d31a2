using Alibaba.ChipSim.Model;
using Alibaba.ChipSim.Sampling;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Engine;

/// <summary>
/// Where each field of <see cref="TrialInputs"/> sits among a trial's drawn parameter values: looked up by
/// path once per run, so filling a trial's inputs is a row of array reads.
/// </summary>
internal sealed class ModelInputs
{
    private readonly int _initialModules, _chipsPerModule, _followOn, _supplyCap, _buyerShare, _buyerCap, _lag;
    private readonly int _price, _feeRate, _passThrough, _usdCny;
    private readonly int _h200VsH20, _revenuePerH20e, _utilization, _baselineCover, _baselineGrowth;
    private readonly int _baseQuarter, _aiShare, _nonAiGrowth, _aiDemandGrowth, _grossMargin;

    public ModelInputs(Scenario scenario, ParameterTable parameters)
    {
        var s = scenario.Shipments;
        _initialModules = parameters.IndexOf(s.InitialModules);
        _chipsPerModule = parameters.IndexOf(s.ChipsPerModule);
        _followOn = parameters.IndexOf(s.FollowOnModulesPerMonth);
        _supplyCap = s.SupplyCapModules is null ? -1 : parameters.IndexOf(s.SupplyCapModules);
        _buyerShare = parameters.IndexOf(s.BuyerShare);
        _buyerCap = s.BuyerCapChips is null ? -1 : parameters.IndexOf(s.BuyerCapChips);
        _lag = parameters.IndexOf(s.DeploymentLagMonths);
        var e = scenario.Economics;
        _price = parameters.IndexOf(e.PricePerChipUsd);
        _feeRate = parameters.IndexOf(e.ExportFeeRate);
        _passThrough = parameters.IndexOf(e.FeePassThrough);
        _usdCny = parameters.IndexOf(e.UsdCny);
        var c = scenario.Compute;
        _h200VsH20 = parameters.IndexOf(c.H200VsH20);
        _revenuePerH20e = parameters.IndexOf(c.RevenuePerH20eMonthCny);
        _utilization = parameters.IndexOf(c.Utilization);
        _baselineCover = parameters.IndexOf(c.BaselineCapacityCover);
        _baselineGrowth = parameters.IndexOf(c.BaselineCapacityGrowthYoy);
        var r = scenario.Revenue;
        _baseQuarter = parameters.IndexOf(r.BaseQuarterCnyBn);
        _aiShare = parameters.IndexOf(r.AiShare);
        _nonAiGrowth = parameters.IndexOf(r.NonAiGrowthYoy);
        _aiDemandGrowth = parameters.IndexOf(r.AiDemandGrowthYoy);
        _grossMargin = parameters.IndexOf(r.GrossMargin);
    }

    /// <summary>The trial's inputs from its drawn parameter values <paramref name="v"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    public void Fill(ReadOnlySpan<double> v, ref TrialInputs x)
    {
        x.InitialModules = v[_initialModules];
        x.ChipsPerModule = v[_chipsPerModule];
        x.FollowOnModulesPerMonth = v[_followOn];
        x.SupplyCapModules = _supplyCap < 0 ? double.PositiveInfinity : v[_supplyCap];
        x.BuyerShare = v[_buyerShare];
        x.BuyerCapChips = _buyerCap < 0 ? double.PositiveInfinity : v[_buyerCap];
        x.DeploymentLagMonths = v[_lag];
        x.PricePerChipUsd = v[_price];
        x.ExportFeeRate = v[_feeRate];
        x.FeePassThrough = v[_passThrough];
        x.UsdCny = v[_usdCny];
        x.H200VsH20 = v[_h200VsH20];
        x.RevenuePerH20eMonthCny = v[_revenuePerH20e];
        x.Utilization = v[_utilization];
        x.BaselineCapacityCover = v[_baselineCover];
        x.BaselineCapacityGrowthYoy = v[_baselineGrowth];
        x.BaseQuarterCnyBn = v[_baseQuarter];
        x.AiShare = v[_aiShare];
        x.NonAiGrowthYoy = v[_nonAiGrowth];
        x.AiDemandGrowthYoy = v[_aiDemandGrowth];
        x.GrossMargin = v[_grossMargin];
    }
}
