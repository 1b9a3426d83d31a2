using System.Collections.Immutable;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Engine;

/// <summary>
/// The per-trial output arrays of one run, allocated once (one double per trial and metric, one byte
/// per trial and actor) and filled in place by the workers, each trial writing only its own row.
/// </summary>
internal sealed class OutcomeColumns
{
    public OutcomeColumns(SimulationPlan plan, int rows)
    {
        Rows = rows;
        DeliveredByDeadline = ColumnMemory.Doubles(rows);
        NothingDelivered = ColumnMemory.Doubles(rows);
        MonthsToFirstDelivery = ColumnMemory.Doubles(rows);
        GateOpenMonths = ColumnMemory.Doubles(rows);
        ModulesShipped = ColumnMemory.Doubles(rows);
        ChipsShipped = ColumnMemory.Doubles(rows);
        ChipsDelivered = ColumnMemory.Doubles(rows);
        FeeTotalUsd = ColumnMemory.Doubles(rows);
        FeeBorneUsd = ColumnMemory.Doubles(rows);
        CostUsd = ColumnMemory.Doubles(rows);
        CostCny = ColumnMemory.Doubles(rows);
        H200H20eOnline = ColumnMemory.Doubles(rows);
        CloudRevenueCnyBn = ColumnMemory.Doubles(rows);
        CloudRevenueWithoutH200CnyBn = ColumnMemory.Doubles(rows);
        AiRevenueCnyBn = ColumnMemory.Doubles(rows);
        IncrementalRevenueCnyBn = ColumnMemory.Doubles(rows);
        IncrementalGrossProfitCnyBn = ColumnMemory.Doubles(rows);
        Roi = ColumnMemory.Doubles(rows);
        EntryMonth = Jagged(plan.EntryColumnNames.Length, rows);
        FinalState = new byte[plan.ActorCount][];
        for (var a = 0; a < FinalState.Length; a++) FinalState[a] = ColumnMemory.Bytes(rows);
        var q = plan.Quarters.Count;
        QuarterCloudRevenue = Jagged(q, rows);
        QuarterCloudRevenueWithoutH200 = Jagged(q, rows);
        QuarterAiRevenue = Jagged(q, rows);
        QuarterIncrementalRevenue = Jagged(q, rows);

        Slots =
        [
            DeliveredByDeadline, NothingDelivered, MonthsToFirstDelivery, GateOpenMonths, ModulesShipped, ChipsShipped,
            ChipsDelivered, FeeTotalUsd, FeeBorneUsd, CostUsd, CostCny, H200H20eOnline, CloudRevenueCnyBn,
            CloudRevenueWithoutH200CnyBn, AiRevenueCnyBn, IncrementalRevenueCnyBn, IncrementalGrossProfitCnyBn, Roi,
            .. EntryMonth, .. QuarterCloudRevenue, .. QuarterCloudRevenueWithoutH200, .. QuarterAiRevenue, .. QuarterIncrementalRevenue,
        ];
        FirstEntrySlot = MetricSlots;
        FirstQuarterSlot = MetricSlots + EntryMonth.Length;
    }

    /// <summary>Slots 0 … 17 are the metrics in <see cref="MetricNames"/> order (as in <see cref="Slots"/>).</summary>
    public const int MetricSlots = 18;

    /// <summary>
    /// Every double column in one order, for the workers' staging blocks: the 18 metrics, then the first-entry
    /// months, then the quarterly columns metric by metric (cloud, cloud without H200s, AI, incremental), each quarter by quarter.
    /// </summary>
    public double[][] Slots { get; }

    public int FirstEntrySlot { get; }

    public int FirstQuarterSlot { get; }

    public int Rows { get; }
    public double[] DeliveredByDeadline { get; }
    public double[] NothingDelivered { get; }
    public double[] MonthsToFirstDelivery { get; }
    public double[] GateOpenMonths { get; }
    public double[] ModulesShipped { get; }
    public double[] ChipsShipped { get; }
    public double[] ChipsDelivered { get; }
    public double[] FeeTotalUsd { get; }
    public double[] FeeBorneUsd { get; }
    public double[] CostUsd { get; }
    public double[] CostCny { get; }
    public double[] H200H20eOnline { get; }
    public double[] CloudRevenueCnyBn { get; }
    public double[] CloudRevenueWithoutH200CnyBn { get; }
    public double[] AiRevenueCnyBn { get; }
    public double[] IncrementalRevenueCnyBn { get; }
    public double[] IncrementalGrossProfitCnyBn { get; }
    public double[] Roi { get; }

    /// <summary>[entry column][row], as <see cref="SimulationPlan.EntryColumnNames"/>.</summary>
    public double[][] EntryMonth { get; }

