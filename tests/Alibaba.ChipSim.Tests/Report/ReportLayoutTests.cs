using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Alibaba.ChipSim.Tests.Report;

/// <summary>The report as a reader sees it: in a browser at a desktop and a tablet width, and printed to A4.</summary>
public sealed class ReportLayoutTests(ShippedReport report) : IClassFixture<ShippedReport>
{
    private const double MinPx = 11;

    /// <summary>
    /// Measures, after load, every element that holds text of its own: HTML text by its computed font size; SVG text
    /// (the inline charts) by its font size times the scale the chart is drawn at (getScreenCTM); a diagram image by
    /// the smallest font it declares (data-min-font) times displayed ÷ natural width. Writes the count, the smallest
    /// size and the offenders into &lt;body&gt; data attributes for the DOM dump.
    /// </summary>
    internal const string MeasureScript = """
        <script>
        window.addEventListener('load', function () {
          var small = [], count = 0, smallest = 1e9;
          function check(px, what) {
            count++;
            smallest = Math.min(smallest, px);
            if (px < 11) small.push(px.toFixed(1) + 'px ' + what);
          }
          var all = document.body.querySelectorAll('*');
          for (var i = 0; i < all.length; i++) {
            var el = all[i];
            var own = Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim().length > 0; });
            if (!own || el.tagName === 'SCRIPT' || el.tagName === 'STYLE') continue;
            var r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) continue;
            var px = parseFloat(getComputedStyle(el).fontSize);
            if (el instanceof SVGElement) { var m = el.getScreenCTM(); px *= Math.sqrt(m.a * m.a + m.b * m.b); }
            check(px, el.tagName + ' "' + el.textContent.trim().slice(0, 40) + '"');
          }
          Array.prototype.forEach.call(document.querySelectorAll('img[data-min-font]'), function (img) {
            check(parseFloat(img.dataset.minFont) * img.getBoundingClientRect().width / img.naturalWidth, 'IMG ' + img.alt);
          });
          var b = document.body.dataset;
          b.textElements = String(count);
          b.smallestText = smallest.toFixed(2);
          b.smallText = small.slice(0, 12).join(' | ');
          b.viewport = String(document.documentElement.clientWidth);
          b.pageWidth = String(document.documentElement.scrollWidth);
        });
        </script>
        """;

    [ChromiumTheory]
    [InlineData(1400)]
    [InlineData(768)]
    public void No_text_on_the_page_is_displayed_smaller_than_11_px(int width)
    {
        // Given the report with the measuring script added
        var page = Path.Combine(report.Folder, $"measure-{width}.html");
        File.WriteAllText(page, File.ReadAllText(report.Html).Replace("</body>", MeasureScript + "</body>", StringComparison.Ordinal));

        // When Chromium lays it out at this width
        var dom = HeadlessChromium.DumpDom(page, width);
        Assert.True(dom.ExitCode == 0, $"chromium exited {dom.ExitCode}: {dom.Stderr}");
        var body = Regex.Match(dom.Stdout, "<body[^>]*>").Value;

        // Then it was laid out at that width, without sideways scrolling, and measured thousands of texts, none below 11 px
        Assert.Equal(width, int.Parse(Attribute(body, "viewport"), CultureInfo.InvariantCulture));
        Assert.True(int.Parse(Attribute(body, "page-width"), CultureInfo.InvariantCulture) <= width, $"the page is wider than the window: {body}");
        Assert.True(int.Parse(Attribute(body, "text-elements"), CultureInfo.InvariantCulture) > 1000, body);
        Assert.True(Attribute(body, "small-text") == "", $"text below {MinPx} px at {width} px wide: {Attribute(body, "small-text")}");
        Assert.True(double.Parse(Attribute(body, "smallest-text"), CultureInfo.InvariantCulture) >= MinPx);
    }

    [ChromiumAndPopplerFact]
    public void Printed_to_A4_the_first_page_holds_the_first_section_and_no_page_is_left_blank()
    {
        // When Chromium prints the report (the page's @page rule asks for A4)
        var pdf = Path.Combine(report.Folder, "report.pdf");
        var run = HeadlessChromium.PrintToPdf(report.Html, pdf);
        Assert.True(File.Exists(pdf), $"no PDF (exit {run.ExitCode}): {run.Stderr}");

        // Then page 1 holds the title and the start of the comparison, not the title alone
        var first = Poppler.Text(pdf, 1);
        Assert.Contains("chipsim report: base, fee-raised", first);
        Assert.Contains("Scenarios compared", first);
        Assert.Contains("First tranche shipped by the deadline", first);
        var ink = Poppler.Ink(pdf, Path.Combine(report.Folder, "page"));
        Assert.True(ink[0] > 0.02, $"page 1 is nearly empty: {ink[0]:P1} ink");

        // And every page but the last carries real content (a page with one orphaned heading would be near-white)
        Assert.Equal(Poppler.Pages(pdf), ink.Count);
        for (var p = 0; p < ink.Count - 1; p++)
            Assert.True(ink[p] > 0.005, $"page {p + 1} of {ink.Count} is nearly blank ({ink[p]:P2} ink)");

        // And it is A4 (pdfinfo names the size)
        Assert.Contains("(A4)", Poppler.Info(pdf));
    }

    internal static string Attribute(string tag, string name)
    {
        var m = Regex.Match(tag, $"data-{name}=\"([^\"]*)\"");
        Assert.True(m.Success, $"no data-{name} on {tag}");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }
}
