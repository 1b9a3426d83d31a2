using System.Collections.Immutable;

namespace Alibaba.ChipSim.Scenarios.History;

/// <summary>
/// What has been observed through <see cref="AsOf"/> (inclusive): actor states by month, modules shipped over month
/// ranges, reported revenue quarters. A run of a scenario with a history pins the observed states and weighs each trial
/// by the probability of the observations under its draws (docs/history.md).
/// </summary>
public sealed record HistorySpec(
    Month AsOf,
    ImmutableArray<ActorHistory> Actors,
    ImmutableArray<ShipmentObservation> Shipments,
    RevenueHistory? Revenue,
    SourceLocation Location);