    /// <summary>[actor][row]: the state index after the last month.</summary>
    public byte[][] FinalState { get; }

    /// <summary>[quarter][row] sums over the quarter's months.</summary>
    public double[][] QuarterCloudRevenue { get; }
    public double[][] QuarterCloudRevenueWithoutH200 { get; }
    public double[][] QuarterAiRevenue { get; }
    public double[][] QuarterIncrementalRevenue { get; }

    private static double[][] Jagged(int count, int rows)
    {
        var a = new double[count][];
        for (var i = 0; i < count; i++) a[i] = ColumnMemory.Doubles(rows);
        return a;
    }

    public SimulationResult ToResult(SimulationPlan plan, ulong seed, ImmutableArray<StateOccupancy> occupancy, TrialDraws? draws = null)
    {
        var whole = plan.ChipsAreWhole;
        var numeric = ImmutableArray.CreateBuilder<NumericColumn>();
        numeric.Add(new NumericColumn(MetricNames.DeliveredByDeadline, DeliveredByDeadline, isBinary: true));
        numeric.Add(new NumericColumn(MetricNames.NothingDelivered, NothingDelivered, isBinary: true));
        numeric.Add(new NumericColumn(MetricNames.MonthsToFirstDelivery, MonthsToFirstDelivery, isWholeNumber: true));
        numeric.Add(new NumericColumn(MetricNames.GateOpenMonths, GateOpenMonths, isWholeNumber: true));
        numeric.Add(new NumericColumn(MetricNames.ModulesShipped, ModulesShipped, isWholeNumber: true));
        numeric.Add(new NumericColumn(MetricNames.ChipsShipped, ChipsShipped, isWholeNumber: whole));
        numeric.Add(new NumericColumn(MetricNames.ChipsDelivered, ChipsDelivered, isWholeNumber: true));
        numeric.Add(new NumericColumn(MetricNames.FeeTotalUsd, FeeTotalUsd));
        numeric.Add(new NumericColumn(MetricNames.FeeBorneUsd, FeeBorneUsd));
        numeric.Add(new NumericColumn(MetricNames.CostUsd, CostUsd));
        numeric.Add(new NumericColumn(MetricNames.CostCny, CostCny));
        numeric.Add(new NumericColumn(MetricNames.H200H20eOnline, H200H20eOnline));
        numeric.Add(new NumericColumn(MetricNames.CloudRevenueCnyBn, CloudRevenueCnyBn));
        numeric.Add(new NumericColumn(MetricNames.CloudRevenueWithoutH200CnyBn, CloudRevenueWithoutH200CnyBn));
        numeric.Add(new NumericColumn(MetricNames.AiRevenueCnyBn, AiRevenueCnyBn));
        numeric.Add(new NumericColumn(MetricNames.IncrementalRevenueCnyBn, IncrementalRevenueCnyBn));
        numeric.Add(new NumericColumn(MetricNames.IncrementalGrossProfitCnyBn, IncrementalGrossProfitCnyBn));
        numeric.Add(new NumericColumn(MetricNames.Roi, Roi));
        for (var i = 0; i < EntryMonth.Length; i++)
            numeric.Add(new NumericColumn(plan.EntryColumnNames[i], EntryMonth[i], isWholeNumber: true));

        var categorical = ImmutableArray.CreateBuilder<CategoricalColumn>();
        for (var a = 0; a < plan.ActorCount; a++)
        {
            var actor = plan.Scenario.Actors[a];
            categorical.Add(new CategoricalColumn(MetricNames.ActorFinal(actor.Name), StateNames(actor), FinalState[a]));
        }

        var quarters = plan.Quarters.Names;
        ImmutableArray<QuarterColumns> quarterly =
        [
            new(MetricNames.CloudRevenueCnyBn, quarters, QuarterCloudRevenue),
            new(MetricNames.CloudRevenueWithoutH200CnyBn, quarters, QuarterCloudRevenueWithoutH200),
            new(MetricNames.AiRevenueCnyBn, quarters, QuarterAiRevenue),
            new(MetricNames.IncrementalRevenueCnyBn, quarters, QuarterIncrementalRevenue),
        ];
        return new SimulationResult(plan.Scenario, seed, Rows, numeric.ToImmutable(), categorical.ToImmutable(), quarterly, occupancy) { Draws = draws };
    }

    public static ImmutableArray<string> StateNames(ActorSpec actor)
    {
        var b = ImmutableArray.CreateBuilder<string>(actor.States.Length);
        foreach (var s in actor.States) b.Add(s.Name);
        return b.MoveToImmutable();
    }
}
