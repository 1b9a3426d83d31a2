using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Cli.Reporting;

namespace Alibaba.ChipSim.Tests.Report;

public sealed class ReportCommandTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 2, 1, 12, 0, 0, TimeSpan.Zero));

    private static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "scenarios", name);

    [Fact]
    public void Two_shipped_scenarios_make_one_report_with_the_injected_date_and_a_comparison()
    {
        var dir = Directory.CreateTempSubdirectory("chipsim-report-cmd-").FullName;
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var outDir = Path.Combine(dir, "out");
            var code = ReportCommand.Run(
                new ReportSettings([Scenario("base.yaml"), Scenario("beijing-blocks.yaml")], outDir, 400, null, 1, null),
                Clock, output, error);

            Assert.True(code == 0, error.ToString());
            var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
            Assert.Contains("2026-02-01 12:00:00 UTC+00:00", html);
            Assert.Contains("Scenarios compared", html);
            Assert.Contains("<dt>Trials</dt><dd>400</dd>", html);
            Assert.True(File.Exists(Path.Combine(outDir, "base-fan-cloud-revenue.png")));
            Assert.True(File.Exists(Path.Combine(outDir, "base-roi-histogram.svg")));
            // Beijing blocks every purchase: ROI is defined in no trial and incremental revenue is 0 in all, so both are
            // stated in words instead of empty histograms.
            Assert.False(File.Exists(Path.Combine(outDir, "beijing-blocks-roi-histogram.svg")));
            Assert.False(File.Exists(Path.Combine(outDir, "beijing-blocks-incremental-revenue-histogram.svg")));
            Assert.Contains("Return on the H200 purchase (in-horizon gross profit ÷ cost): no trial has a value", System.Net.WebUtility.HtmlDecode(html));
            Assert.Contains("0.00 CNY bn in every one of the 400 trials", html);
            Assert.Contains("report.html", output.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_bad_scenario_file_is_reported_with_its_position_exit_code_2_and_nothing_is_written()
    {
        var dir = Directory.CreateTempSubdirectory("chipsim-report-cmd-").FullName;
        try
        {
            var bad = Path.Combine(dir, "bad.yaml");
            File.WriteAllText(bad, "name: bad\ncalendar:\n  start: 2025-13\n");
            var error = new StringWriter();
            var outDir = Path.Combine(dir, "out");
            var code = ReportCommand.Run(new ReportSettings([bad], outDir, 100, null, 1, null), Clock, new StringWriter(), error);

            Assert.Equal(2, code);
            Assert.Contains("bad.yaml:", error.ToString());
            Assert.False(Directory.Exists(outDir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_history_file_conditions_every_scenario_of_the_report_and_a_bad_one_writes_nothing()
    {
        var dir = Directory.CreateTempSubdirectory("chipsim-report-cmd-").FullName;
        try
        {
            var history = Path.Combine(AppContext.BaseDirectory, "scenarios", "history", "history-2026-06.yaml");
            var error = new StringWriter();
            var outDir = Path.Combine(dir, "out");
            var code = ReportCommand.Run(
                new ReportSettings([Scenario("base.yaml"), Scenario("fast-approval.yaml")], outDir, 2000, null, 1, null) { HistoryFile = history },
                Clock, new StringWriter(), error);

            Assert.True(code == 0, error.ToString());
            var html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(outDir, "report.html")));
            Assert.Contains("observed through 2026-06", html, StringComparison.Ordinal);
            Assert.Contains("Log Bayes factors against base", html, StringComparison.Ordinal);

            var missing = Path.Combine(dir, "no-such-history.yaml");
            var badOut = Path.Combine(dir, "bad");
            error = new StringWriter();
            code = ReportCommand.Run(new ReportSettings([Scenario("base.yaml")], badOut, 100, null, 1, null) { HistoryFile = missing }, Clock, new StringWriter(), error);
            Assert.Equal(2, code);
            Assert.Contains("no-such-history.yaml", error.ToString(), StringComparison.Ordinal);
            Assert.False(Directory.Exists(badOut));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData(0L, 0, null, "--trials must be between 1 and 2147483591 (got 0)")]
    [InlineData(100L, -1, null, "--threads must be 0")]
    [InlineData(100L, 0, "15/01/2026", "--date '15/01/2026' is not an ISO 8601 date")]
    public void Bad_arguments_exit_with_code_2_and_say_what_to_give(long trials, int threads, string? date, string message)
    {
        var error = new StringWriter();
        var outDir = Path.Combine(Path.GetTempPath(), "chipsim-never-written");
        var code = ReportCommand.Run(new ReportSettings([Scenario("base.yaml")], outDir, trials, null, threads, date), Clock, new StringWriter(), error);
        Assert.Equal(2, code);
        Assert.Contains(message, error.ToString());
        Assert.False(Directory.Exists(outDir));
    }
}
