using Alibaba.ChipSim.Model;

namespace Alibaba.ChipSim.Tests.Model;

/// <summary>The deal as it is (docs/deal.md) in the monthly model, on hand-worked cases: the licence cap, seasons, value over life.</summary>
public sealed class DealModelTests
{
    private static readonly Horizon SixMonths = new(6, firstDeliveryMonth: 1, deadlineMonth: 1, monthsFromBaseAtStart: 0,
        quarterOfMonth: [-1, 0, 0, 0, -1, -1], quarters: 1);

    // As in TrialModelTests: no growth, demand 0.5 and baseline 0.25 CNY bn a month, non-AI 0.5; one H200 serves 3e-5 a month.
    private static TrialInputs Inputs() => new()
    {
        InitialModules = 100, ChipsPerModule = 8, FollowOnModulesPerMonth = 50, SupplyCapModules = 180, BuyerShare = 0.5,
        BuyerCapChips = double.PositiveInfinity, DeploymentLagMonths = 1,
        PricePerChipUsd = 30_000, ExportFeeRate = 0.25, FeePassThrough = 1, UsdCny = 7,
        H200VsH20 = 6, RevenuePerH20eMonthCny = 10_000, Utilization = 0.5, BaselineCapacityCover = 0.5, BaselineCapacityGrowthYoy = 0,
        BaseQuarterCnyBn = 3, AiShare = 0.5, NonAiGrowthYoy = 0, AiDemandGrowthYoy = 0, GrossMargin = 0.4,
    };

    private static (TrialResult Result, TrialState State) Run(TrialModel model, TrialInputs x, double[] gates)
    {
        var s = TrialState.Create(model);
        model.Begin(ref s, in x);
        for (var m = 0; m < model.Horizon.Months; m++) model.StepMonth(ref s, in x, gates[m], m);
        return (model.Finish(in s, in x), s);
    }

    private static readonly double[] Gates = [0, 1, 0, 1, 0.5, 1];

    [Fact]
    public void The_licence_cap_reached_mid_month_gives_Alibaba_only_the_remainder_and_nothing_after()
    {
        // Alibaba's share by month: 400 (m1), 200 (m3), 100 (m4), 20 (m5). Cap 500: 400, then only 100 of the 200, then none.
        var (r, _) = Run(new TrialModel(SixMonths), Inputs() with { BuyerCapChips = 500 }, Gates);
        Assert.Equal(500, r.ChipsDelivered);
        // The rest still ships to China: modules, chips shipped and the US fee are those without the cap.
        Assert.Equal(180, r.ModulesShipped);
        Assert.Equal(1440, r.ChipsShipped);
        Assert.Equal(1440 * 30_000 * 0.25, r.FeeTotalUsd, 6);
        Assert.Equal(500 * 30_000 * 1.25, r.CostUsd, 6);
    }

    [Fact]
    public void The_cap_leaves_the_counterfactual_untouched_and_lowers_the_capacity_online()
    {
        var (capped, cs) = Run(new TrialModel(SixMonths), Inputs() with { BuyerCapChips = 500 }, Gates);
        var (free, fs) = Run(new TrialModel(SixMonths), Inputs(), Gates);
        Assert.Equal(free.CloudRevenueWithoutH200CnyBn, capped.CloudRevenueWithoutH200CnyBn);
        Assert.Equal(fs.Revenue.QuarterCloudWithoutH200[0], cs.Revenue.QuarterCloudWithoutH200[0]);
        // Online at the end: 400 + 100 with the cap (the 100 of m3 online from m4), 700 without.
        Assert.Equal(500, cs.Pipeline.ChipsOnline);
        Assert.True(capped.IncrementalRevenueCnyBn < free.IncrementalRevenueCnyBn);
    }

    [Fact]
    public void A_seasonal_factor_multiplies_every_month_of_its_quarter_with_and_without_the_chips()
    {
        // Jan-Jun in the fiscal year: Jan-Mar is Q4 (factor 0.9), Apr-Jun Q1 (factor 1.2). Both quarters reported.
        var horizon = new Horizon(6, firstDeliveryMonth: 0, deadlineMonth: 0, monthsFromBaseAtStart: 0,
            quarterOfMonth: [0, 0, 0, 1, 1, 1], quarters: 2, quarterOfYearOfMonth: [4, 4, 4, 1, 1, 1]);
        var model = new TrialModel(horizon, new RevenueShape(new Alibaba.ChipSim.Scenarios.SeasonalitySpec(1.2, 1, 1, 0.9), null));
        // No gate open: each month is 0.5 non-AI + 0.25 AI served; a quarter 3 × 0.75 = 2.25 before its factor.
        var (r, s) = Run(model, Inputs(), [0, 0, 0, 0, 0, 0]);
        Assert.Equal(2.25 * 0.9, s.Revenue.QuarterCloud[0], 12);
        Assert.Equal(2.25 * 1.2, s.Revenue.QuarterCloud[1], 12);
        Assert.Equal(2.25 * 0.9, s.Revenue.QuarterCloudWithoutH200[0], 12);
        Assert.Equal(2.25 * (0.9 + 1.2), r.CloudRevenueCnyBn, 12);

        // With 400 chips online from month 1 (initial tranche in m0, lag 1): 0.012 a month more, times the factor:
        // 2 × 0.012 × 0.9 in the first quarter, 3 × 0.012 × 1.2 in the second.
        var (withChips, ws) = Run(model, Inputs(), [1, 0, 0, 0, 0, 0]);
        Assert.Equal(2 * 0.012 * 0.9, ws.Revenue.QuarterIncremental[0], 12);
        Assert.Equal(3 * 0.012 * 1.2, ws.Revenue.QuarterIncremental[1], 12);
        Assert.Equal(2 * 0.012 * 0.9 + 3 * 0.012 * 1.2, withChips.IncrementalRevenueCnyBn, 12);
    }

