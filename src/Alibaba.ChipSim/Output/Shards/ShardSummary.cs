using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output.Shards;

/// <summary>The summary of a run computed from its shards (with the scenario they ran), or every reason it could not be.</summary>
public sealed record ShardSummary(Scenario? Scenario, RunSummary? Summary, IReadOnlyList<string> Errors);
