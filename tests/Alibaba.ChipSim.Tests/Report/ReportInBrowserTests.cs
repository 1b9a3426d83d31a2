using System.Buffers.Binary;
using System.Text.RegularExpressions;
using Alibaba.ChipSim.Cli.Reporting;
using Alibaba.ChipSim.Report;

namespace Alibaba.ChipSim.Tests.Report;

public sealed class ReportInBrowserTests
{
    [ChromiumFact]
    public void The_report_loads_in_headless_Chromium_with_every_chart_decoded_and_no_errors()
    {
        // Given a two-scenario report written to disk
        var dir = Directory.CreateTempSubdirectory("chipsim-report-").FullName;
        try
        {
            var base_ = SyntheticResults.AsReportScenario(SyntheticResults.Make("base", 2000, 1), SyntheticResults.Date);
            var blocks = SyntheticResults.AsReportScenario(SyntheticResults.Make("beijing-blocks", 2000, 2, 0.3), SyntheticResults.Date);
            // The base scenario's diagrams drawn by Graphviz when it is installed (SVG images the browser must decode too).
            base_ = base_ with { Diagrams = GraphvizDiagrams.For(base_.Result.Scenario, GraphvizDiagrams.FindDot()) };
            var svgDiagrams = base_.Diagrams.Count(d => d.Format == DiagramFormat.Svg);
            var report = ReportBuilder.Build([base_, blocks], SyntheticResults.Date);
            var html = Path.Combine(dir, "out", ReportFiles.HtmlFileName);
            ReportFiles.Write(report, Path.Combine(dir, "out"));

            // When Chromium opens it
            var dom = HeadlessChromium.DumpDom(html);

            // Then the page's own check ran on load and found every image decoded and no error
            Assert.True(dom.ExitCode == 0, $"chromium exited {dom.ExitCode}: {dom.Stderr}");
            var body = Regex.Match(dom.Stdout, "<body[^>]*>");
            Assert.True(body.Success, "no <body> in the dumped DOM");
            Assert.Contains("data-loaded=\"ok\"", body.Value);
            Assert.Contains($"data-images=\"{svgDiagrams}\"", body.Value);
            Assert.Contains($"data-charts=\"{report.Charts.Length}\"", body.Value);
            Assert.Contains("data-broken=\"0\"", body.Value);
            Assert.DoesNotContain("Uncaught", dom.Stderr);

            // And a screenshot of the page is a real 1400-pixel-wide PNG
            var shot = Path.Combine(dir, "screenshot.png");
            var run = HeadlessChromium.Screenshot(html, shot);
            Assert.True(File.Exists(shot), $"no screenshot (exit {run.ExitCode}): {run.Stderr}");
            var (width, height) = PngSize(File.ReadAllBytes(shot));
            Assert.Equal(1400, width);
            Assert.True(height > 0);

            // And every chart file beside it has a non-zero size
            foreach (var chart in report.Charts)
            {
                Assert.Equal(ChartTheme.Width, PngSize(File.ReadAllBytes(Path.Combine(dir, "out", chart.FileStem + ".png"))).Width);
                Assert.True(new FileInfo(Path.Combine(dir, "out", chart.FileStem + ".svg")).Length > 1000);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [ChromiumFact]
    public void The_page_check_reports_a_broken_image_so_the_browser_test_can_fail()
    {
        // Given the report's check script on a page whose one image cannot decode
        var dir = Directory.CreateTempSubdirectory("chipsim-report-").FullName;
        try
        {
            var html = Path.Combine(dir, "broken.html");
            File.WriteAllText(html, "<!DOCTYPE html><html><head><script>" + HtmlPage.CheckScript + "</script></head><body>"
                + "<img alt=\"bad chart\" src=\"data:image/png;base64,AAAA\"></body></html>");

            var dom = HeadlessChromium.DumpDom(html);

            var body = Regex.Match(dom.Stdout, "<body[^>]*>").Value;
            Assert.Contains("data-broken=\"1\"", body);
            Assert.Contains("data-loaded=\"failed: image bad chart", body);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), after checking the signature.</summary>
    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.Length > 24 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G', "not a PNG");
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
