using System.Collections.Immutable;

namespace Alibaba.ChipSim.Statistics.Comparison;

/// <summary>One side of a <c>diff</c>: where it was read from, what produced it, and its metrics by name.</summary>
internal sealed record ComparableRun(
    string Source,
    string? Scenario,
    string? ScenarioSha256,
    string? Engine,
    ulong? Seed,
    long? Trials,
    ImmutableSortedDictionary<string, ComparableMetric> Metrics);
