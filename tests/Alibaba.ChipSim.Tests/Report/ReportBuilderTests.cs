using System.Globalization;
using System.Text.RegularExpressions;
using Alibaba.ChipSim.Report;

namespace Alibaba.ChipSim.Tests.Report;

public sealed class ReportBuilderTests
{
    private static readonly ReportScenario Base = SyntheticResults.AsReportScenario(SyntheticResults.Make("base", 500, 1), SyntheticResults.Date);
    private static readonly ReportScenario Blocks = SyntheticResults.AsReportScenario(SyntheticResults.Make("beijing-blocks", 500, 2, 0.3), SyntheticResults.Date);

    [Fact]
    public void The_page_states_what_a_reader_needs_to_reproduce_the_run()
    {
        var html = ReportBuilder.Build([Base], SyntheticResults.Date).Html;
        Assert.Contains("<dt>Scenario</dt><dd>base</dd>", html);
        Assert.Contains($"<dt>Scenario SHA-256</dt><dd>{new string('a', 64)}</dd>", html);
        Assert.Contains("<dt>Seed</dt><dd>20251223</dd>", html);
        Assert.Contains("<dt>Trials</dt><dd>500</dd>", html);
        Assert.Contains($"<dt>Engine</dt><dd>{EngineInfo.Name}</dd>", html);
        Assert.Contains("<dt>Date</dt><dd>2026-01-15 09:30:00 UTC+00:00</dd>", html);
    }

    [Fact]
    public void The_page_is_self_contained_every_image_is_a_data_uri_and_nothing_is_fetched()
    {
        var report = ReportBuilder.Build([Base, Blocks], SyntheticResults.Date);
        var sources = Regex.Matches(report.Html, "src=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(report.Charts.Length, sources.Count);
        Assert.All(sources, s => Assert.StartsWith("data:image/", s));
        Assert.DoesNotMatch("(href|src)=\"(https?:)?//", report.Html);
        Assert.DoesNotContain("<link", report.Html);
    }

    [Fact]
    public void Several_scenarios_get_a_comparison_section_with_overlaid_cdfs_and_a_side_by_side_table()
    {
        var one = ReportBuilder.Build([Base], SyntheticResults.Date);
        var two = ReportBuilder.Build([Base, Blocks], SyntheticResults.Date);
        Assert.DoesNotContain("Scenarios compared", one.Html);
        Assert.Contains("<th>base</th><th>beijing-blocks</th>", two.Html);
        Assert.Contains(two.Charts, c => c.FileStem == "compare-first-delivery");
        Assert.Contains(two.Charts, c => c.FileStem == "compare-roi-cdf");
        Assert.Equal(2 * one.Charts.Length + 4, two.Charts.Length);
    }

    [Fact]
    public void Every_chart_is_a_png_and_an_svg_under_a_unique_file_name()
    {
        var report = ReportBuilder.Build([Base, Base], SyntheticResults.Date);
        Assert.Equal(report.Charts.Length, report.Charts.Select(c => c.FileStem).Distinct().Count());
        Assert.Contains(report.Charts, c => c.FileStem.StartsWith("base-2-", StringComparison.Ordinal));
        Assert.All(report.Charts, c =>
        {
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], c.Png[..4]);
            Assert.Contains("<svg", c.Svg);
        });
    }

    [Fact]
    public void The_report_reads_the_same_under_a_culture_with_decimal_commas()
    {
        var invariant = ReportBuilder.Build([Base], SyntheticResults.Date);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var german = ReportBuilder.Build([Base], SyntheticResults.Date);
            Assert.Equal(invariant.Html, german.Html);
            Assert.Equal(invariant.Charts.Select(c => c.Svg), german.Charts.Select(c => c.Svg));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
