using Alibaba.ChipSim.Model;

namespace Alibaba.ChipSim.Tests.Model;

/// <summary>The value over the chips' life of a block of trials side by side: the bits of each trial alone.</summary>
public sealed class LifetimeBatchTests
{
    private static readonly Horizon TwelveMonths = new(12, firstDeliveryMonth: 1, deadlineMonth: 2, monthsFromBaseAtStart: 0,
        quarterOfMonth: [-1, 0, 0, 0, 1, 1, 1, 2, 2, 2, -1, -1], quarters: 3);

    private static TrialInputs Inputs(Random random) => new()
    {
        InitialModules = random.Next(0, 3) * 100, ChipsPerModule = 8, FollowOnModulesPerMonth = random.Next(0, 80),
        SupplyCapModules = random.Next(100, 900), BuyerShare = random.NextDouble(), BuyerCapChips = random.Next(2) == 0 ? double.PositiveInfinity : 1_500,
        // Lags inside the horizon, at and past its end, and far past it (the cohorts outgrow their array).
        DeploymentLagMonths = new[] { 0, 1, 2, 5, 11, 12, 30, 3_000 }[random.Next(8)],
        PricePerChipUsd = random.Next(4) == 0 ? 0 : 30_000 * random.NextDouble(), ExportFeeRate = 0.25, FeePassThrough = random.NextDouble(),
        UsdCny = 7 + random.NextDouble(), H200VsH20 = 6, RevenuePerH20eMonthCny = 10_000 * random.NextDouble(), Utilization = random.NextDouble(),
        BaselineCapacityCover = random.NextDouble(), BaselineCapacityGrowthYoy = 0.1, BaseQuarterCnyBn = 3, AiShare = 0.5,
        NonAiGrowthYoy = 0.05, AiDemandGrowthYoy = random.NextDouble(), GrossMargin = random.Next(5) == 0 ? 0 : random.NextDouble(),
    };

    /// <summary>The lifetime as first written: the chips online at the horizon's end summed from the cohorts' changes.</summary>
    private static (double, double, double, double) Reference(TrialModel model, in TrialState s, in TrialInputs x)
    {
        var value = model.Value!;
        var v = s.Value;
        var months = model.Horizon.Months;
        var cost = v.DiscountedCostCnyBn;
        var payback = double.NaN;
        if (cost > 0)
            for (var t = 0; t < months; t++)
                if (v.CumulativeGrossProfit[t] >= cost) { payback = t; break; }
        var online = s.Pipeline.ChipsOnline;
        var rate = online > 0 ? v.LastMonthGrossProfit / online : 0;
        var total = v.DiscountedGrossProfitCnyBn;
        var chips = 0.0;
        for (var t = 0; t < months && t <= v.LastChange; t++) chips += v.CohortChange[t];
        var seeking = cost > 0 && double.IsNaN(payback);
        for (var m = months; m <= v.LastChange; m++)
        {
            chips += v.CohortChange[m];
            total += rate * chips * value.Discount(m);
            if (seeking && total >= cost) { payback = m; seeking = false; }
        }
        var npv = total - cost;
        return (npv, cost > 0 ? total / cost : double.NaN, payback, npv / x.UsdCny / value.AdsOutstandingBn);
    }

