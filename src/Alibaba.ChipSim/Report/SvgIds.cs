using System.Text.RegularExpressions;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// Skia names SVG clip paths from a process-wide counter (<c>cl_3</c>, <c>cl_bd</c>…), so the same chart drawn twice
/// differs. Renumbering them in order of appearance makes every SVG depend only on what it draws; the chart's file stem as prefix keeps the ids unique
/// when several charts are inlined in one page.
/// </summary>
internal static partial class SvgIds
{
    [GeneratedRegex(@"\bcl_[0-9a-fA-F]+\b")]
    private static partial Regex ClipId();

    public static string Normalize(string svg, string prefix)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(svg, m =>
        {
            if (!ids.TryGetValue(m.Value, out var renamed))
            {
                renamed = prefix + "-clip" + ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                ids.Add(m.Value, renamed);
            }
            return renamed;
        });
    }
}
