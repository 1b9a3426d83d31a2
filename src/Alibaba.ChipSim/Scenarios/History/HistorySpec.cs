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
    SourceLocation Location)
{
    /// <summary>The history file's name when the history came from <c>--history FILE</c>; null when the scenario holds it.</summary>
    public string? File { get; init; }

    /// <summary>The SHA-256 of the history file's bytes (lower-case hex) when it came from a file; null otherwise (the scenario's own hash covers it).</summary>
    public string? Sha256 { get; init; }
}
