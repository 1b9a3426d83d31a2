using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Output.Shards;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Runs.Shards;

/// <summary>
/// A run cut into shards: each shard simulates its slice of the trials (the very draws the whole run makes for them,
/// its sampling design laid over the whole run), and the merge rebuilds the run's columns and summarises them through
/// <see cref="RunPipeline.Summarise"/>, so a merged run is the one-process run, file for file.
/// </summary>
public static class ShardPipeline
{
    /// <summary>Simulates shard <paramref name="slice"/> of a run of <paramref name="trials"/> trials at <paramref name="seed"/>.</summary>
    /// <exception cref="OperationCanceledException">When the token fires.</exception>
    public static SimulationResult Simulate(Scenario scenario, long trials, ulong seed, ShardSlice slice, int threads,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var (first, count) = slice.Range(trials);
        return SimulationEngine.Run(scenario, new RunOptions
        {
            Trials = count, FirstTrial = first, WholeRunTrials = trials, Seed = seed, Threads = threads, CancellationToken = cancellationToken,
        });
    }

    /// <summary>The run rebuilt from its shard folders and summarised as <paramref name="request"/> asks (sensitivity), or the errors.</summary>
    public static (ScenarioRun? Run, IReadOnlyList<string> Errors) Merge(IReadOnlyList<string> folders, RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var merged = ShardMerger.Merge(folders, request.CancellationToken);
        if (merged.Result is not { } result) return (null, merged.Errors);
        return (new ScenarioRun(result, RunPipeline.Summarise(result, request)), []);
    }

    /// <summary>
    /// The summary alone, from the shard files one column at a time (memory: one column of 8 bytes per trial per thread);
    /// the same bytes as <see cref="Merge"/>'s summary. Sensitivity needs every column at once: use <see cref="Merge"/>.
    /// </summary>
    public static ShardSummary Summarise(IReadOnlyList<string> folders, RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Sensitivity) throw new ArgumentException("sensitivity needs the whole run's columns: merge with Merge", nameof(request));
        return ShardMerger.Summarize(folders, request.SummaryThreads, request.CancellationToken);
    }
}
