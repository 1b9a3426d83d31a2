using System.Diagnostics;

namespace Alibaba.ChipSim.Tests.Cli;

/// <summary>
/// A fact that is skipped, with a message saying why, when <c>sbatch</c> is not on PATH or no Slurm node is up
/// (<c>.ci/slurm-up</c> installs and starts a single-node cluster).
/// </summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (Slurm.Find("sbatch") is null)
            Skip = "sbatch is not on PATH: run .ci/slurm-up (as root; it installs Debian's slurm-wlm and munge and starts a one-node cluster) to run the Slurm test.";
        else if (Slurm.NodeStates() is var states && !states.Split('\n').Any(s => s.Trim() is "idle" or "mixed" or "allocated" or "completing"))
            Skip = $"Slurm is installed but no node is up (sinfo: '{states.Trim()}'): run .ci/slurm-up to start the one-node cluster.";
    }
}

/// <summary>Finding Slurm's commands and running them with a time limit.</summary>
internal static class Slurm
{
    public static string? Find(string command)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length == 0) continue;
            var path = Path.Combine(dir, command);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    /// <summary>The state of each node (<c>sinfo -h -o %T</c>), or the error when sinfo fails or hangs.</summary>
    public static string NodeStates()
    {
        var (code, output, error) = Run("sinfo", ["-h", "-o", "%T"], Environment.CurrentDirectory, TimeSpan.FromSeconds(15));
        return code == 0 ? output : $"exit {code}: {error.Trim()}";
    }

    public static (int Code, string Output, string Error) Run(string command, IEnumerable<string> args, string directory, TimeSpan limit)
    {
        var start = new ProcessStartInfo(command)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            return (-1, output.Result, $"{command} did not finish within {limit.TotalSeconds} s; " + error.Result);
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
