using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Cli.Reporting;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Report;

/// <summary>
/// A real report of two shipped scenarios (base and its fee-raised variant, 1,000 trials, seed 7, with sensitivity and
/// paired differences), written once per test class into a temporary folder.
/// </summary>
public sealed class ShippedReport : IDisposable
{
    public const long Trials = 1000;
    public const ulong Seed = 7;

    public string Folder { get; } = Directory.CreateTempSubdirectory("chipsim-shipped-report-").FullName;

    public string Html => Path.Combine(Folder, "out", "report.html");

    public ShippedReport()
    {
        var error = new StringWriter();
        var code = ReportCommand.Run(
            new ReportSettings([Path.Combine(RepoRoot.Scenarios, "base.yaml"), Path.Combine(RepoRoot.Scenarios, "fee-raised.yaml")],
                Path.Combine(Folder, "out"), Trials, Seed, 1, "2026-01-15"),
            TimeProvider.System, new StringWriter(), error);
        if (code != 0) throw new InvalidOperationException("report failed: " + error);
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a browser may still hold a file for a moment */ }
    }
}
