using System.Collections.Immutable;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Output.Report;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Report;

/// <summary>
/// Plausible-looking results for the SPEC example scenario, drawn from a seeded generator, so that the report can be
/// tested without the engine. The <c>openness</c> of <see cref="Make"/> scales how often the gates open (0 = never, 1 = as in base).
/// </summary>
internal static class SyntheticResults
{
    public static SimulationResult Make(string name, int trials, int seed, double openness = 1.0)
    {
        var scenario = TestScenarios.SpecExample() with { Name = name, Sha256 = new string('a', 64) };
        var rng = new Random(seed);
        var months = scenario.Calendar.Months;
        var firstMonth = new double[trials];
        var byDeadline = new double[trials];
        var nothing = new double[trials];
        var chips = new double[trials];
        var feeTotal = new double[trials];
        var feeBorne = new double[trials];
        var cost = new double[trials];
        var incremental = new double[trials];
        var profit = new double[trials];
        var roi = new double[trials];
        var cloud = new double[trials];
        var deadlineIndex = scenario.Shipments.Deadline.MonthsSince(scenario.Calendar.Start);
        for (var t = 0; t < trials; t++)
        {
            var delivered = rng.NextDouble() < 0.85 * openness;
            firstMonth[t] = delivered ? Math.Min(months - 1, (int)(-Math.Log(1 - rng.NextDouble()) * 4)) : double.NaN;
            byDeadline[t] = delivered && firstMonth[t] <= deadlineIndex ? 1 : 0;
            nothing[t] = delivered ? 0 : 1;
            chips[t] = delivered ? Math.Floor(8 * (5000 + rng.Next(5000) + rng.Next(20000)) * 0.35) : 0;
            var price = 25000 + rng.NextDouble() * 15000;
            feeTotal[t] = chips[t] / 0.35 * price * 0.25;
            feeBorne[t] = chips[t] * price * 0.25 * 0.75;
            cost[t] = chips[t] * price * (1 + 0.25 * 0.75) * 7.05;
            incremental[t] = delivered ? chips[t] * 6 * 9000 * 0.8 * (months - firstMonth[t] - 2) / 1e9 * (0.5 + rng.NextDouble()) : 0;
            profit[t] = incremental[t] * 0.35;
            roi[t] = cost[t] > 0 ? profit[t] * 1e9 / cost[t] : double.NaN;
            cloud[t] = 330 + rng.NextDouble() * 40 + incremental[t];
        }
        NumericColumn C(string n, double[] v, bool binary = false, bool whole = false) => new(n, v, binary, whole);
        var numeric = ImmutableArray.Create(
            C(MetricNames.DeliveredByDeadline, byDeadline, binary: true),
            C(MetricNames.NothingDelivered, nothing, binary: true),
            C(MetricNames.MonthsToFirstDelivery, firstMonth, whole: true),
            C(MetricNames.ChipsDelivered, chips, whole: true),
            C(MetricNames.FeeTotalUsd, feeTotal),
            C(MetricNames.FeeBorneUsd, feeBorne),
            C(MetricNames.CostCny, cost),
            C(MetricNames.CloudRevenueCnyBn, cloud),
            C(MetricNames.IncrementalRevenueCnyBn, incremental),
            C(MetricNames.IncrementalGrossProfitCnyBn, profit),
            C(MetricNames.Roi, roi));
        var quarters = ImmutableArray.Create("FY2026Q4", "FY2027Q1", "FY2027Q2", "FY2027Q3", "FY2027Q4", "FY2028Q1", "FY2028Q2", "FY2028Q3");
        var with = new double[quarters.Length][];
        var without = new double[quarters.Length][];
        for (var q = 0; q < quarters.Length; q++)
        {
            with[q] = new double[trials];
            without[q] = new double[trials];
            for (var t = 0; t < trials; t++)
            {
                var baseRevenue = 42 * Math.Pow(1.035, q) * (0.9 + 0.2 * rng.NextDouble()) + q * rng.NextDouble();
                without[q][t] = baseRevenue;
                with[q][t] = baseRevenue + (double.IsNaN(firstMonth[t]) ? 0 : Math.Max(0, q - firstMonth[t] / 3) * 0.4 * rng.NextDouble());
            }
        }
        var quarterly = ImmutableArray.Create(
            new QuarterColumns(MetricNames.CloudRevenueCnyBn, quarters, with),
            new QuarterColumns(MetricNames.CloudRevenueWithoutH200CnyBn, quarters, without));
        var occupancy = scenario.Actors.Select(a => Occupancy(a, scenario.Calendar, trials, rng, openness)).ToImmutableArray();
        var categorical = occupancy.Select(o => Final(o, trials)).ToImmutableArray();
        return new SimulationResult(scenario, scenario.Simulation.Seed, trials, numeric, categorical, quarterly, occupancy);
    }

    /// <summary>Each trial walks a simple chain from the initial state: move to the next state with probability 0.2 a month.</summary>
    private static StateOccupancy Occupancy(ActorSpec actor, CalendarSpec calendar, int trials, Random rng, double openness)
    {
        var states = actor.States.Select(s => s.Name).ToImmutableArray();
        var counts = new long[calendar.Months * states.Length];
        for (var t = 0; t < trials; t++)
        {
            var s = actor.IndexOf(actor.Initial);
            for (var m = 0; m < calendar.Months; m++)
            {
                if (rng.NextDouble() < 0.2 * openness && s < states.Length - 1) s++;
                counts[m * states.Length + s]++;
            }
        }
        return new StateOccupancy(actor.Name, states, calendar.Start, calendar.Months, counts);
    }

    private static CategoricalColumn Final(StateOccupancy o, int trials)
    {
        // Codes consistent with the last month's counts.
        var codes = new byte[trials];
        var last = o.Months - 1;
        var i = 0;
        for (var s = 0; s < o.States.Length; s++)
            for (var k = 0; k < o.Count(last, s); k++) codes[i++] = (byte)s;
        return new CategoricalColumn(MetricNames.ActorFinal(o.Actor), o.States, codes);
    }

    public static ReportScenario AsReportScenario(SimulationResult result, DateTimeOffset at) =>
        new(result,
            new ReportProvenance(result.Scenario.Name, result.Scenario.Description, result.Scenario.Sha256, result.Seed, result.Trials, EngineInfo.Name, at),
            [new ActorDiagram("washington, beijing", DiagramFormat.Text, Alibaba.ChipSim.Policy.PolicyGraph.Mermaid(result.Scenario), "Mermaid text")]);

    public static readonly DateTimeOffset Date = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);
}
