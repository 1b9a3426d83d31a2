using System.Runtime.CompilerServices;

namespace Alibaba.ChipSim.Model;

/// <summary>
/// The monthly model (docs/model.md): for one trial, given its inputs and each month's combined gate,
/// ship (initial tranche, follow-on, supply cap), move chips through the deployment lag, and serve
/// revenue with and without the H200s. Pure arithmetic over <see cref="TrialState"/>: no allocation, no
/// randomness (the gate and the inputs come in), the same numbers whatever calls it.
/// </summary>
public sealed class TrialModel(Horizon horizon)
{
    public Horizon Horizon { get; } = horizon ?? throw new ArgumentNullException(nameof(horizon));

    /// <summary>Resets <paramref name="s"/> for a trial with inputs <paramref name="x"/>: nothing shipped, revenue at the first month.</summary>
    public void Begin(ref TrialState s, in TrialInputs x)
    {
        s.Shipments = new ShipmentState { InitialMonth = -1 };
        s.Pipeline.LagMonths = (int)Math.Min(x.DeploymentLagMonths, Horizon.Months);
        s.Pipeline.ChipsOnline = 0;

        ref var r = ref s.Revenue;
        r.CapacityPerChip = CloudRevenue.H200CapacityCnyBn(x.H200VsH20, x.RevenuePerH20eMonthCny, x.Utilization);
        // Revenue in CNY bn a month at t = months from the base month; growth multiplied along.
        var baseMonthly = x.BaseQuarterCnyBn / 3;
        var baseAi = baseMonthly * x.AiShare;
        var baseNonAi = baseMonthly * (1 - x.AiShare);
        var t0 = Horizon.MonthsFromBaseAtStart;
        var (nonAiGrowth, nonAiStep) = GrowthCurve.Start(t0, x.NonAiGrowthYoy);
        var (demandGrowth, demandStep) = GrowthCurve.Start(t0, x.AiDemandGrowthYoy);
        var (baselineGrowth, baselineStep) = GrowthCurve.Start(t0, x.BaselineCapacityGrowthYoy);
        r.NonAi = baseNonAi * nonAiGrowth;
        r.AiDemand = baseAi * demandGrowth;
        r.BaselineCapacity = x.BaselineCapacityCover * baseAi * baselineGrowth;
        r.NonAiStep = nonAiStep;
        r.AiDemandStep = demandStep;
        r.BaselineCapacityStep = baselineStep;
        r.Cloud = r.CloudWithoutH200 = r.AiServed = r.Incremental = 0;
        Array.Clear(r.QuarterCloud);
        Array.Clear(r.QuarterCloudWithoutH200);
        Array.Clear(r.QuarterAiServed);
        Array.Clear(r.QuarterIncremental);
    }

    /// <summary>Month <paramref name="month"/> (0 = the first simulated month) under combined gate <paramref name="gate"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StepMonth(ref TrialState s, in TrialInputs x, double gate, int month)
    {
        var chips = Ship(ref s.Shipments, in x, gate, month);
        var online = Deploy(ref s.Pipeline, chips, month);
        Serve(ref s.Revenue, online, month);
    }

    /// <summary>
    /// The month's shipments (docs/model.md, "Shipments"): the initial tranche in the first open month at or
    /// after the first delivery, follow-on in every open month after it, up to the supply cap. Returns
    /// Alibaba's chips delivered this month.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Ship(ref ShipmentState s, in TrialInputs x, double gate, int month)
    {
        if (gate <= 0) return 0;
        s.GateOpenMonths++;
        var modules = 0.0;
        if (s.InitialMonth < 0)
        {
            if (month >= Horizon.FirstDeliveryMonth)
            {
                modules = ShipmentRules.InitialTrancheModules(x.InitialModules, gate, x.SupplyCapModules);
                s.InitialMonth = month;
            }
        }
        else
        {
            modules = ShipmentRules.FollowOnModules(x.FollowOnModulesPerMonth, gate, s.ModulesShipped, x.SupplyCapModules);
        }
        if (modules <= 0) return 0;
        s.ModulesShipped += modules;
        var chips = ShipmentRules.BuyerChips(modules, x.ChipsPerModule, x.BuyerShare);
        s.BuyerChips += chips;
        return chips;
    }

