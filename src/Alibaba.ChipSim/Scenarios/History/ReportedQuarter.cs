namespace Alibaba.ChipSim.Scenarios.History;

/// <summary>A quarter's reported cloud revenue, CNY bn (e.g. FY2026Q4: 41.6).</summary>
public sealed record ReportedQuarter(string Quarter, double CnyBn, SourceLocation Location);
