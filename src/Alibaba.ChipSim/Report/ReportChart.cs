namespace Alibaba.ChipSim.Report;

/// <summary>One rendered chart: a file stem (e.g. <c>base-fan-cloud-revenue</c>), its title and caption, and both renderings.</summary>
public sealed record ReportChart(string FileStem, string Title, string Caption, byte[] Png, string Svg);
