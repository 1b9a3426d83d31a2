using System.Collections.Immutable;

namespace Alibaba.ChipSim.Report;

/// <summary>A finished report: the self-contained HTML page and every chart in it (written beside it as PNG and SVG).</summary>
public sealed record ReportDocument(string Html, ImmutableArray<ReportChart> Charts);
