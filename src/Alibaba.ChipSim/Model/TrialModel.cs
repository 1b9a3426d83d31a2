using System.Runtime.CompilerServices;

namespace Alibaba.ChipSim.Model;

/// <summary>
/// The monthly model (docs/model.md): for one trial, given its inputs and each month's combined gate,
/// ship (initial tranche, follow-on, supply cap, Alibaba's licence cap), move chips through the deployment
/// lag, serve revenue with and without the H200s (with its seasons and surprises, docs/deal.md), and
/// accrue the value over the chips' life. Pure arithmetic over <see cref="TrialState"/>: no allocation, no
/// randomness (the gate and the inputs, the shocks' normal draws included, come in), the same numbers
/// whatever calls it.
/// </summary>
public sealed class TrialModel
{
    private readonly bool _shaped;

    /// <param name="shape">Seasons and noise in revenue; none when null.</param>
    /// <param name="value">Value over the chips' life; not computed when null.</param>
    /// <param name="sumsQuarters">
    /// Whether the months are also summed per quarter (<see cref="RevenueState.QuarterCloud"/> and the three others). A run that
    /// reads no quarter's sum (no quarterly column kept, no history to weigh the reported quarters) leaves them at 0: the
    /// totals and every other number are the same bits either way.
    /// </param>
    public TrialModel(Horizon horizon, RevenueShape? shape = null, ValueOverLife? value = null, bool sumsQuarters = true)
    {
        Horizon = horizon ?? throw new ArgumentNullException(nameof(horizon));
        Shape = shape ?? new RevenueShape(null, null);
        Value = value;
        SumsQuarters = sumsQuarters;
        _shaped = !Shape.IsFlat;
    }

    /// <summary>Whether the months are summed per quarter too (see the constructor).</summary>
    public bool SumsQuarters { get; }

    public Horizon Horizon { get; }

    public RevenueShape Shape { get; }

    /// <summary>Null when the scenario has no value-over-life keys.</summary>
    public ValueOverLife? Value { get; }

    /// <summary>Resets <paramref name="s"/> for a trial with inputs <paramref name="x"/>: nothing shipped, revenue at the first month.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
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
        if (SumsQuarters)
        {
            Array.Clear(r.QuarterCloud);
            Array.Clear(r.QuarterCloudWithoutH200);
            Array.Clear(r.QuarterAiServed);
            Array.Clear(r.QuarterIncremental);
        }
        if (_shaped) Shape.QuarterFactors(Horizon, x.QuarterNoiseZ, r.QuarterFactor);

