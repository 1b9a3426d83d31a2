using System.Collections.Immutable;

namespace Alibaba.ChipSim.Scenarios.History;

/// <summary>One actor's observed states: each entry holds from its month until the next entry's month or <c>as_of</c>; months before the first are not observed.</summary>
public sealed record ActorHistory(string Actor, ImmutableArray<ObservedState> Entries);
