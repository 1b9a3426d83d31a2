using System.Collections.Immutable;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics.Streaming;

namespace Alibaba.ChipSim.Runs;

/// <summary>
/// A summary-only run in bounded memory (docs/running-big.md, "Bounded memory"): the trials are replayed chunk by chunk
/// (<see cref="ChunkReplay"/>) as many times as the exact statistics need (<see cref="StreamingSummary"/>, usually one
/// pass; a run conditioned on history, <see cref="WeightedStreamingSummary"/>, usually four), and no per-trial column is kept. The summary is the one <see cref="RunPipeline.Summarise"/> gives over the
/// columns, bit for bit.
/// </summary>
internal static class StreamedRun
{
    /// <exception cref="OperationCanceledException">When the token fires.</exception>
    /// <param name="extraTargets">The request's targets (<c>--target</c>), after the scenario's.</param>
    /// <param name="chunkSize">Trials per chunk (tests make it small to force many chunks).</param>
    /// <param name="gatherLimit">The most keys a rank range of a further pass gathers (tests make it small to force more passes).</param>
    /// <param name="windowLimit">The sizes of the percentiles' windows (tests make them tiny to force further passes).</param>
    public static ScenarioRun Run(Scenario scenario, RunOptions options, ImmutableArray<TargetSpec> extraTargets = default,
        int chunkSize = SimulationEngine.ChunkSize, int gatherLimit = StreamingColumn.GatherLimit, (int Distinct, int Appended)? windowLimit = null,
        int buckets = WeightedStreamingColumn.DefaultBuckets)
    {
        var replay = new ChunkReplay(scenario, options, chunkSize);
        if (replay.Plan.History is not null) return RunWeighted(scenario, options, replay, extraTargets, gatherLimit, buckets);
        var threads = options.Threads == 0 ? Environment.ProcessorCount : options.Threads;
        var statistics = new StreamingSummary(replay.Layout, extraTargets, threads, gatherLimit, windowLimit);
        do
        {
            replay.Pass((chunks, rows) => statistics.Consume(chunks.Span, rows.Span));
        }
        while (statistics.EndPass());
        var occupancy = SimulationEngine.Occupancies(replay.Plan, replay.Occupancy, null);
        var result = new SimulationResult(scenario, options.Seed, options.Trials, [], [], [], occupancy)
            .WithSampling(new SamplingBlock(options.FirstTrial, options.SamplingBlockTrials))
            .WithoutTrialColumns(replay.Passes);
        return new ScenarioRun(result, statistics.Summary());
    }

    /// <summary>
    /// A run conditioned on history: the weighted statistics take a few passes (<see cref="WeightedStreamingSummary"/>),
    /// and a run in which no trial carries weight fails after the first, as the run with columns does.
    /// </summary>
    private static ScenarioRun RunWeighted(Scenario scenario, RunOptions options, ChunkReplay replay, ImmutableArray<TargetSpec> extraTargets,
        int gatherLimit, int buckets)
    {
        var threads = options.Threads == 0 ? Environment.ProcessorCount : options.Threads;
        var statistics = new WeightedStreamingSummary(replay.Layout, extraTargets, threads, buckets, gatherLimit);
        bool more;
        do
        {
            replay.Pass((chunks, rows) => statistics.Consume(chunks.Span, rows.Span));
            more = statistics.EndPass();
            if (statistics.NoWeight && !options.PartOfLargerRun)
                throw NoTrialMatchedException.For(replay.Plan.History!, replay.ObservationMatches, options.Trials);
        }
        while (more);
        var occupancy = SimulationEngine.Occupancies(replay.Plan, replay.Occupancy, replay.WeightedOccupancy);
        var result = new SimulationResult(scenario, options.Seed, options.Trials, [], [], [], occupancy) { ObservationMatches = [.. replay.ObservationMatches] }
            .WithSampling(new SamplingBlock(options.FirstTrial, options.SamplingBlockTrials))
            .WithoutTrialColumns(replay.Passes);
        return new ScenarioRun(result, statistics.Summary());
    }
}
