using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output;

/// <summary>Computes a scenario's snapshot text: a run at the scenario's own seed and trial count, summarised, then rounded.</summary>
internal static class ScenarioSnapshot
{
    /// <param name="threads">Worker threads (0 = every core); never changes the text.</param>
    public static string Compute(Scenario scenario, int threads = 0, CancellationToken cancellationToken = default)
    {
        var options = new RunOptions
        {
            Trials = scenario.Simulation.Trials,
            Seed = scenario.Simulation.Seed,
            Threads = threads,
            CancellationToken = cancellationToken,
        };
        var result = SimulationEngine.Run(scenario, options);
        return SnapshotWriter.FromSummaryJson(SummaryJsonWriter.ToJson(SummaryBuilder.Build(result, threads == 0 ? null : threads)));
    }
}
