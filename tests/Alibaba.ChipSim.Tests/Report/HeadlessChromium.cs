using System.Diagnostics;

namespace Alibaba.ChipSim.Tests.Report;

/// <summary>Runs /usr/bin/chromium headless on a local file: dumps the DOM after load, or takes a screenshot.</summary>
internal static class HeadlessChromium
{
    public const string Path = "/usr/bin/chromium";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public sealed record Output(int ExitCode, string Stdout, string Stderr);

    public static Output DumpDom(string htmlFile, int width = 1400) =>
        Run(htmlFile, width, "--dump-dom", "--virtual-time-budget=10000", "--hide-scrollbars");

    public static Output Screenshot(string htmlFile, string pngFile, int width = 1400, int height = 4000) =>
        Run(htmlFile, width, height, $"--screenshot={pngFile}", "--hide-scrollbars");

    /// <summary>Prints the page as Chromium's print dialog would (the page's @page rule sets A4), without header or footer.</summary>
    public static Output PrintToPdf(string htmlFile, string pdfFile) =>
        Run(htmlFile, 1400, $"--print-to-pdf={pdfFile}", "--no-pdf-header-footer", "--virtual-time-budget=10000");

    private static Output Run(string htmlFile, int width, params string[] extra) => Run(htmlFile, width, 4000, extra);

    private static Output Run(string htmlFile, int width, int height, params string[] extra)
    {
        var profile = Directory.CreateTempSubdirectory("chipsim-chromium-");
        try
        {
            var start = new ProcessStartInfo(Path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                         "--enable-logging=stderr", "--v=0", $"--user-data-dir={profile.FullName}", $"--window-size={width},{height}",
                     })
                start.ArgumentList.Add(a);
            foreach (var a in extra) start.ArgumentList.Add(a);
            start.ArgumentList.Add(new Uri(System.IO.Path.GetFullPath(htmlFile)).AbsoluteUri);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish within {Timeout.TotalSeconds} s");
            }
            return new Output(process.ExitCode, stdout.Result, stderr.Result);
        }
        finally
        {
            try { profile.Delete(recursive: true); }
            catch (IOException) { /* chromium may still hold a lock file for a moment; the temp folder is harmless */ }
        }
    }
}