    // Three months; the tranche may ship from month 1; lag 0; 400 chips online from month 1, each earning
    // 3e-5 × 0.4 = 1.2e-5 CNY bn of gross profit a month: 0.0048 a month in m1 and m2.
    private static readonly Horizon ThreeMonths = new(3, firstDeliveryMonth: 1, deadlineMonth: 1, monthsFromBaseAtStart: 0,
        quarterOfMonth: [-1, -1, -1], quarters: 0);

    private static TrialInputs CohortInputs() => Inputs() with { DeploymentLagMonths = 0 };

    [Fact]
    public void A_cohort_with_two_months_of_life_left_after_the_horizon_earns_the_last_months_rate_discounted()
    {
        // Useful life 4 months: online in m1, the chips earn in m1..m4, i.e. m3 and m4 after the horizon, at the
        // last month's 0.0048 for all 400 chips. Month t is discounted by 1.12^(-t/12).
        var model = new TrialModel(ThreeMonths, value: new ValueOverLife(4, 0.12, double.NaN, 3));
        var (r, _) = Run(model, CohortInputs(), [0, 1, 0]);
        double D(int t) => Math.Pow(1.12, -t / 12.0);
        var profit = 0.0048 * (D(1) + D(2) + D(3) + D(4));
        var cost = 400 * 30_000 * 1.25 * 7 / 1e9 * D(1); // 0.105 CNY bn paid in m1
        Assert.Equal(profit - cost, r.NpvCnyBn, 12);
        Assert.Equal(profit / cost, r.LifetimeRoi, 12);
        Assert.True(double.IsNaN(r.PaybackMonth)); // 0.0192 of profit never covers 0.105
        Assert.True(double.IsNaN(r.NpvPerAdsUsd)); // no share count
    }

    [Fact]
    public void Payback_is_the_first_month_whose_cumulative_discounted_profit_covers_the_discounted_cost()
    {
        // No discounting; cost 400 × 3,000 × 1.25 × 7 = 0.0105 CNY bn. Cumulative profit: 0.0048 (m1), 0.0096 (m2),
        // then in the tail 0.0144 (m3): payback in month 3, after the horizon. NPV per ADS: (0.0192 - 0.0105) bn CNY
        // / 7 CNY per USD / 2 bn ADS.
        var model = new TrialModel(ThreeMonths, value: new ValueOverLife(4, 0, 2, 3));
        var (r, _) = Run(model, CohortInputs() with { PricePerChipUsd = 3_000 }, [0, 1, 0]);
        Assert.Equal(3, r.PaybackMonth);
        Assert.Equal(0.0192 - 0.0105, r.NpvCnyBn, 12);
        Assert.Equal((0.0192 - 0.0105) / 7 / 2, r.NpvPerAdsUsd, 12);

        // Cheaper still (cost 0.0035): covered within the horizon, in month 1.
        var (cheap, _) = Run(model, CohortInputs() with { PricePerChipUsd = 1_000 }, [0, 1, 0]);
        Assert.Equal(1, cheap.PaybackMonth);
    }

    [Fact]
    public void Chips_that_come_online_after_the_horizon_earn_from_their_month_online()
    {
        // Lag 0 for the tranche of m1 (400 chips); 2 more months of lag would put m1's chips online in m3, after the
        // horizon, and with no chip online in the last month the rate is 0: nothing earned, the cost remains.
        var model = new TrialModel(ThreeMonths, value: new ValueOverLife(4, 0, double.NaN, 3));
        var (late, _) = Run(model, CohortInputs() with { DeploymentLagMonths = 2 }, [0, 1, 0]);
        Assert.Equal(-0.105, late.NpvCnyBn, 12);
        Assert.Equal(0, late.LifetimeRoi, 12);
    }

    [Fact]
    public void Without_a_purchase_lifetime_roi_and_payback_are_missing_and_npv_is_zero()
    {
        var model = new TrialModel(ThreeMonths, value: new ValueOverLife(4, 0.1, 2, 3));
        var (r, _) = Run(model, CohortInputs(), [0, 0, 0]);
        Assert.Equal(0, r.NpvCnyBn);
        Assert.True(double.IsNaN(r.LifetimeRoi));
        Assert.True(double.IsNaN(r.PaybackMonth));
    }
}
