using System.Diagnostics;

namespace Alibaba.ChipSim.Tests.Examples;

/// <summary>The interpreters the example scripts need, found once: /usr/bin/python3 with pandas, and Rscript.</summary>
internal static class ExampleInterpreters
{
    public const string Python = "/usr/bin/python3";

    public static readonly Lazy<bool> PythonWithPandas = new(() => File.Exists(Python) && Run(Python, ["-c", "import pandas"], TimeSpan.FromMinutes(1)).Exit == 0);

    public static readonly Lazy<string?> Rscript = new(() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "Rscript")).FirstOrDefault(File.Exists));

    /// <summary>Runs a process to its end (the time limit only stops a hung interpreter; it is not a speed test).</summary>
    public static (int Exit, string Output) Run(string file, IEnumerable<string> args, TimeSpan limit)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

public sealed class PythonPandasFactAttribute : FactAttribute
{
    public PythonPandasFactAttribute()
    {
        if (!ExampleInterpreters.PythonWithPandas.Value)
            Skip = "/usr/bin/python3 with pandas not found: install Debian's 'python3-pandas' to run this test.";
    }
}

public sealed class RscriptFactAttribute : FactAttribute
{
    public RscriptFactAttribute()
    {
        if (ExampleInterpreters.Rscript.Value is null)
            Skip = "Rscript not found: install Debian's 'r-base-core' to run this test.";
    }
}
