using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Cli.Reporting;
using Alibaba.ChipSim.Cli.Running;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Report;
using Alibaba.ChipSim.Tests.Support;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Report;

public sealed class ReportNumbersTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("chipsim-report-numbers-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Every_headline_figure_and_final_state_share_on_the_page_is_summary_jsons_number()
    {
        // Given `run` and `report` of the base scenario at the same seed and trial count
        var scenario = Path.Combine(RepoRoot.Scenarios, "base.yaml");
        using var console = new TestConsole();
        var run = RunCommand.Execute([scenario], new RunSettings(2000, 7, 1, Path.Combine(_dir, "run"), ["csv"], Quiet: true, Json: false),
            console, new StringWriter(), new StringWriter(), outputRedirected: true);
        Assert.Equal(0, run);
        var error = new StringWriter();
        var report = ReportCommand.Run(new ReportSettings([scenario], Path.Combine(_dir, "report"), 2000, 7, 1, "2026-01-15"),
            TimeProvider.System, new StringWriter(), error);
        Assert.True(report == 0, error.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "run", "summary.json")));
        var metrics = json.RootElement.GetProperty("metrics");
        var html = File.ReadAllText(Path.Combine(_dir, "report", ReportFiles.HtmlFileName));

        // Then each distribution row prints summary.json's mean, P5, P50 and P95 in the row's unit and format
        var rows = Regex.Matches(html, "<tr><td class=\"text\">([^<]*)</td><td class=\"unit\">([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => m.Groups.Values.Skip(3).Select(g => g.Value).ToArray());
        var checkedRows = 0;
        foreach (var display in MetricDisplay.All)
        {
            if (!metrics.TryGetProperty(display.Metric, out var m)) continue; // an outcome this scenario does not have (e.g. NPV)
            var expected = new[] { "mean", "p5", "p50", "p95" }.Select(k => Format(m.GetProperty(k).GetDouble() * display.Scale, display.Format)).ToArray();
            Assert.Equal(expected, rows[display.Label][..4]);
            checkedRows++;
        }
        Assert.True(checkedRows >= 9, $"only {checkedRows} rows checked");

        // And the probabilities are summary.json's
        var deadline = metrics.GetProperty(MetricNames.DeliveredByDeadline).GetProperty("probability").GetDouble();
        var nothing = metrics.GetProperty(MetricNames.NothingDelivered).GetProperty("probability").GetDouble();
        Assert.Equal(Percent(deadline), rows["First tranche shipped by the deadline (2026-02)"][0]);
        Assert.Equal(Percent(1 - nothing), rows["Any H200 shipped within the horizon"][0]);
        Assert.Contains($"by the deadline (2026-02) in {Percent(deadline)} of trials", html);

        // And each final-state share is summary.json's
        var states = metrics.GetProperty("beijing_final").GetProperty("shares");
        Assert.Equal(5, states.EnumerateObject().Count());
        foreach (var state in states.EnumerateObject())
            Assert.Contains($"<td class=\"text\">Beijing</td><td class=\"text\">{state.Name.Replace('_', ' ')}</td><td>{Percent(state.Value.GetDouble())}</td>", html);
    }

    private static string Format(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);

    private static string Percent(double share) => (100 * share).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
