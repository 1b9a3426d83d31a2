using System.Text;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// Writes <c>report.html</c> and every chart as PNG and SVG into a folder, atomically: everything is written into
/// a staging folder named with this process's id first, then moved into place (into an existing folder, the files
/// replaced are set aside first and put back if a move fails), so a failure or a cancellation never leaves a
/// half-written report, nor the staging folder. Staging folders of processes that no longer run are removed.
/// </summary>
public static class ReportFiles
{
    public const string HtmlFileName = "report.html";

    private const string InsidePrefix = ".report-partial-";
    private const string BesidePrefix = ".partial-";

    /// <summary>Writes the report; returns the paths written, <c>report.html</c> first.</summary>
    public static IReadOnlyList<string> Write(ReportDocument report, string directory, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(directory);
        var parent = Path.GetDirectoryName(target.TrimEnd(Path.DirectorySeparatorChar)) ?? target;
        Directory.CreateDirectory(parent);
        var exists = Directory.Exists(target);
        RemoveStaleStaging(parent, Path.GetFileName(target.TrimEnd(Path.DirectorySeparatorChar)) + BesidePrefix);
        if (exists) RemoveStaleStaging(target, InsidePrefix);
        // A new folder is staged beside its final place and renamed whole; an existing one (which may hold other
        // output, e.g. a run's CSV) gets a staging folder inside it, and each file is moved over its old version.
        var staging = exists
            ? Path.Combine(target, InsidePrefix + Environment.ProcessId)
            : target + BesidePrefix + Environment.ProcessId;
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        var names = new List<string>();
        var setAside = new List<(string Original, string Backup)>();
        var moved = new List<string>();
        try
        {
            File.WriteAllText(Path.Combine(staging, HtmlFileName), report.Html, new UTF8Encoding(false));
            names.Add(HtmlFileName);
            foreach (var chart in report.Charts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                File.WriteAllBytes(Path.Combine(staging, chart.FileStem + ".png"), chart.Png);
                File.WriteAllText(Path.Combine(staging, chart.FileStem + ".svg"), chart.Svg, new UTF8Encoding(false));
                names.Add(chart.FileStem + ".png");
                names.Add(chart.FileStem + ".svg");
            }
            cancellationToken.ThrowIfCancellationRequested();
            if (exists)
            {
                foreach (var name in names)
                {
                    var original = Path.Combine(target, name);
                    if (!File.Exists(original)) continue;
                    var backup = Path.Combine(staging, name + ".old");
                    File.Move(original, backup);
                    setAside.Add((original, backup));
                }
                foreach (var name in names)
                {
                    File.Move(Path.Combine(staging, name), Path.Combine(target, name));
                    moved.Add(Path.Combine(target, name));
                }
                Directory.Delete(staging, recursive: true);
            }
            else
            {
                Directory.Move(staging, target);
            }
        }
        catch
        {
            foreach (var path in moved) TryRun(() => File.Delete(path));
            foreach (var (original, backup) in setAside) TryRun(() => File.Move(backup, original, overwrite: true));
            TryRun(() =>
            {
                if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            });
            throw;
        }
        return names.Select(n => Path.Combine(target, n)).ToList();
    }

    /// <summary>Removes <c>PREFIX&lt;pid&gt;</c> folders in <paramref name="folder"/> whose process is gone.</summary>
    private static void RemoveStaleStaging(string folder, string prefix)
    {
        if (!Directory.Exists(folder)) return;
        string[] candidates;
        try
        {
            candidates = Directory.GetDirectories(folder, prefix + "*");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var dir in candidates)
        {
            var suffix = Path.GetFileName(dir)[prefix.Length..];
            if (!int.TryParse(suffix, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)) continue;
            if (pid == Environment.ProcessId || IsAlive(pid)) continue;
            TryRun(() => Directory.Delete(dir, recursive: true));
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryRun(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original error is the one worth reporting.
        }
    }
}
