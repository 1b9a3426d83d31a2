using System.Globalization;
using System.Text.RegularExpressions;

namespace Alibaba.ChipSim.Tests.Report;

/// <summary>The history marks of a conditioned run's charts, as a reader sees them in a browser: legible like every other text.</summary>
public sealed class ConditionedReportLayoutTests(ConditionedReport report) : IClassFixture<ConditionedReport>
{
    [ChromiumTheory]
    [InlineData(1400)]
    [InlineData(768)]
    public void The_history_marks_are_displayed_no_smaller_than_11_px(int width)
    {
        // Given the conditioned report, whose charts carry the observed months and shipments, with the measuring script added
        var html = File.ReadAllText(report.Html);
        Assert.Contains("observed: approved on paper", html);
        Assert.Contains("0 modules shipped 2025-12 to 2026-06", html);
        var page = Path.Combine(report.Folder, $"measure-{width}.html");
        File.WriteAllText(page, html.Replace("</body>", ReportLayoutTests.MeasureScript + "</body>", StringComparison.Ordinal));

        // When Chromium lays it out at this width
        var dom = HeadlessChromium.DumpDom(page, width);
        Assert.True(dom.ExitCode == 0, $"chromium exited {dom.ExitCode}: {dom.Stderr}");
        var body = Regex.Match(dom.Stdout, "<body[^>]*>").Value;

        // Then no text, the marks' labels included, is displayed below 11 px, and the page does not scroll sideways
        Assert.True(ReportLayoutTests.Attribute(body, "small-text") == "", $"text below 11 px at {width} px wide: {ReportLayoutTests.Attribute(body, "small-text")}");
        Assert.True(double.Parse(ReportLayoutTests.Attribute(body, "smallest-text"), CultureInfo.InvariantCulture) >= 11);
        Assert.True(int.Parse(ReportLayoutTests.Attribute(body, "page-width"), CultureInfo.InvariantCulture) <= width, $"the page is wider than the window: {body}");
    }
}
