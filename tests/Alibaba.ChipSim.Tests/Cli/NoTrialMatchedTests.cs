using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Cli.Reporting;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Cli;

/// <summary>
/// Every command that simulates answers a history no trial matched as <c>run</c> does (RunHistoryTests): exit 1, one line
/// naming the observation, nothing written, no stack trace.
/// </summary>
public sealed class NoTrialMatchedTests
{
    // base.yaml's review returns Beijing from discouraged to under_review at 2026-04: no trial stays discouraged to 2026-06.
    private const string Impossible = "history:\n  as_of: 2026-06\n  actors:\n    beijing:\n      - { from: 2026-01, state: discouraged }\n";

    /// <summary>A scenario carrying the impossible history itself (extends a copy of the shipped base beside it).</summary>
    private static string ImpossibleScenario(TempFolder dir)
    {
        File.Copy(Path.Combine(RepoRoot.Scenarios, "base.yaml"), dir.File("base.yaml"));
        File.WriteAllText(dir.File("impossible.yaml"), "name: impossible\nextends: base.yaml\nsimulation:\n  trials: 2000\n" + Impossible);
        return dir.File("impossible.yaml");
    }

    private static void AssertOneLine(string command, string error)
    {
        Assert.Contains($"{command}: no trial matched the history: none of the ", error, StringComparison.Ordinal);
        Assert.Contains("history.actors.beijing[0]", error, StringComparison.Ordinal);
        Assert.Contains("; nothing was written", error, StringComparison.Ordinal);
        Assert.DoesNotContain("exception", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Report_with_a_history_no_trial_matched_exits_1_and_writes_no_report()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File("history.yaml"), Impossible);
        var error = new StringWriter();

        var exit = ReportCommand.Run(
            new ReportSettings([Path.Combine(RepoRoot.Scenarios, "base.yaml")], dir.File("out"), 200, null, 1, "2026-01-15") { HistoryFile = dir.File("history.yaml") },
            TimeProvider.System, new StringWriter(), error);

        Assert.Equal(1, exit);
        AssertOneLine("report", error.ToString());
        Assert.Equal(["history.yaml"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName)); // no report, no staging folder
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public void Snapshot_of_a_scenario_whose_own_history_no_trial_matched_exits_1_and_writes_no_snapshot()
    {
        using var dir = new TempFolder();
        ImpossibleScenario(dir);
        var error = new StringWriter();

        var exit = SnapshotCommand.Run(["impossible.yaml"], check: false, threads: 1, dir.Path, new StringWriter(), error);

        Assert.Equal(1, exit);
        AssertOneLine("snapshot", error.ToString());
        Assert.False(File.Exists(dir.File("impossible.snapshot.json")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Bench_of_a_scenario_whose_own_history_no_trial_matched_exits_1(bool wholeProcess)
    {
        if (!OperatingSystem.IsLinux()) return; // --whole-process is Linux only; /dev/null
        using var dir = new TempFolder();
        var scenario = ImpossibleScenario(dir);
        string[] args = ["bench", scenario, "--trials", "1000", "--threads", "1", "--repeat", "1", .. wholeProcess ? new[] { "--whole-process" } : []];

        var (exit, error) = CliSummary.Exec("/dev/null", dir.Path, args);

        Assert.Equal(1, exit);
        AssertOneLine(wholeProcess ? "run" : "bench", error);
        if (wholeProcess) Assert.Contains("bench: `chipsim run` exited with 1: run: no trial matched", error, StringComparison.Ordinal);
    }
}
