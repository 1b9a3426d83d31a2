using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output;

/// <summary>One run and the folder its files go to (see <see cref="RunOutputWriter.WriteAll"/>).</summary>
public sealed record RunOutputFolder(string Directory, SimulationResult Result, RunSummary Summary);
