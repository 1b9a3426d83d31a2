using Alibaba.ChipSim.Output;
using System.Globalization;
using System.Net;
using System.Text;

namespace Alibaba.ChipSim.Report;

/// <summary>Assembles the self-contained page: every chart inlined as SVG, every diagram as SVG or text, no external resource.</summary>
internal sealed class HtmlReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly StringBuilder _html = new();

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public HtmlReport Begin(string title, DateTimeOffset generatedAt)
    {
        _html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n")
            .Append("<script>\n").Append(HtmlPage.CheckScript).Append("</script>\n")
            .Append("<style>\n").Append(HtmlPage.Css).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(E(title)).Append("</h1>\n")
            .Append("<p class=\"lead\">Generated ").Append(E(generatedAt.ToString("yyyy-MM-dd HH:mm 'UTC'zzz", Invariant)))
            .Append(" by ").Append(E(EngineInfo.Name))
            .Append(". Monte Carlo distributions of H200 deliveries to China and Alibaba's cloud revenue; every figure is a share or percentile of the simulated trials.</p>\n");
        return this;
    }

    public HtmlReport Raw(string html)
    {
        _html.Append(html);
        return this;
    }

    public HtmlReport Heading(int level, string text, string? id = null)
    {
        _html.Append("<h").Append(level);
        if (id is not null) _html.Append(" id=\"").Append(E(id)).Append('"');
        _html.Append('>').Append(E(text)).Append("</h").Append(level).Append(">\n");
        return this;
    }

    public HtmlReport Paragraph(string text)
    {
        _html.Append("<p>").Append(E(text)).Append("</p>\n");
        return this;
    }

    public HtmlReport Figure(ReportChart chart)
    {
        _html.Append("<figure id=\"fig-").Append(E(chart.FileStem)).Append("\" data-chart=\"").Append(E(chart.FileStem)).Append("\">\n")
            .Append(InlineSvg.Of(chart.Svg, chart.Title)).Append('\n')
            .Append("<figcaption>").Append(E(chart.Caption))
            .Append(" Files: <code>").Append(E(chart.FileStem)).Append(".png</code>, <code>")
            .Append(E(chart.FileStem)).Append(".svg</code>.</figcaption>\n</figure>\n");
        return this;
    }

    /// <summary>A paragraph standing in for a chart that would show nothing (a metric with no spread).</summary>
    public HtmlReport Note(string text)
    {
        _html.Append("<p class=\"note\">").Append(E(text)).Append("</p>\n");
        return this;
    }

    public HtmlReport Diagram(ActorDiagram diagram)
    {
        _html.Append("<figure>\n");
        if (diagram.Format == DiagramFormat.Svg)
            // Graphviz writes 14-point labels; data-min-font lets a test check them as displayed.
            _html.Append("<div class=\"diagram-box\"><img alt=\"").Append(E(diagram.Actor + " state diagram")).Append("\" class=\"diagram\" data-min-font=\"14\" src=\"data:image/svg+xml;base64,")
                .Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(diagram.Content))).Append("\"></div>\n");
        else
            _html.Append("<pre class=\"diagram\">").Append(E(diagram.Content)).Append("</pre>\n");
        _html.Append("<figcaption>").Append(E(diagram.Actor)).Append(": ").Append(E(diagram.Source)).Append("</figcaption>\n</figure>\n");
        return this;
    }

    public HtmlReport Provenance(ReportProvenance p)
    {
        _html.Append("<dl class=\"provenance\">\n");
        Item("Scenario", p.ScenarioName);
        Item("Scenario SHA-256", string.IsNullOrEmpty(p.ScenarioSha256) ? "(built in code: no file)" : p.ScenarioSha256);
        Item("Seed", p.Seed.ToString(Invariant));
        Item("Trials", p.Trials.ToString("#,0", Invariant));
        Item("Engine", p.Engine);
        Item("Date", p.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'zzz", Invariant));
        if (p.ScenarioFile is not null) Item("Scenario file", p.ScenarioFile);
        Item("Reproduce", $"chipsim run {ShellQuote.Word(p.ScenarioFile ?? p.ScenarioName + ".yaml")} --seed {p.Seed.ToString(Invariant)} --trials {p.Trials.ToString(Invariant)}");
        _html.Append("</dl>\n");
        return this;

        void Item(string term, string value) =>
            _html.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");
    }

    public HtmlReport Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, int unitColumn = -1, int textColumns = 1)
    {
        _html.Append("<table>\n<thead><tr>");
        for (var i = 0; i < header.Count; i++)
            _html.Append(i < textColumns || i == unitColumn ? "<th class=\"text\">" : "<th>").Append(E(header[i])).Append("</th>");
        _html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            _html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
                _html.Append(i == unitColumn ? "<td class=\"unit\">" : i < textColumns ? "<td class=\"text\">" : "<td>")
                    .Append(E(row[i])).Append("</td>");
            _html.Append("</tr>\n");
        }
        _html.Append("</tbody>\n</table>\n");
        return this;
    }

    public string End()
    {
        _html.Append("</body>\n</html>\n");
        return _html.ToString();
    }
}
