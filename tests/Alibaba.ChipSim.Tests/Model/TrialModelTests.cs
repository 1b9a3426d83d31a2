using Alibaba.ChipSim.Model;

namespace Alibaba.ChipSim.Tests.Model;

/// <summary>The monthly model on hand-worked cases: given gates and inputs, shipments, the lag, revenue with its counterfactual, cost and fee.</summary>
public sealed class TrialModelTests
{
    // Six months; the initial tranche may ship from month 1 (also the deadline); months 1-3 form the one reported quarter.
    private static readonly Horizon SixMonths = new(6, firstDeliveryMonth: 1, deadlineMonth: 1, monthsFromBaseAtStart: 0,
        quarterOfMonth: [-1, 0, 0, 0, -1, -1], quarters: 1);

    // No growth (every factor is exp(0) = 1 exactly); base monthly revenue 1 CNY bn, half AI: demand 0.5, baseline 0.25.
    // One H200 online serves 6 H20e × 10,000 CNY × 0.5 / 1e9 = 3e-5 CNY bn a month.
    private static TrialInputs Inputs() => new()
    {
        InitialModules = 100, ChipsPerModule = 8, FollowOnModulesPerMonth = 50, SupplyCapModules = 180, BuyerShare = 0.5, BuyerCapChips = double.PositiveInfinity,
        DeploymentLagMonths = 1,
        PricePerChipUsd = 30_000, ExportFeeRate = 0.25, FeePassThrough = 1, UsdCny = 7,
        H200VsH20 = 6, RevenuePerH20eMonthCny = 10_000, Utilization = 0.5, BaselineCapacityCover = 0.5, BaselineCapacityGrowthYoy = 0,
        BaseQuarterCnyBn = 3, AiShare = 0.5, NonAiGrowthYoy = 0, AiDemandGrowthYoy = 0, GrossMargin = 0.4,
    };

    private static (TrialResult Result, TrialState State) Run(Horizon horizon, TrialInputs x, double[] gates)
    {
        var model = new TrialModel(horizon);
        var s = TrialState.Create(model);
        model.Begin(ref s, in x);
        for (var m = 0; m < horizon.Months; m++) model.StepMonth(ref s, in x, gates[m], m);
        return (model.Finish(in s, in x), s);
    }

    [Fact]
    public void Tranche_follow_on_and_the_supply_cap_remainder_ship_in_the_open_months()
    {
        // m0 closed; m1 initial tranche 100 (400 chips to Alibaba); m2 closed; m3 follow-on 50 (200 chips);
        // m4 gate 0.5: floor(25) = 25 (100 chips); m5: only the cap's remainder 180 - 175 = 5 (20 chips).
        var (r, _) = Run(SixMonths, Inputs(), [0, 1, 0, 1, 0.5, 1]);
        Assert.Equal(4, r.GateOpenMonths);
        Assert.Equal(180, r.ModulesShipped);
        Assert.Equal(1440, r.ChipsShipped);
        Assert.Equal(720, r.ChipsDelivered);
        Assert.Equal(1, r.MonthsToFirstDelivery);
        Assert.True(r.DeliveredByDeadline);
        Assert.False(r.NothingDelivered);
    }

    [Fact]
    public void Chips_come_online_after_the_lag_and_never_when_the_lag_passes_the_horizon()
    {
        // Online by month: 0, 0, 400 (from m1), 400, 600 (from m3), 700 (from m4); m5's 20 chips would be online in m6.
        var (r, s) = Run(SixMonths, Inputs(), [0, 1, 0, 1, 0.5, 1]);
        Assert.Equal(700, s.Pipeline.ChipsOnline);
        Assert.Equal(700 * 6, r.H200H20eOnline);
        Assert.All(s.Pipeline.Arrivals, a => Assert.Equal(0, a));
    }

    [Fact]
    public void Revenue_with_and_without_the_chips_differs_by_the_capacity_they_add()
    {
        // H200 capacity 400, 400, 600, 700 chips × 3e-5 = 0.012, 0.012, 0.018, 0.021 in m2..m5, all below the
        // demand gap 0.5 - 0.25: incremental 0.063. Cloud = non-AI 6 × 0.5 + AI 6 × 0.25 + 0.063 = 4.563.
        var (r, s) = Run(SixMonths, Inputs(), [0, 1, 0, 1, 0.5, 1]);
        Assert.Equal(0.063, r.IncrementalRevenueCnyBn, 12);
        Assert.Equal(4.563, r.CloudRevenueCnyBn, 12);
        Assert.Equal(4.5, r.CloudRevenueWithoutH200CnyBn, 12);
        Assert.Equal(1.563, r.AiRevenueCnyBn, 12);
        Assert.Equal(0.063 * 0.4, r.IncrementalGrossProfitCnyBn, 12);
        // The quarter of months 1-3: 3 × 0.75 + 0.012 + 0.012 = 2.274, of which 0.024 incremental.
        Assert.Equal(2.274, s.Revenue.QuarterCloud[0], 12);
        Assert.Equal(2.25, s.Revenue.QuarterCloudWithoutH200[0], 12);
        Assert.Equal(0.024, s.Revenue.QuarterIncremental[0], 12);
    }

