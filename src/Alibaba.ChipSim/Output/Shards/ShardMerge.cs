using Alibaba.ChipSim.Engine;

namespace Alibaba.ChipSim.Output.Shards;

/// <summary>The run rebuilt from its shards, or every reason it could not be (each naming the shard).</summary>
public sealed record ShardMerge(SimulationResult? Result, IReadOnlyList<string> Errors);
