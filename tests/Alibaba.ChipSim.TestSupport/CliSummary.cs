using System.Diagnostics;

namespace Alibaba.ChipSim.Tests.Support;

/// <summary>
/// Runs the CLI built beside the tests (<c>chipsim.dll</c>) as its own process, for what only a fresh process shows
/// (environment variables read once, files kept between processes), and returns the <c>summary.json</c> it wrote.
/// </summary>
public static class CliSummary
{
    /// <summary>
    /// <c>chipsim run base.yaml --trials N --seed S --quiet --out folder --format json</c> plus <paramref name="extra"/>,
    /// with <paramref name="environment"/> set; asserts it exits 0 (its standard error as the message).
    /// </summary>
    public static byte[] Run(string folder, int trials, ulong seed, IReadOnlyDictionary<string, string>? environment = null, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "chipsim.dll"));
        foreach (var a in new[] { "run", Path.Combine(RepoRoot.Scenarios, "base.yaml"), "--trials", trials.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--quiet", "--out", folder, "--format", "json" }.Concat(extra))
            start.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr.Result);
        return File.ReadAllBytes(Path.Combine(folder, "summary.json"));
    }
}