    [Fact]
    public void Cost_and_fee_follow_the_chips_and_roi_is_gross_profit_per_cny_spent()
    {
        // Fee on all 1,440 chips: 1,440 × 30,000 × 0.25 = 10.8 m; Alibaba's 720 chips cost 720 × 30,000 × 1.25 = 27 m USD
        // = 189 m CNY; ROI = 0.0252 bn / 0.189 bn = 0.1333...
        var (r, _) = Run(SixMonths, Inputs(), [0, 1, 0, 1, 0.5, 1]);
        Assert.Equal(10_800_000, r.FeeTotalUsd, 6);
        Assert.Equal(5_400_000, r.FeeBorneUsd, 6);
        Assert.Equal(27_000_000, r.CostUsd, 6);
        Assert.Equal(189_000_000, r.CostCny, 6);
        Assert.Equal(0.0252e9 / 189e6, r.Roi, 12);
    }

    [Fact]
    public void Capacity_beyond_demand_serves_only_the_demand()
    {
        // 400 chips × 3e-5 × 1e3 = 12 CNY bn of capacity a month against a gap of 0.25: in the four months
        // online (m2..m5) AI revenue is the whole demand 0.5, the increment the gap; m0 and m1 serve the baseline 0.25.
        var x = Inputs() with { RevenuePerH20eMonthCny = 10_000_000 };
        var (r, _) = Run(SixMonths, x, [0, 1, 0, 0, 0, 0]);
        Assert.Equal(4 * 0.25, r.IncrementalRevenueCnyBn, 12);
        Assert.Equal(2 * 0.25 + 4 * 0.5, r.AiRevenueCnyBn, 12);
    }

    [Fact]
    public void The_initial_tranche_waits_for_the_first_delivery_month_and_counts_as_shipped_even_when_it_rounds_to_nothing()
    {
        // Open from m0, but the tranche may ship only from m1: floor(1 × 0.5) = 0 modules, yet the tranche is
        // shipped (month 1) and follow-on starts in m2: floor(50 × 0.5) = 25 a month, four months = 100.
        var x = Inputs() with { InitialModules = 1, SupplyCapModules = double.PositiveInfinity };
        var (r, _) = Run(SixMonths, x, [0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
        Assert.Equal(6, r.GateOpenMonths);
        Assert.Equal(1, r.MonthsToFirstDelivery);
        Assert.Equal(100, r.ModulesShipped);
    }

    [Fact]
    public void Nothing_ships_when_the_gate_never_opens_and_roi_is_then_missing()
    {
        var (r, _) = Run(SixMonths, Inputs(), [0, 0, 0, 0, 0, 0]);
        Assert.True(r.NothingDelivered);
        Assert.False(r.DeliveredByDeadline);
        Assert.True(double.IsNaN(r.MonthsToFirstDelivery));
        Assert.Equal(0, r.CostCny);
        Assert.True(double.IsNaN(r.Roi));
        Assert.Equal(0, r.IncrementalRevenueCnyBn);
    }

    [Fact]
    public void A_reused_state_gives_the_same_trial_twice()
    {
        var model = new TrialModel(SixMonths);
        var s = TrialState.Create(model);
        var x = Inputs();
        double[] gates = [0, 1, 0, 1, 0.5, 1];
        TrialResult Once()
        {
            model.Begin(ref s, in x);
            for (var m = 0; m < 6; m++) model.StepMonth(ref s, in x, gates[m], m);
            return model.Finish(in s, in x);
        }
        var first = Once();
        Assert.Equal(first, Once());
    }

    [Fact]
    public void A_model_that_sums_no_quarter_gives_the_same_bits_for_everything_else_and_leaves_the_quarters_at_zero()
    {
        var random = new Random(5);
        var summing = new TrialModel(SixMonths);
        var plain = new TrialModel(SixMonths, sumsQuarters: false);
        Assert.True(summing.SumsQuarters);
        Assert.False(plain.SumsQuarters);
        var a = TrialState.Create(summing);
        var b = TrialState.Create(plain);
        var quarterSeen = false;
        for (var trial = 0; trial < 200; trial++)
        {
            var x = Inputs() with { FollowOnModulesPerMonth = random.Next(0, 120), DeploymentLagMonths = random.Next(0, 4) };
            var gates = Enumerable.Range(0, SixMonths.Months).Select(_ => new[] { 0, 0.5, 1 }[random.Next(3)]).ToArray();
            summing.Begin(ref a, in x);
            plain.Begin(ref b, in x);
            summing.StepMonths(ref a, in x, gates);
            plain.StepMonths(ref b, in x, gates);
            Assert.Equal(summing.Finish(in a, in x), plain.Finish(in b, in x)); // a record of numbers: equal bits but NaN == NaN
            Assert.Equal(BitConverter.DoubleToInt64Bits(a.Revenue.Cloud), BitConverter.DoubleToInt64Bits(b.Revenue.Cloud));
            Assert.All(b.Revenue.QuarterCloud.Concat(b.Revenue.QuarterIncremental), q => Assert.Equal(0, q));
            quarterSeen |= a.Revenue.QuarterCloud[0] > 0;
        }
        Assert.True(quarterSeen, "the summing model summed a quarter");
    }
}
