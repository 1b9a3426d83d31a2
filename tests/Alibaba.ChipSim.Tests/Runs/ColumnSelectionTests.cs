using System.Collections.Immutable;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Outcomes;
using Alibaba.ChipSim.Runs;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Runs;

/// <summary>A run that keeps only some columns (<see cref="ColumnSelection"/>): the columns it keeps have the statistics of the full run, bit for bit.</summary>
public sealed class ColumnSelectionTests
{
    // A whole-run outcome that is not a headline, a quarter, a first-entry month and a headline-only metric.
    private static readonly ImmutableArray<TargetSpec> Targets =
    [
        TargetSpec.TryParse("chips_delivered>50000", out _)!,
        TargetSpec.TryParse("cloud_revenue_cny_bn_FY2027Q1<40", out _)!,
        TargetSpec.TryParse("beijing_approved_month<6", out _)!,
    ];

    private static void AssertKeptAsInFullRun(RunSummary full, RunSummary narrow, ColumnSelection selection)
    {
        Assert.Equal(full.Trials, narrow.Trials);
        Assert.Equal(full.History, narrow.History);
        foreach (var entry in narrow.Metrics)
        {
            // Each metric of the narrowed run is one the selection asked for, with the very statistics of the full run.
            var quarterly = OutcomeCatalogue.QuarterlyMetrics.FirstOrDefault(q => entry.Name.StartsWith(q.Name + "_", StringComparison.Ordinal));
            var wanted = selection.Outcomes.Contains(entry.Name) || selection.EntryMonths.Contains(entry.Name)
                || entry.Name.EndsWith("_final", StringComparison.Ordinal) || (quarterly is not null && selection.QuarterlyMetrics.Contains(quarterly.Name));
            Assert.True(wanted, $"{entry.Name} was kept but not selected");
            AssertSame(full.Metrics.Single(m => m.Name == entry.Name), entry);
        }
        // Every selected metric the full run has is kept.
        foreach (var entry in full.Metrics)
        {
            var quarterly = OutcomeCatalogue.QuarterlyMetrics.FirstOrDefault(q => entry.Name.StartsWith(q.Name + "_", StringComparison.Ordinal));
            if (selection.Outcomes.Contains(entry.Name) || selection.EntryMonths.Contains(entry.Name) || entry.Name.EndsWith("_final", StringComparison.Ordinal)
                || (quarterly is not null && selection.QuarterlyMetrics.Contains(quarterly.Name)))
                Assert.Contains(narrow.Metrics, m => m.Name == entry.Name);
        }
        Assert.Equal(full.Targets.ToArray(), narrow.Targets.ToArray());
        Assert.True(narrow.Metrics.Length < full.Metrics.Length, "the selection kept every column");
    }

    private static void AssertSame(MetricEntry expected, MetricEntry actual)
    {
        if (expected is StateShares e && actual is StateShares a)
        {
            Assert.Equal(e.States.ToArray(), a.States.ToArray());
            Assert.Equal(e.Shares.Select(BitConverter.DoubleToInt64Bits), a.Shares.Select(BitConverter.DoubleToInt64Bits));
            return;
        }
        Assert.Equal(expected, actual); // MetricSummary: a record of numbers
    }

    [Theory]
    [MemberData(nameof(ShippedScenarios.Files), MemberType = typeof(ShippedScenarios))]
    public void The_table_columns_of_a_shipped_scenario_have_the_statistics_of_the_full_run(string file)
    {
        var scenario = ShippedScenarios.Load(file);
        var selection = ColumnSelection.ForTable([scenario], Targets);
        var request = new RunRequest { Threads = 2, Targets = Targets };
        var full = RunPipeline.Run(scenario, 4_000, 11, request);
        var narrow = RunPipeline.Run(scenario, 4_000, 11, request with { Columns = selection });
        AssertKeptAsInFullRun(full.Summary, narrow.Summary, selection);
        // The streamed path (no column kept beyond a chunk) narrows the same way.
        var streamed = RunPipeline.Run(scenario, 4_000, 11, request with { Columns = selection, TrialColumns = false, ColumnTrialsLimit = 0 });
        Assert.False(streamed.Result.HasTrialColumns);
        AssertKeptAsInFullRun(full.Summary, streamed.Summary, selection);
        Assert.Equal(narrow.Summary.Metrics.Select(m => m.Name), streamed.Summary.Metrics.Select(m => m.Name));
    }

    [Fact]
    public void A_kept_column_holds_the_full_runs_values_bit_for_bit()
    {
        var scenario = ShippedScenarios.Load("base.yaml");
        var selection = ColumnSelection.ForTable(["chips_delivered"]);
        var full = RunPipeline.Simulate(scenario, 3_000, 5, threads: 2);
        var narrow = RunPipeline.Simulate(scenario, 3_000, 5, threads: 2, columns: selection);
        foreach (var column in narrow.Numeric)
        {
            var same = full.Numeric.Single(c => c.Name == column.Name);
            Assert.Equal(same.Values.ToArray().Select(BitConverter.DoubleToInt64Bits), column.Values.ToArray().Select(BitConverter.DoubleToInt64Bits));
        }
        Assert.Contains(narrow.Numeric, c => c.Name == "chips_delivered");
        Assert.DoesNotContain(narrow.Numeric, c => c.Name == "modules_shipped");
        Assert.DoesNotContain(narrow.Numeric, c => c.Name.StartsWith("washington_", StringComparison.Ordinal));
        Assert.Empty(narrow.Quarterly);
    }

    [Fact]
    public void The_table_selection_keeps_the_headlines_and_each_targets_metric()
    {
        var selection = ColumnSelection.ForTable(["modules_shipped", "ai_revenue_cny_bn_FY2027Q3", "washington_licensed_month"]);
        Assert.Contains(OutcomeCatalogue.DeliveredByDeadline.Name, selection.Outcomes);
        Assert.Contains(OutcomeCatalogue.NothingDelivered.Name, selection.Outcomes);
        Assert.All(OutcomeCatalogue.Headlines, m => Assert.Contains(m.Name, selection.Outcomes));
        Assert.Contains("modules_shipped", selection.Outcomes);
        Assert.DoesNotContain("cost_cny", selection.Outcomes);
        Assert.Equal(["ai_revenue_cny_bn"], selection.QuarterlyMetrics);
        Assert.Contains("washington_licensed_month", selection.EntryMonths);
        Assert.DoesNotContain("modules_shipped", selection.EntryMonths);
    }

    [Fact]
    public void The_model_sums_quarters_only_for_a_run_that_reads_them()
    {
        var scenario = ShippedScenarios.Load("base.yaml");
        SimulationPlan Plan(Scenario sc, ColumnSelection? columns) => new(sc, new RunOptions { Trials = 10, Seed = 1, Columns = columns });
        Assert.True(Plan(scenario, null).Model.SumsQuarters); // every column
        Assert.False(Plan(scenario, ColumnSelection.ForTable(["chips_delivered"])).Model.SumsQuarters);
        Assert.True(Plan(scenario, ColumnSelection.ForTable(["ai_revenue_cny_bn_FY2027Q3"])).Model.SumsQuarters);
        // A history weighs its trials by the reported quarters, whatever the columns.
        var history = ShippedScenarios.Load("as-of-2026-06.yaml");
        Assert.NotNull(history.History);
        Assert.True(Plan(history, ColumnSelection.ForTable(["chips_delivered"])).Model.SumsQuarters);
    }
}
