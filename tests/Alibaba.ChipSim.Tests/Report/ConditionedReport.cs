using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Cli.Reporting;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Report;

/// <summary>
/// A real report of a scenario conditioned on history (as-of-2026-06.yaml: its own history through 2026-06, 1,000
/// trials, seed 7): weighted charts with the observed months and shipments marked, written once per test class.
/// </summary>
public sealed class ConditionedReport : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("chipsim-conditioned-report-").FullName;

    public string Html => Path.Combine(Folder, "out", "report.html");

    public ConditionedReport()
    {
        var error = new StringWriter();
        var code = ReportCommand.Run(
            new ReportSettings([Path.Combine(RepoRoot.Scenarios, "as-of-2026-06.yaml")], Path.Combine(Folder, "out"), 1000, 7, 1, "2026-01-15"),
            TimeProvider.System, new StringWriter(), error);
        if (code != 0) throw new InvalidOperationException("report failed: " + error);
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a browser may still hold a file for a moment */ }
    }
}
