using Alibaba.ChipSim.Runs;

namespace Alibaba.ChipSim.Output.Shards;

/// <summary>
/// The merge stage of a sharded run: the run rebuilt from its shard folders and summarised through
/// <see cref="RunPipeline.Summarise"/> (so a merged run is the one-process run, file for file), or its summary alone
/// read a column at a time or, above the request's column limit, streamed in bounded memory.
/// </summary>
public static class ShardRuns
{
    /// <summary>The run rebuilt from its shard folders and summarised as <paramref name="request"/> asks (sensitivity), or the errors.</summary>
    public static (ScenarioRun? Run, IReadOnlyList<string> Errors) Merge(IReadOnlyList<string> folders, RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var merged = ShardMerger.Merge(folders, request.CancellationToken);
        if (merged.Result is not { } result) return (null, merged.Errors);
        Engine.SimulationEngine.RequireSomeWeight(result); // a run conditioned on history: as the run in one process fails
        return (new ScenarioRun(result, RunPipeline.Summarise(result, request)), []);
    }

    /// <summary>
    /// The summary alone, the same bytes as <see cref="Merge"/>'s summary: for a run of at most the request's
    /// <see cref="RunRequest.ColumnTrialsLimit"/> trials from the shard files one column at a time (memory: one column of
    /// 8 bytes per trial per thread), for a larger one streamed back through exact statistics chunk by chunk (memory that
    /// does not grow with the trials, as a streamed run's). Sensitivity needs every column at once: use <see cref="Merge"/>.
    /// </summary>
    public static ShardSummary Summarise(IReadOnlyList<string> folders, RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Sensitivity) throw new ArgumentException("sensitivity needs the whole run's columns: merge with Merge", nameof(request));
        return ShardMerger.Summarize(folders, request.SummaryThreads, request.CancellationToken, request.ColumnTrialsLimit);
    }
}