        if (Value is not null)
        {
            ref var v = ref s.Value;
            v.DiscountedCostCnyBn = v.DiscountedGrossProfitCnyBn = v.LastMonthGrossProfit = 0;
            if (v.LastChange >= 0) Array.Clear(v.CohortChange, 0, v.LastChange + 1);
            v.LastChange = -1;
            v.LagMonths = (int)Math.Min(x.DeploymentLagMonths, 100 * Horizon.Months);
        }
    }

    /// <summary>Month <paramref name="month"/> (0 = the first simulated month) under combined gate <paramref name="gate"/>.</summary>
    public void StepMonth(ref TrialState s, in TrialInputs x, double gate, int month) => StepMonths(ref s, in x, new ReadOnlySpan<double>(in gate), month);

    /// <summary>
    /// Months <paramref name="firstMonth"/> … <paramref name="firstMonth"/> + <paramref name="gates"/>.Length − 1, month m under
    /// combined gate <paramref name="gates"/>[m − <paramref name="firstMonth"/>]. Each month:
    /// <list type="bullet">
    /// <item>ships (docs/model.md, "Shipments"): the initial tranche in the first open month at or after the first delivery,
    /// follow-on in every open month after it, up to the supply cap; Alibaba gets its share, up to what is left of its
    /// licence cap (the rest of the month's modules still ship to China, to other buyers);</item>
    /// <item>puts Alibaba's chips into the deployment pipeline, and takes this month's arrivals online;</item>
    /// <item>serves revenue with the chips online and, on the same draws, without any (docs/model.md, "Revenue" and
    /// "Counterfactual"), both times the quarter's factor when revenue has seasons or noise, added to the totals and the
    /// month's quarter; then grows demand, capacity and the rest of the cloud by a month;</item>
    /// <item>accrues the value (docs/deal.md): the cost of the chips shipped this month paid now, the month's incremental
    /// gross profit earned now, both discounted to the first month; the chips join the cohort of their month online.</item>
    /// </list>
    /// The trial's running numbers are held in locals for the months and stored back once, so that they stay in registers
    /// instead of going through memory every month; the arithmetic, and its order, is the same month by month.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    public void StepMonths(ref TrialState s, in TrialInputs x, ReadOnlySpan<double> gates, int firstMonth = 0)
    {
        var horizon = Horizon;
        var months = horizon.Months;
        var firstDelivery = horizon.FirstDeliveryMonth;
        var quarterOfMonth = horizon.QuarterOfMonth;
        var quarterIndexOfMonth = horizon.QuarterIndexOfMonth;
        var value = Value;
        var shaped = _shaped;
        var sumsQuarters = SumsQuarters;

        // The inputs the months read.
        var initialModules = x.InitialModules;
        var followOnModules = x.FollowOnModulesPerMonth;
        var supplyCap = x.SupplyCapModules;
        var chipsPerModule = x.ChipsPerModule;
        var buyerShare = x.BuyerShare;
        var buyerCap = x.BuyerCapChips;
        var grossMargin = x.GrossMargin;

        ref var shipments = ref s.Shipments;
        var gateOpenMonths = shipments.GateOpenMonths;
        var initialMonth = shipments.InitialMonth;
        var modulesShipped = shipments.ModulesShipped;
        var buyerChips = shipments.BuyerChips;

        ref var pipeline = ref s.Pipeline;
        var arrivals = pipeline.Arrivals;
        var lag = pipeline.LagMonths;
        var chipsOnline = pipeline.ChipsOnline;

        ref var r = ref s.Revenue;
        var nonAiLevel = r.NonAi;
        var aiDemand = r.AiDemand;
        var baselineCapacity = r.BaselineCapacity;
        var (nonAiStep, aiDemandStep, baselineStep) = (r.NonAiStep, r.AiDemandStep, r.BaselineCapacityStep);
        var capacityPerChip = r.CapacityPerChip;
        var (cloud, cloudWithout, aiServed, incrementalTotal) = (r.Cloud, r.CloudWithoutH200, r.AiServed, r.Incremental);
        var quarterFactor = r.QuarterFactor;
        var (quarterCloud, quarterWithout, quarterAi, quarterIncremental) = (r.QuarterCloud, r.QuarterCloudWithoutH200, r.QuarterAiServed, r.QuarterIncremental);

        // The value: nothing in the loop calls out (a call would send every running number through memory), so the cohorts'
        // array is grown before it for the last month's retirements, and the months' discounts are read from their table.
        ref var v = ref s.Value;
        var hasValue = value is not null;
        var grossProfitSoFar = v.DiscountedGrossProfitCnyBn;
        var lastMonthGrossProfit = v.LastMonthGrossProfit;
        var discountedCost = v.DiscountedCostCnyBn;
        var lastChange = v.LastChange;
        var cumulative = v.CumulativeGrossProfit;
        var cohortLag = v.LagMonths;
        var usefulLife = value?.UsefulLifeMonths ?? 0;
        var discounts = hasValue ? value!.Discounts[..months] : default;
        if (hasValue && firstMonth + gates.Length - 1 + cohortLag + usefulLife is var latest && latest >= v.CohortChange.Length)
            Array.Resize(ref v.CohortChange, 2 * latest + 1); // only for lags far past the horizon
        var cohorts = v.CohortChange;
        var (pricePerChip, feeRate, passThrough, usdCny) = (x.PricePerChipUsd, x.ExportFeeRate, x.FeePassThrough, x.UsdCny);

        var openQuarter = -1;
        double qCloud = 0, qWithout = 0, qAi = 0, qIncremental = 0;
        for (var i = 0; i < gates.Length; i++)
        {
            var month = firstMonth + i;
            var gate = gates[i];

            // Ship: Alibaba's chips delivered this month.
            var chips = 0.0;
            if (!(gate <= 0))
            {
                gateOpenMonths++;
                var modules = 0.0;
                if (initialMonth < 0)
                {
                    if (month >= firstDelivery)
                    {
                        modules = ShipmentRules.InitialTrancheModules(initialModules, gate, supplyCap);
                        initialMonth = month;
                    }
                }
                else
                {
                    modules = ShipmentRules.FollowOnModules(followOnModules, gate, modulesShipped, supplyCap);
                }
                if (!(modules <= 0))
                {
                    modulesShipped += modules;
                    chips = ShipmentRules.CappedBuyerChips(ShipmentRules.BuyerChips(modules, chipsPerModule, buyerShare), buyerChips, buyerCap);
                    buyerChips += chips;
                }
            }

            // Deploy: the chips enter the pipeline; this month's arrivals go online.
            if (chips > 0 && month + lag < months) arrivals[month + lag] += chips;
            chipsOnline += arrivals[month];
            arrivals[month] = 0;

            // Serve: with the chips online and without any.
            var nonAi = nonAiLevel;
            var h200 = chipsOnline * capacityPerChip;
            var served = CloudRevenue.AiServed(aiDemand, baselineCapacity, h200);
            var servedWithout = CloudRevenue.AiServed(aiDemand, baselineCapacity, 0);
            if (shaped)
            {
                var f = quarterFactor![quarterIndexOfMonth[month]];
                nonAi *= f;
                served *= f;
                servedWithout *= f;
            }
            var added = served - servedWithout;
            cloud += nonAi + served;
            cloudWithout += nonAi + servedWithout;
            aiServed += served;
            incrementalTotal += added;
            // The month's quarter: its four sums are held in locals while its months last, stored when it ends.
            if (sumsQuarters)
            {
                var q = quarterOfMonth[month];
                if (q != openQuarter)
                {
                    if (openQuarter >= 0)
                        (quarterCloud[openQuarter], quarterWithout[openQuarter], quarterAi[openQuarter], quarterIncremental[openQuarter]) =
                            (qCloud, qWithout, qAi, qIncremental);
                    openQuarter = q;
                    if (q >= 0) (qCloud, qWithout, qAi, qIncremental) = (quarterCloud[q], quarterWithout[q], quarterAi[q], quarterIncremental[q]);
                }
                if (q >= 0)
                {
                    qCloud += nonAi + served;
                    qWithout += nonAi + servedWithout;
                    qAi += served;
                    qIncremental += added;
                }
            }
            nonAiLevel *= nonAiStep;
            aiDemand *= aiDemandStep;
            baselineCapacity *= baselineStep;

            // Accrue: the value, discounted to the first month; the month's chips paid now and in the cohort of their month online.
            if (hasValue)
            {
                var d = discounts[month];
                if (chips > 0)
                {
                    var costUsd = CostAndFee.CostUsd(chips, pricePerChip, feeRate, passThrough);
                    discountedCost += costUsd * usdCny / 1e9 * d;
                    var online = month + cohortLag;
                    var retire = online + usefulLife;
                    cohorts[online] += chips;
                    cohorts[retire] -= chips;
                    if (retire > lastChange) lastChange = retire;
                }
                var grossProfit = added * grossMargin;
                grossProfitSoFar += grossProfit * d;
                cumulative[month] = grossProfitSoFar;
                lastMonthGrossProfit = grossProfit;
            }
        }

        if (openQuarter >= 0)
            (quarterCloud[openQuarter], quarterWithout[openQuarter], quarterAi[openQuarter], quarterIncremental[openQuarter]) =
                (qCloud, qWithout, qAi, qIncremental);
        shipments.GateOpenMonths = gateOpenMonths;
        shipments.InitialMonth = initialMonth;
        shipments.ModulesShipped = modulesShipped;
        shipments.BuyerChips = buyerChips;
        pipeline.ChipsOnline = chipsOnline;
        r.NonAi = nonAiLevel;
        r.AiDemand = aiDemand;
        r.BaselineCapacity = baselineCapacity;
        (r.Cloud, r.CloudWithoutH200, r.AiServed, r.Incremental) = (cloud, cloudWithout, aiServed, incrementalTotal);
        if (hasValue)
        {
            v.DiscountedGrossProfitCnyBn = grossProfitSoFar;
            v.LastMonthGrossProfit = lastMonthGrossProfit;
            v.DiscountedCostCnyBn = discountedCost;
            v.LastChange = lastChange;
        }
    }

    /// <summary>
    /// NPV, lifetime ROI, payback month and NPV per ADS (docs/deal.md): after the horizon each chip keeps earning
    /// the last month's incremental gross profit per chip online until its life ends (chips that come online
    /// after the horizon earn it from their month online); with no chip online in the last month the rate is 0.
    /// <see cref="LifetimeBatch"/> gives the same bits for a block of trials at once.
    /// </summary>
    public (double Npv, double LifetimeRoi, double PaybackMonth, double NpvPerAdsUsd) Lifetime(in TrialState s, in TrialInputs x)
    {
        var value = Value!;
        var end = AtHorizonEnd(in s);
        var (chips, total, payback) = (end.Chips, end.Total, end.Payback);
        var cohorts = s.Value.CohortChange;
        var last = s.Value.LastChange;
        var m = Horizon.Months;
        // After the horizon: until the payback month is found (if it is looked for), then without looking.
        if (end.SeeksPayback)
            for (; m <= last; m++)
            {
                chips += cohorts[m];
                total += end.Rate * chips * value.Discount(m);
                if (total >= end.Cost)
                {
                    payback = m++;
                    break;
                }
            }
        for (; m <= last; m++)
        {
            chips += cohorts[m];
            total += end.Rate * chips * value.Discount(m);
        }
        return LifetimeOutcomes(total, end.Cost, payback, x.UsdCny);
    }

    /// <summary>
    /// Where a trial's value stands at the end of the horizon: the discounted cost, the discounted gross profit so far, the
    /// payback month if it fell inside the horizon (else NaN), the rate each chip earns per month after it, and the chips
    /// online. Those chips are the cohorts' changes summed over the horizon, and that sum is the pipeline's count bit for bit:
    /// no cohort retires inside the horizon (a useful life covers it), each month's delivery comes online in one month of
    /// its own in both (the same lag), and both add their months in order from +0, where adding a month with nothing (+0)
    /// changes nothing.
    /// </summary>
    internal HorizonEnd AtHorizonEnd(in TrialState s)
    {
        ref readonly var v = ref s.Value;
        var months = Horizon.Months;
        var cost = v.DiscountedCostCnyBn;
        var payback = double.NaN;
        if (cost > 0)
        {
            var cumulative = v.CumulativeGrossProfit;
            for (var t = 0; t < months; t++)
                if (cumulative[t] >= cost)
                {
                    payback = t;
                    break;
                }
        }
        var online = s.Pipeline.ChipsOnline;
        var rate = online > 0 ? v.LastMonthGrossProfit / online : 0;
        return new HorizonEnd(cost, v.DiscountedGrossProfitCnyBn, payback, rate, online);
    }

    /// <summary>The lifetime outcomes from the gross profit over the whole life, discounted (<paramref name="total"/>).</summary>
    internal (double Npv, double LifetimeRoi, double PaybackMonth, double NpvPerAdsUsd) LifetimeOutcomes(double total, double cost, double payback, double usdCny)
    {
        var npv = total - cost;
        var roi = cost > 0 ? total / cost : double.NaN;
        return (npv, roi, payback, npv / usdCny / Value!.AdsOutstandingBn);
    }

    /// <summary>A trial's value at the end of the horizon (<see cref="AtHorizonEnd"/>).</summary>
    internal readonly record struct HorizonEnd(double Cost, double Total, double Payback, double Rate, double Chips)
    {
        /// <summary>Whether the months after the horizon are searched for the payback month.</summary>
        public bool SeeksPayback => Cost > 0 && double.IsNaN(Payback);
    }

    /// <summary>The trial's outcomes after its last month (docs/model.md, "Cost and fee" for the money).</summary>
    public TrialResult Finish(in TrialState s, in TrialInputs x) => Finish(in s, in x, null, 0);

    /// <summary>
    /// <see cref="Finish(in TrialState, in TrialInputs)"/>, with the value over the chips' life left to <paramref name="lifetime"/>
    /// (slot <paramref name="slot"/>) when it is given: the four lifetime outcomes are then NaN here and come from
    /// <see cref="LifetimeBatch.Complete"/>.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    internal TrialResult Finish(in TrialState s, in TrialInputs x, LifetimeBatch? lifetime, int slot)
    {
        var sh = s.Shipments;
        var shipped = sh.InitialTrancheShipped;
        var chipsShipped = sh.ModulesShipped * x.ChipsPerModule;
        var costUsd = CostAndFee.CostUsd(sh.BuyerChips, x.PricePerChipUsd, x.ExportFeeRate, x.FeePassThrough);
        var costCny = costUsd * x.UsdCny;
        var r = s.Revenue;
        var grossProfit = r.Incremental * x.GrossMargin;
        var (npv, lifetimeRoi, payback, perAds) = (double.NaN, double.NaN, double.NaN, double.NaN);
        if (lifetime is not null) lifetime.Add(slot, in s, in x);
        else if (Value is not null) (npv, lifetimeRoi, payback, perAds) = Lifetime(in s, in x);
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
            Roi: CloudRevenue.Roi(grossProfit, costCny),
            NpvCnyBn: npv,
            LifetimeRoi: lifetimeRoi,
            PaybackMonth: payback,
            NpvPerAdsUsd: perAds);
    }
}
