using System.Collections.Immutable;
using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Runs;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Runs;

/// <summary>Summary-only runs that keep no per-trial column: the same summary bytes as the run that keeps them.</summary>
public sealed class StreamedRunTests
{
    private static string Json(ScenarioRun run) => SummaryJsonWriter.ToJson(run.Summary);

    private static string Csv(ScenarioRun run, IRunFileWriter writer)
    {
        using var stream = new MemoryStream();
        writer.Write(stream, run.Result, run.Summary, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Theory]
    [MemberData(nameof(ShippedScenarios.Files), MemberType = typeof(ShippedScenarios))]
    public void A_streamed_run_of_a_shipped_scenario_writes_the_summary_of_the_run_that_keeps_its_columns(string file)
    {
        var scenario = ShippedScenarios.Load(file);
        // A target on a per-trial metric and one on a quarter, after the scenario's own.
        ImmutableArray<TargetSpec> targets = [TargetSpec.TryParse("chips_delivered>50000", out _)!, TargetSpec.TryParse("cloud_revenue_cny_bn_FY2027Q1<40", out _)!];
        var request = new RunRequest { Threads = 2, Targets = targets, TrialColumns = false, ColumnTrialsLimit = 0 };
        var kept = RunPipeline.Run(scenario, 5_000, 7, request with { TrialColumns = true });
        Assert.True(kept.Result.HasTrialColumns);
        // A run conditioned on history streams too (its weighted statistics over a few passes).
        Assert.True(request.Streams(scenario, 5_000));
        // Chunks of 300 trials: many chunks and waves, block boundaries of the squared deviations inside chunks.
        var streamed = StreamedRun.Run(scenario, new RunOptions { Trials = 5_000, Seed = 7, Threads = 2 }, targets, chunkSize: 300);
        Assert.False(streamed.Result.HasTrialColumns);
        Assert.Empty(streamed.Result.Numeric);
        Assert.Equal(Json(kept), Json(streamed));
        Assert.Equal(Csv(kept, new SummaryCsvWriter()), Csv(streamed, new SummaryCsvWriter()));
        Assert.Equal(Csv(kept, new QuartersCsvWriter()), Csv(streamed, new QuartersCsvWriter()));
        Assert.NotEmpty(streamed.Summary.Years);
        Assert.Equal(kept.Summary.Years.Length, streamed.Summary.Years.Length);
        for (var i = 0; i < kept.Summary.Years.Length; i++)
        {
            Assert.Equal((kept.Summary.Years[i].Year, kept.Summary.Years[i].Metric), (streamed.Summary.Years[i].Year, streamed.Summary.Years[i].Metric));
            Statistics.Streaming.StreamingColumnTests.AssertSameBits(kept.Summary.Years[i].Statistics, streamed.Summary.Years[i].Statistics);
        }
        Assert.Equal(kept.Result.Occupancy.Select(o => o.Counts.ToArray()), streamed.Result.Occupancy.Select(o => o.Counts.ToArray()));
        Assert.Equal(kept.Result.Occupancy.Select(o => o.WeightedCounts?.ToArray()), streamed.Result.Occupancy.Select(o => o.WeightedCounts?.ToArray()));
        Assert.Equal(kept.Result.ObservationMatches.IsDefault ? [] : kept.Result.ObservationMatches.ToArray(),
            streamed.Result.ObservationMatches.IsDefault ? [] : streamed.Result.ObservationMatches.ToArray());
    }

    /// <summary>The December 2025 view conditioned on a history given in the test (<c>history:</c> YAML, indented as the scenario's).</summary>
    private static Scenario WithHistory(string history) =>
        ScenarioLoader.LoadText($"""
            name: conditioned
            extends: base.yaml
            {history}
            """, Path.Combine(RepoRoot.Scenarios, "conditioned.yaml")).Scenario!;

    [Theory]
    // Hazards' products and a reported quarter's likelihood: every weight different.
    [InlineData("""
        history:
          as_of: 2026-06
          actors:
            washington:
              - { from: 2025-12, state: rescinded }
              - { from: 2026-03, state: licensed }
          revenue:
            residual_sd: 0.03
            quarters: { FY2026Q4: 41.6 }
        """, false)]
    // Nothing shipped through March: weights 0 or 1, so each column's summary is the unweighted one of the trials kept.
    [InlineData("""
        history:
          as_of: 2026-03
          shipments:
            - { from: 2025-12, to: 2026-03, modules: 0 }
        """, true)]
    // A reported quarter under a Latin hypercube and a correlation: the design laid over the whole run in every pass.
    [InlineData("""
        simulation:
          trials: 20000
          seed: 5
          sampling: latin-hypercube
        correlations:
          - { between: [economics.price_per_chip_usd, shipments.buyer_share], rho: -0.6 }
        history:
          as_of: 2026-06
          revenue:
            residual_sd: 0.03
            quarters: { FY2026Q4: 41.6 }
        """, false)]
    public void A_streamed_run_conditioned_on_history_has_the_weighted_summary_of_the_run_that_keeps_its_columns(string history, bool equalWeights)
    {
        var scenario = WithHistory(history);
        ImmutableArray<TargetSpec> targets = [TargetSpec.TryParse("chips_delivered>50000", out _)!];
        var kept = RunPipeline.Run(scenario, 20_000, 5, new RunRequest { Threads = 2, Targets = targets });
        Assert.True(kept.Result.HasTrialColumns);
        Assert.Equal(equalWeights, kept.Result.Weights!.Where(w => w > 0).Distinct().Count() == 1);
        var streamed = RunPipeline.Run(scenario, 20_000, 5, new RunRequest { Threads = 2, Targets = targets, TrialColumns = false, ColumnTrialsLimit = 10_000 });
        Assert.False(streamed.Result.HasTrialColumns);
        Assert.Equal(Json(kept), Json(streamed));
        Assert.Contains("\"history\"", Json(streamed), StringComparison.Ordinal);
        // Few buckets and a tiny gather limit: histograms split again over further passes, one thread, odd chunks.
        var cramped = StreamedRun.Run(scenario, new RunOptions { Trials = 20_000, Seed = 5, Threads = 1 }, targets, chunkSize: 97, gatherLimit: 5, buckets: 4);
        // Equal weights go through the unweighted one-pass column, whose passes do not depend on the buckets.
        if (equalWeights)
            Assert.Equal(streamed.Result.Passes, cramped.Result.Passes);
        else
            Assert.True(cramped.Result.Passes > streamed.Result.Passes, $"{cramped.Result.Passes} passes against {streamed.Result.Passes}");
        Assert.Equal(Json(kept), Json(cramped));
    }

    [Fact]
    public void A_streamed_run_that_no_trial_of_the_history_matches_fails_as_the_run_with_columns_does()
    {
        var scenario = WithHistory("""
            history:
              as_of: 2026-02
              shipments:
                - { from: 2025-12, to: 2026-02, modules: { min: 50000000, max: 60000000 } }
            """);
        var kept = Assert.Throws<NoTrialMatchedException>(() => RunPipeline.Run(scenario, 3_000, 5, new RunRequest { Threads = 2 }));
        var streamed = Assert.Throws<NoTrialMatchedException>(() =>
            RunPipeline.Run(scenario, 3_000, 5, new RunRequest { Threads = 2, TrialColumns = false, ColumnTrialsLimit = 0 }));
        Assert.Equal(kept.Message, streamed.Message);
    }

    [Theory]
    [InlineData(SamplingMethod.MonteCarlo, 1, 300, 10_000)]
    [InlineData(SamplingMethod.LatinHypercube, 2, 4096, 5)]
    public void The_pipeline_streams_a_summary_only_run_above_the_column_limit_with_the_same_summary(SamplingMethod method, int threads, int chunk, int gatherLimit)
    {
        var scenario = TestScenarios.SpecExample() with
        {
            Simulation = new SimulationSpec(1000, 1, method),
            Correlations = [new("economics.price_per_chip_usd", "shipments.buyer_share", -0.7, SourceLocation.None("<test>"))],
        };
        var kept = RunPipeline.Run(scenario, 6_000, 3, new RunRequest { Threads = 2 });
        var streamed = RunPipeline.Run(scenario, 6_000, 3, new RunRequest { Threads = threads, TrialColumns = false, ColumnTrialsLimit = 5_000 });
        Assert.True(kept.Result.HasTrialColumns);
        Assert.False(streamed.Result.HasTrialColumns);
        Assert.Equal(1, streamed.Result.Passes);
        Assert.Equal(Json(kept), Json(streamed));
        var chunked = StreamedRun.Run(scenario, new RunOptions { Trials = 6_000, Seed = 3, Threads = threads }, chunkSize: chunk, gatherLimit: gatherLimit);
        Assert.Equal(Json(kept), Json(chunked));
        // Windows too small to hold their ranks force further passes (with a tiny gather limit, histograms of histograms):
        // the same bytes (the tails are exact sums, whatever order their values come in).
        var deep = StreamedRun.Run(scenario, new RunOptions { Trials = 6_000, Seed = 3, Threads = threads }, chunkSize: chunk, gatherLimit: gatherLimit,
            windowLimit: (2, 16));
        Assert.True(deep.Result.Passes > 1);
        Assert.Equal(Json(kept), Json(deep));
    }

    [Fact]
    public void A_streamed_run_of_the_base_scenario_takes_one_pass_and_writes_the_summary_of_the_run_that_keeps_its_columns()
    {
        // 300,000 trials in the default chunks: every column's windows narrow many times and keep their ranks, so the
        // trials are simulated once.
        var scenario = ShippedScenarios.Load("base.yaml");
        var kept = RunPipeline.Run(scenario, 300_000, 11, new RunRequest { Threads = 2 });
        var streamed = RunPipeline.Run(scenario, 300_000, 11, new RunRequest { Threads = 2, TrialColumns = false, ColumnTrialsLimit = 0 });
        Assert.Equal(1, streamed.Result.Passes);
        Assert.Equal(Json(kept), Json(streamed));
    }

    [Fact]
    public void A_summary_only_run_within_the_column_limit_or_asking_for_sensitivity_keeps_its_columns()
    {
        var scenario = TestScenarios.SpecExample();
        Assert.True(RunPipeline.Run(scenario, 2_000, 3, new RunRequest { TrialColumns = false, ColumnTrialsLimit = 2_000 }).Result.HasTrialColumns);
        Assert.True(RunPipeline.Run(scenario, 2_000, 3, new RunRequest { TrialColumns = false, ColumnTrialsLimit = 0, Sensitivity = true }).Result.HasTrialColumns);
    }

    [Fact]
    public void The_replay_buffers_are_one_chunk_long_whatever_the_trial_count()
    {
        // Two billion trials: the columns would take ~1 TB; the replay holds a wave of chunk-sized buffers.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var replay = new ChunkReplay(TestScenarios.SpecExample(), new RunOptions { Trials = 2_000_000_000, Seed = 1, Threads = 2 });
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        foreach (var c in replay.Layout.Numeric) Assert.Equal(SimulationEngine.ChunkSize, c.Values.Length);
        foreach (var c in replay.Layout.Categorical) Assert.Equal(SimulationEngine.ChunkSize, c.Codes.Length);
        foreach (var q in replay.Layout.Quarterly)
            foreach (var v in q.Values) Assert.Equal(SimulationEngine.ChunkSize, v.Length);
        Assert.True(allocated < 64L << 20, $"{allocated} bytes for the replay's buffers");
    }
}
