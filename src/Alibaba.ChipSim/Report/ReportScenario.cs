using System.Collections.Immutable;
using Alibaba.ChipSim.Engine;

namespace Alibaba.ChipSim.Report;

/// <summary>One scenario's run as the report shows it: the result, how to reproduce it, and its actors' diagrams.</summary>
public sealed record ReportScenario(SimulationResult Result, ReportProvenance Provenance, ImmutableArray<ActorDiagram> Diagrams)
{
    /// <summary>
    /// The run's sensitivity (<c>SensitivityBuilder.Build(Result)</c>); when set, the report adds tornado charts of what
    /// moves the headline outputs.
    /// </summary>
    public Statistics.Sensitivity.SensitivityReport? Sensitivity { get; init; }
}
