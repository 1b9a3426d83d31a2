using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit;

namespace Alibaba.ChipSim.Tests.Output;

/// <summary>
/// The whole summary of every shipped scenario at its own seed and 20,000 trials, pinned with Snapshooter
/// (<c>__snapshots__/</c> beside this file). A change to the engine, the statistics or a scenario that moves any
/// figure fails here; after checking the move is intended, delete the .snap file and rerun to accept it.
/// </summary>
public sealed class ShippedScenarioSummaryTests
{
    [Theory]
    [MemberData(nameof(ShippedScenarios.Files), MemberType = typeof(ShippedScenarios))]
    public void Shipped_scenario_summary_at_20000_trials_matches_its_snapshot(string file)
    {
        var load = ScenarioLoader.Load(Path.Combine(RepoRoot.Scenarios, file));
        Assert.True(load.Succeeded, string.Join("\n", load.Diagnostics));
        var scenario = load.Scenario;
        var result = SimulationEngine.Run(scenario, new RunOptions { Trials = 20_000, Seed = scenario.Simulation.Seed, Threads = 2 });
        var json = SummaryJsonWriter.ToJson(SummaryBuilder.Build(result));

        Snapshot.Match(JToken.Parse(json), SnapshotNameExtension.Create(Path.GetFileNameWithoutExtension(file)));
    }

}