    [Theory]
    [InlineData(12, 0.08, 1)]
    [InlineData(60, 0.10, 2)]
    [InlineData(37, 0.0, 3)]
    public void Every_slot_of_a_block_has_the_bits_of_its_trial_alone(int usefulLife, double discountRate, int seed)
    {
        var model = new TrialModel(TwelveMonths, value: new ValueOverLife(usefulLife, discountRate, 18.6, TwelveMonths.Months));
        var batch = new LifetimeBatch(model, 45);
        var random = new Random(seed);
        var s = TrialState.Create(model);
        for (var block = 0; block < 40; block++)
        {
            var n = 1 + random.Next(45); // blocks of any size, a lane group left part-empty
            var expected = new (double, double, double, double)[n];
            for (var k = 0; k < n; k++)
            {
                var x = Inputs(random);
                model.Begin(ref s, in x);
                for (var m = 0; m < TwelveMonths.Months; m++) model.StepMonth(ref s, in x, new[] { 0, 0.5, 1, 1 }[random.Next(4)], m);
                expected[k] = Reference(model, in s, in x);
                Assert.Equal(Bits(expected[k]), Bits(model.Lifetime(in s, in x)));
                var result = model.Finish(in s, in x, batch, k);
                Assert.True(double.IsNaN(result.NpvCnyBn) && double.IsNaN(result.PaybackMonth), "the batch gives the lifetime outcomes");
            }
            batch.Complete(n);
            for (var k = 0; k < n; k++)
                Assert.Equal(Bits(expected[k]), Bits((batch.Npv[k], batch.LifetimeRoi[k], batch.PaybackMonth[k], batch.NpvPerAdsUsd[k])));
        }
    }

    [Fact]
    public void The_cases_the_random_blocks_are_meant_to_reach_are_reached()
    {
        // Payback inside the horizon, after it, never; a trial with nothing bought; cohorts that outgrew their array.
        var model = new TrialModel(TwelveMonths, value: new ValueOverLife(60, 0.08, 18.6, TwelveMonths.Months));
        var random = new Random(1);
        var s = TrialState.Create(model);
        var seen = new HashSet<string>();
        for (var trial = 0; trial < 2_000; trial++)
        {
            var x = Inputs(random);
            model.Begin(ref s, in x);
            for (var m = 0; m < TwelveMonths.Months; m++) model.StepMonth(ref s, in x, new[] { 0, 0.5, 1, 1 }[random.Next(4)], m);
            var (_, _, payback, _) = model.Lifetime(in s, in x);
            seen.Add(s.Value.LastChange < 0 ? "none" : double.IsNaN(payback) ? "never" : payback < 12 ? "inside" : "after");
            if (s.Value.LastChange >= 2 * 12 + 60 + 1) seen.Add("outgrown");
        }
        Assert.Equal(["after", "inside", "never", "none", "outgrown"], seen.Order());
    }

    [Fact]
    public void Months_stepped_in_pieces_or_one_at_a_time_give_the_bits_of_all_months_at_once()
    {
        var model = new TrialModel(TwelveMonths, value: new ValueOverLife(60, 0.08, 18.6, TwelveMonths.Months));
        var random = new Random(4);
        for (var trial = 0; trial < 300; trial++)
        {
            var x = Inputs(random);
            var gates = Enumerable.Range(0, 12).Select(_ => new[] { 0, 0.5, 1, 1 }[random.Next(4)]).ToArray();
            var split = random.Next(13);
            var whole = TrialState.Create(model);
            var pieces = TrialState.Create(model);
            var single = TrialState.Create(model);
            model.Begin(ref whole, in x);
            model.Begin(ref pieces, in x);
            model.Begin(ref single, in x);
            model.StepMonths(ref whole, in x, gates);
            model.StepMonths(ref pieces, in x, gates.AsSpan(0, split));
            model.StepMonths(ref pieces, in x, gates.AsSpan(split), split);
            for (var m = 0; m < 12; m++) model.StepMonth(ref single, in x, gates[m], m);
            var expected = model.Finish(in whole, in x);
            Assert.Equal(expected, model.Finish(in pieces, in x));
            Assert.Equal(expected, model.Finish(in single, in x));
            Assert.Equal(whole.Revenue.QuarterCloud, pieces.Revenue.QuarterCloud);
            Assert.Equal(whole.Value.CohortChange.AsSpan(0, whole.Value.LastChange + 1).ToArray(), single.Value.CohortChange.AsSpan(0, single.Value.LastChange + 1).ToArray());
        }
    }

    private static long[] Bits((double, double, double, double) r) =>
        [BitConverter.DoubleToInt64Bits(r.Item1), BitConverter.DoubleToInt64Bits(r.Item2), BitConverter.DoubleToInt64Bits(r.Item3), BitConverter.DoubleToInt64Bits(r.Item4)];
}
