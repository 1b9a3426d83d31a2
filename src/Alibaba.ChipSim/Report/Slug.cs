using System.Text;

namespace Alibaba.ChipSim.Report;

/// <summary>A file-name-safe form of a scenario or actor name: lower-case letters, digits and hyphens.</summary>
internal static class Slug
{
    public static string Of(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
            sb.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-');
        var s = sb.ToString().Trim('-');
        while (s.Contains("--", StringComparison.Ordinal)) s = s.Replace("--", "-", StringComparison.Ordinal);
        return s.Length == 0 ? "scenario" : s;
    }
}
