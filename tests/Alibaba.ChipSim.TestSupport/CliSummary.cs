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

    /// <summary>
    /// <c>chipsim ARGS</c> in <paramref name="workingDirectory"/> (null: the test's), with its standard output sent to the file
    /// <paramref name="standardOutput"/> (e.g. <c>/dev/full</c>) by <c>/bin/sh</c>, or, when null, to a pipe that is closed
    /// before the CLI writes (a reader that went away); returns its exit code and standard error.
    /// </summary>
    public static (int Exit, string Error) Exec(string? standardOutput, string? workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(standardOutput is null ? "exec dotnet \"$@\"" : "exec dotnet \"$@\" > \"$CHIPSIM_TEST_STDOUT\"");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "chipsim.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        if (standardOutput is not null) start.Environment["CHIPSIM_TEST_STDOUT"] = standardOutput;
        using var process = Process.Start(start)!;
        if (standardOutput is null) process.StandardOutput.Close(); // the only read end: every later write is a broken pipe
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardOutput is not null) process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stderr.Result);
    }
}
