using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Runs.Shards;

/// <summary>
/// A run cut into shards: each shard simulates its slice of the trials (the very draws the whole run makes for them,
/// its sampling design laid over the whole run); <c>Output.Shards.ShardRuns</c> merges the shard files back into the
/// run through <see cref="RunPipeline.Summarise"/>, so a merged run is the one-process run, file for file.
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
            // Under a history a slice may hold no trial with weight; the merge checks the whole run.
            PartOfLargerRun = true,
        });
    }
}
