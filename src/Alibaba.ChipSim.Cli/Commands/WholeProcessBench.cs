using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Alibaba.ChipSim.Runs;
using Spectre.Console;

namespace Alibaba.ChipSim.Cli.Commands;

/// <summary>
/// <c>chipsim bench --whole-process</c>: starts <c>chipsim run SCENARIO --trials N --threads T --quiet</c> as a child process
/// (this very executable), for each configuration in turn, and reports what the operating system accounted for it:
/// wall time from start to exit, user + system CPU time, peak resident memory and minor page faults (Linux
/// <c>getrusage(RUSAGE_CHILDREN)</c> before and after each child). Start-up, simulation and statistics are all included.
/// </summary>
internal static class WholeProcessBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Execute(string? scenarioPath, long[] trialCounts, int[] threadCounts, int repeat, ulong seed, IAnsiConsole console, TextWriter errors)
    {
        if (!OperatingSystem.IsLinux())
        {
            errors.WriteLine("bench: --whole-process reads the kernel's accounting of child processes (getrusage, /proc), which is Linux only");
            return ExitCode.Failure;
        }
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var heading in new[] { "Trials", "Threads", "Columns", "Wall (s)", "CPU (s)", "Trials/s", "Trials per CPU-s", "CPU-s per million trials", "Peak RSS (MB)", "Page faults" })
            table.AddColumn(new TableColumn(heading).RightAligned());
        foreach (var trials in trialCounts.Order())
            foreach (var threads in threadCounts.Order())
            {
                var runs = new List<Usage>();
                for (var r = 0; r < repeat; r++)
                {
                    try
                    {
                        runs.Add(Run(scenarioPath, trials, threads, seed));
                    }
                    catch (ChildRunFailed e)
                    {
                        // E.g. a scenario conditioned on a history no trial matched: the child said why (in its own, escaped words).
                        errors.WriteLine($"bench: {e.Message}");
                        return ExitCode.Failure;
                    }
                }
                var m = Median(runs);
                table.AddRow(trials.ToString("N0", Inv), threads.ToString(Inv),
                    trials > RunRequest.DefaultColumnTrialsLimit ? "streamed" : "kept",
                    m.Wall.ToString("0.000", Inv), m.Cpu.ToString("0.000", Inv), (trials / m.Wall).ToString("N0", Inv),
                    (trials / m.Cpu).ToString("N0", Inv), (m.Cpu / trials * 1e6).ToString("0.00", Inv), (m.PeakKb / 1024.0).ToString("N0", Inv), m.MinorFaults.ToString("N0", Inv));
            }
        console.Write(table);
        console.MarkupLine(Markup.Escape($"Load average at the end {LoadAverage()}. Whole process: `chipsim run {scenarioPath ?? "(embedded base)"} --trials N --threads T --seed {seed} --quiet`, the median of {repeat} run(s) (by wall time) of each; start-up, simulation and statistics included, no files written, so only the table's columns are kept and summarised (docs/running-big.md, \"A run that prints only the table\"). Columns: kept (one pass, per-trial columns in memory) or streamed (above {RunRequest.DefaultColumnTrialsLimit:N0} trials: each value seen once in chunks, or over about four passes for a run conditioned on history, bounded memory; docs/running-big.md). CPU: user + system; CPU-s per million trials shows how the cost scales with the trial count. Peak RSS: the child's high-water mark (VmHWM, read every 10 ms until it exits); page faults: minor faults, the kernel's accounting of the child."));
        return ExitCode.Ok;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    /// <summary>The process's peak resident set so far in kB (VmHWM), or 0 once it has gone.</summary>
    private static long HighWaterKb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid.ToString(Inv)}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], Inv);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return 0;
    }

    private static Usage Run(string? scenarioPath, long trials, int threads, ulong seed)
    {
        // This very CLI: the running executable when it is chipsim itself (an apphost, or the CLI compiled ahead of time,
        // which has no assembly file), else its apphost beside the assembly, or else `dotnet chipsim.dll` (whatever
        // process hosts the bench, e.g. a test).
        var self = Environment.ProcessPath;
        var assembly = AppContext.BaseDirectory is { Length: > 0 } folder ? Path.Combine(folder, "chipsim.dll") : "chipsim.dll";
        var apphost = self is not null && Path.GetFileNameWithoutExtension(self) == "chipsim" ? self : Path.ChangeExtension(assembly, null);
        var start = new ProcessStartInfo(File.Exists(apphost) ? apphost : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (!File.Exists(apphost)) start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("run");
        if (scenarioPath is not null) start.ArgumentList.Add(scenarioPath);
        foreach (var a in new[] { "--trials", trials.ToString(Inv), "--threads", threads.ToString(Inv), "--seed", seed.ToString(Inv), "--quiet" })
            start.ArgumentList.Add(a);

        var before = Children();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start chipsim run");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        // The children's rusage keeps the largest child's peak ever (ru_maxrss), so a small run after a big one would show the
        // big one's: the child's own high-water mark is read instead while it runs.
        long peakKb = 0;
        while (!process.WaitForExit(10)) peakKb = Math.Max(peakKb, HighWaterKb(process.Id));
        clock.Stop();
        _ = output.Result;
        if (process.ExitCode != 0)
            throw new ChildRunFailed($"`chipsim run` exited with {process.ExitCode.ToString(Inv)}: {errors.Result.Trim()}");
        var after = Children();
        return new Usage(clock.Elapsed.TotalSeconds, after.Cpu - before.Cpu, peakKb, after.MinorFaults - before.MinorFaults);
    }

    private static Usage Median(List<Usage> runs)
    {
        runs.Sort((a, b) => a.Wall.CompareTo(b.Wall));
        return runs[runs.Count / 2];
    }

    /// <summary>Every reaped child so far: CPU seconds and minor faults summed; the peak RSS is the largest child's.</summary>
    private static Usage Children()
    {
        if (GetRusage(RusageChildren, out var u) != 0) return default;
        var cpu = u.UserSeconds + u.UserMicroseconds / 1e6 + u.SystemSeconds + u.SystemMicroseconds / 1e6;
        return new Usage(0, cpu, u.MaxRssKb, u.MinorFaults);
    }

    private readonly record struct Usage(double Wall, double Cpu, long PeakKb, long MinorFaults);

    private const int RusageChildren = -1;

    /// <summary>struct rusage on 64-bit Linux: two timevals, then 14 longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxRssKb, SharedKb, DataKb, StackKb, MinorFaults, MajorFaults, Swaps, BlocksIn, BlocksOut, MessagesSent, MessagesReceived, Signals,
            VoluntarySwitches, InvoluntarySwitches;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, out Rusage usage);

    /// <summary>A timed <c>chipsim run</c> exited with a failure; the message holds its exit code and standard error.</summary>
    private sealed class ChildRunFailed(string message) : Exception(message);
}
