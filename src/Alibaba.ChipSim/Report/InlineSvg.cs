using System.Text.RegularExpressions;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// A chart's SVG made fit to inline in the page: no XML declaration, a viewBox so that CSS can scale it to the
/// column, and an accessible name. Its text stays text, so the browser (and the page test) can measure it.
/// </summary>
internal static partial class InlineSvg
{
    [GeneratedRegex(@"^\s*(<\?xml[^>]*\?>\s*)?<svg\b([^>]*?)\swidth=""(\d+(?:\.\d+)?)""\s+height=""(\d+(?:\.\d+)?)""([^>]*)>")]
    private static partial Regex Root();

    public static string Of(string svg, string label)
    {
        var m = Root().Match(svg);
        if (!m.Success) throw new ArgumentException("Not a chart SVG with a width and a height on its root element.", nameof(svg));
        var root = $"<svg{m.Groups[2].Value} viewBox=\"0 0 {m.Groups[3].Value} {m.Groups[4].Value}\" width=\"{m.Groups[3].Value}\" height=\"{m.Groups[4].Value}\"{m.Groups[5].Value} class=\"chart\" role=\"img\" aria-label=\"{HtmlReport.E(label)}\">";
        return root + svg[(m.Index + m.Length)..];
    }
}