    /// <summary>Puts the month's delivered chips into the pipeline and returns the chips online this month.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Deploy(ref LagPipeline p, double deliveredChips, int month)
    {
        var arrivals = p.Arrivals;
        if (deliveredChips > 0 && month + p.LagMonths < Horizon.Months) arrivals[month + p.LagMonths] += deliveredChips;
        p.ChipsOnline += arrivals[month];
        arrivals[month] = 0;
        return p.ChipsOnline;
    }

    /// <summary>
    /// The month's revenue with <paramref name="chipsOnline"/> H200s online and, on the same draws, without any
    /// (docs/model.md, "Revenue" and "Counterfactual"), added to the totals and the month's quarter; then growth.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Serve(ref RevenueState r, double chipsOnline, int month)
    {
        var nonAi = r.NonAi;
        var h200 = chipsOnline * r.CapacityPerChip;
        var served = CloudRevenue.AiServed(r.AiDemand, r.BaselineCapacity, h200);
        var servedWithout = CloudRevenue.AiServed(r.AiDemand, r.BaselineCapacity, 0);
        var added = served - servedWithout;
        r.Cloud += nonAi + served;
        r.CloudWithoutH200 += nonAi + servedWithout;
        r.AiServed += served;
        r.Incremental += added;
        var q = Horizon.QuarterOfMonth[month];
        if (q >= 0)
        {
            r.QuarterCloud[q] += nonAi + served;
            r.QuarterCloudWithoutH200[q] += nonAi + servedWithout;
            r.QuarterAiServed[q] += served;
            r.QuarterIncremental[q] += added;
        }
        r.NonAi = nonAi * r.NonAiStep;
        r.AiDemand *= r.AiDemandStep;
        r.BaselineCapacity *= r.BaselineCapacityStep;
    }

    /// <summary>The trial's outcomes after its last month (docs/model.md, "Cost and fee" for the money).</summary>
    public TrialResult Finish(in TrialState s, in TrialInputs x)
    {
        var sh = s.Shipments;
        var shipped = sh.InitialTrancheShipped;
        var chipsShipped = sh.ModulesShipped * x.ChipsPerModule;
        var costUsd = CostAndFee.CostUsd(sh.BuyerChips, x.PricePerChipUsd, x.ExportFeeRate, x.FeePassThrough);
        var costCny = costUsd * x.UsdCny;
        var r = s.Revenue;
        var grossProfit = r.Incremental * x.GrossMargin;
        return new TrialResult(
            DeliveredByDeadline: shipped && sh.InitialMonth <= Horizon.DeadlineMonth,
            NothingDelivered: !shipped,
            MonthsToFirstDelivery: shipped ? sh.InitialMonth : double.NaN,
            GateOpenMonths: sh.GateOpenMonths,
            ModulesShipped: sh.ModulesShipped,
            ChipsShipped: chipsShipped,
            ChipsDelivered: sh.BuyerChips,
            FeeTotalUsd: CostAndFee.FeeTotalUsd(chipsShipped, x.PricePerChipUsd, x.ExportFeeRate),
            FeeBorneUsd: CostAndFee.FeeBorneUsd(sh.BuyerChips, x.PricePerChipUsd, x.ExportFeeRate, x.FeePassThrough),
            CostUsd: costUsd,
            CostCny: costCny,
            H200H20eOnline: s.Pipeline.ChipsOnline * x.H200VsH20,
            CloudRevenueCnyBn: r.Cloud,
            CloudRevenueWithoutH200CnyBn: r.CloudWithoutH200,
            AiRevenueCnyBn: r.AiServed,
            IncrementalRevenueCnyBn: r.Incremental,
            IncrementalGrossProfitCnyBn: grossProfit,
            Roi: CloudRevenue.Roi(grossProfit, costCny));
    }
}
