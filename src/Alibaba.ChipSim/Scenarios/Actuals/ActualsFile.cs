using System.Collections.Immutable;

namespace Alibaba.ChipSim.Scenarios.Actuals;

/// <summary>What happened, for <c>chipsim score</c>: realised values of per-trial metrics and events that did or did not happen (docs/forecast-scoring.md).</summary>
public sealed record ActualsFile(
    string File,
    string? Description,
    Month? AsOf,
    ImmutableArray<ObservedValue> Values,
    ImmutableArray<ObservedEvent> Events);
