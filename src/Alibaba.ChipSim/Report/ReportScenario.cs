using System.Collections.Immutable;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// One scenario's run as the report shows it: the result (per-trial columns, for the charts' shapes only), its
/// summary (every statistic the page prints; with <see cref="RunSummary.Sensitivity"/> set, tornado charts too),
/// how to reproduce it, and its actors' diagrams.
/// </summary>
public sealed record ReportScenario(SimulationResult Result, RunSummary Summary, ReportProvenance Provenance, ImmutableArray<ActorDiagram> Diagrams);
