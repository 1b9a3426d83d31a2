using System.Text;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// Writes <c>report.html</c> and every chart as PNG and SVG into a folder, atomically: everything is written into
/// a temporary folder first, then moved into place, so a failure never leaves a half-written report.
/// </summary>
public static class ReportFiles
{
    public const string HtmlFileName = "report.html";

    /// <summary>Writes the report; returns the paths written, <c>report.html</c> first.</summary>
    public static IReadOnlyList<string> Write(ReportDocument report, string directory)
    {
        var target = Path.GetFullPath(directory);
        var parent = Path.GetDirectoryName(target.TrimEnd(Path.DirectorySeparatorChar)) ?? target;
        Directory.CreateDirectory(parent);
        var exists = Directory.Exists(target);
        // A new folder is staged beside its final place and renamed whole; an existing one (which may hold other
        // output, e.g. a run's CSV) gets a staging folder inside it, and each file is moved over its old version.
        var staging = exists
            ? Path.Combine(target, $".report-partial-{Environment.ProcessId}")
            : target + $".partial-{Environment.ProcessId}";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        var names = new List<string>();
        try
        {
            File.WriteAllText(Path.Combine(staging, HtmlFileName), report.Html, new UTF8Encoding(false));
            names.Add(HtmlFileName);
            foreach (var chart in report.Charts)
            {
                File.WriteAllBytes(Path.Combine(staging, chart.FileStem + ".png"), chart.Png);
                File.WriteAllText(Path.Combine(staging, chart.FileStem + ".svg"), chart.Svg, new UTF8Encoding(false));
                names.Add(chart.FileStem + ".png");
                names.Add(chart.FileStem + ".svg");
            }
            if (exists)
            {
                foreach (var name in names) File.Move(Path.Combine(staging, name), Path.Combine(target, name), overwrite: true);
                Directory.Delete(staging, recursive: true);
            }
            else
            {
                Directory.Move(staging, target);
            }
        }
        catch
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            throw;
        }
        return names.Select(n => Path.Combine(target, n)).ToList();
    }
}
