using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Runs;

/// <summary>One scenario's finished run: the per-trial columns and their summary (with sensitivity and convergence when asked).</summary>
public sealed record ScenarioRun(SimulationResult Result, RunSummary Summary);
