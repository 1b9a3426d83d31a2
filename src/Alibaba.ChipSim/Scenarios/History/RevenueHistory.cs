using System.Collections.Immutable;

namespace Alibaba.ChipSim.Scenarios.History;

/// <summary>Reported cloud revenue quarters (CNY bn) and the sd of log(reported / modelled quarter).</summary>
public sealed record RevenueHistory(double ResidualSd, ImmutableArray<ReportedQuarter> Quarters);
