using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Policy;
using Alibaba.ChipSim.Sampling;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Engine;

/// <summary>
/// The engine against a plain transcription of docs/model.md ("Shipments" to "Counterfactual"), trial by trial on the same random numbers:
/// growth by (1 + g)^(t/12) each month, capacity and revenue straight from the formulas, no staging.
/// </summary>
public sealed class ReferenceTrialTests
{
    private sealed record Reference(double MonthsToFirst, double Modules, double Chips, double CostCny,
        double Cloud, double CloudWithout, double Incremental, double H20eOnline);

    private static Reference Simulate(Scenario s, ParameterTable table, CompiledPolicy policy, ulong seed, long trial)
    {
        var v = new double[table.Count];
        var hash = RandomStreams.TrialHash(seed, trial);
        table.Draw(trial, hash, v);
        double P(Parameter p) => v[table.IndexOf(p)];
        var streams = new ulong[policy.ActorCount];
        var u = new double[policy.ActorCount];
        var before = new byte[policy.ActorCount];
        var after = new byte[policy.ActorCount];
        policy.Streams(hash, streams);
        policy.Reset(before);

        var sh = s.Shipments;
        var cap = sh.SupplyCapModules is null ? double.PositiveInfinity : P(sh.SupplyCapModules);
        var lag = (int)P(sh.DeploymentLagMonths);
        var months = s.Calendar.Months;
        var chipsByMonth = new double[months];
        int first = -1;
        double modules = 0, chips = 0;
        double cloud = 0, without = 0, incremental = 0;
        var baseAi = P(s.Revenue.BaseQuarterCnyBn) / 3 * P(s.Revenue.AiShare);
        var baseNonAi = P(s.Revenue.BaseQuarterCnyBn) / 3 * (1 - P(s.Revenue.AiShare));
        for (var m = 0; m < months; m++)
        {
            for (var a = 0; a < u.Length; a++) u[a] = RandomStreams.Uniform(streams[a], m);
            policy.Step(m, before, after, u, v);
            after.CopyTo(before, 0);
            var gate = policy.Gate(before, v);
            var month = s.Calendar.Start.AddMonths(m);
            double shipped = 0;
            if (gate > 0 && first < 0 && month >= sh.FirstDelivery)
            {
                shipped = Math.Min(Math.Floor(P(sh.InitialModules) * gate + 1e-9), cap);
                first = m;
            }
            else if (gate > 0 && first >= 0 && m > first)
                shipped = Math.Max(0, Math.Min(Math.Floor(P(sh.FollowOnModulesPerMonth) * gate + 1e-9), cap - modules));
            modules += shipped;
            var c = Math.Floor(shipped * P(sh.ChipsPerModule) * P(sh.BuyerShare) + 1e-9);
            chips += c;
            chipsByMonth[m] = c;

            double online = 0;
            for (var d = 0; d <= m - lag; d++) online += chipsByMonth[d];
            var t = month.MonthsSince(s.Revenue.BaseMonth);
            var nonAi = baseNonAi * Math.Pow(1 + P(s.Revenue.NonAiGrowthYoy), t / 12.0);
            var demand = baseAi * Math.Pow(1 + P(s.Revenue.AiDemandGrowthYoy), t / 12.0);
            var baseline = P(s.Compute.BaselineCapacityCover) * baseAi * Math.Pow(1 + P(s.Compute.BaselineCapacityGrowthYoy), t / 12.0);
            var h200 = online * P(s.Compute.H200VsH20) * P(s.Compute.RevenuePerH20eMonthCny) * P(s.Compute.Utilization) / 1e9;
            var served = Math.Min(demand, baseline + h200);
            var servedWithout = Math.Min(demand, baseline);
            cloud += nonAi + served;
            without += nonAi + servedWithout;
            incremental += served - servedWithout;
        }
        double finalOnline = 0;
        for (var d = 0; d <= months - 1 - lag; d++) finalOnline += chipsByMonth[d];
        var e = s.Economics;
        var cost = chips * P(e.PricePerChipUsd) * (1 + P(e.ExportFeeRate) * P(e.FeePassThrough)) * P(e.UsdCny);
        return new Reference(first < 0 ? double.NaN : first, modules, chips, cost, cloud, without, incremental,
            finalOnline * P(s.Compute.H200VsH20));
    }

    [Theory]
    [InlineData(20251223UL)]
    [InlineData(42UL)]
    public void The_engine_matches_a_plain_transcription_of_the_spec_trial_by_trial(ulong seed)
    {
        var s = TestScenarios.SpecExample();
        const int trials = 3_000;
        var result = SimulationEngine.Run(s, new RunOptions { Trials = trials, Seed = seed, Threads = 2 });
        var table = ParameterTable.For(s);
        var policy = new CompiledPolicy(s, table);
        double[] Col(string n) => result.Column(n)!.Values;
        for (var t = 0; t < trials; t++)
        {
            var r = Simulate(s, table, policy, seed, t);
            Assert.Equal(r.MonthsToFirst, Col(MetricNames.MonthsToFirstDelivery)[t]);
            Assert.Equal(r.Modules, Col(MetricNames.ModulesShipped)[t]);
            Assert.Equal(r.Chips, Col(MetricNames.ChipsDelivered)[t]);
            Assert.Equal(r.CostCny, Col(MetricNames.CostCny)[t], Math.Max(1e-6, r.CostCny * 1e-12));
            Assert.Equal(r.H20eOnline, Col(MetricNames.H200H20eOnline)[t], Math.Max(1e-9, r.H20eOnline * 1e-12));
            // Growth multiplied along the months instead of a power per month: agreement to 1e-12 relative.
            Assert.Equal(r.Cloud, Col(MetricNames.CloudRevenueCnyBn)[t], r.Cloud * 1e-12);
            Assert.Equal(r.CloudWithout, Col(MetricNames.CloudRevenueWithoutH200CnyBn)[t], r.CloudWithout * 1e-12);
            Assert.Equal(r.Incremental, Col(MetricNames.IncrementalRevenueCnyBn)[t], Math.Max(1e-12, r.Cloud * 1e-12));
        }
    }
}
