using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output.Shards;

/// <summary>The summary of a run computed from its shards (with the scenario they ran), or every reason it could not be.</summary>
public sealed record ShardSummary(Scenario? Scenario, RunSummary? Summary, IReadOnlyList<string> Errors)
{
    /// <summary>How many times the shards' columns were read back for the statistics (1 unless a percentile escaped its window).</summary>
    public int Passes { get; init; }

    /// <summary>True when the columns were streamed back chunk by chunk (bounded memory), false when read a column at a time.</summary>
    public bool Streamed { get; init; }
}
