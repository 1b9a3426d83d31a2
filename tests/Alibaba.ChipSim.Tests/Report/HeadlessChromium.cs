using System.Diagnostics;

namespace Alibaba.ChipSim.Tests.Report;

/// <summary>Runs /usr/bin/chromium headless on a local file: dumps the DOM after load, or takes a screenshot.</summary>
internal static class HeadlessChromium
{
    public const string Path = "/usr/bin/chromium";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public sealed record Output(int ExitCode, string Stdout, string Stderr);

    public static Output DumpDom(string htmlFile) => Run(htmlFile, "--dump-dom", "--virtual-time-budget=10000");

    public static Output Screenshot(string htmlFile, string pngFile) => Run(htmlFile, $"--screenshot={pngFile}", "--hide-scrollbars");

    private static Output Run(string htmlFile, params string[] extra)
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
                         "--enable-logging=stderr", "--v=0", $"--user-data-dir={profile.FullName}", "--window-size=1400,4000",
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
