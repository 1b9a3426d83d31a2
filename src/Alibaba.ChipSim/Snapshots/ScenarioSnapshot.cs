using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Runs;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Snapshots;

/// <summary>
/// Computes a scenario's snapshot text: the scenario run on its own through the pipeline (so at its own seed and
/// trial count), its summary written as <c>summary.json</c>, then rounded by <see cref="SnapshotWriter"/>.
/// </summary>
internal static class ScenarioSnapshot
{
    /// <param name="scenario">The scenario, run on its own.</param>
    /// <param name="threads">Worker threads (0 = every core); never changes the text.</param>
    /// <param name="cancellationToken">Stops the run; nothing is returned.</param>
    public static string Compute(Scenario scenario, int threads = 0, CancellationToken cancellationToken = default)
    {
        var run = RunSet.For([scenario], new RunRequest { Threads = threads, CancellationToken = cancellationToken }).Run(0);
        return SnapshotWriter.FromSummaryJson(SummaryJsonWriter.ToJson(run.Summary));
    }
}
