using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Alibaba.ChipSim.Cli.Running;
using Alibaba.ChipSim.Runs;
using Alibaba.ChipSim.Scenarios;
using Spectre.Console;

namespace Alibaba.ChipSim.Cli.Commands;

/// <summary>
/// <c>chipsim bench [SCENARIO.yaml]</c>: times whole engine runs and their statistics (trials/s) for each trial count and
/// thread count, with the memory they take, and prints the machine it ran on.
/// </summary>
internal static class BenchCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Build()
    {
        var scenario = new Argument<string?>("scenario") { Description = "Scenario YAML file (default: the embedded base scenario).", Arity = ArgumentArity.ZeroOrOne };
        OptionChecks.NoOptions(scenario);
        var trials = new Option<long[]>("--trials") { Description = "Trial counts (repeatable; default 100000 1000000).", AllowMultipleArgumentsPerToken = true };
        OptionChecks.Range(trials, TrialLimits.Min, TrialLimits.Max);
        var threads = new Option<int[]>("--threads") { Description = "Thread counts (repeatable; default 1 2).", AllowMultipleArgumentsPerToken = true };
        OptionChecks.Range(threads, 1, 1024);
        var repeat = new Option<int>("--repeat") { Description = "Runs per configuration; the fastest is reported (default 3).", DefaultValueFactory = _ => 3 };
        OptionChecks.Range(repeat, 1, 1000);
        var seed = new Option<ulong>("--seed") { Description = "Random seed (default 1).", DefaultValueFactory = _ => 1 };
        var wholeProcess = new Option<bool>("--whole-process")
        {
            Description = "Time whole `chipsim run --quiet` processes instead (start-up included): wall and CPU time, peak RSS and page faults of each, the median of --repeat runs.",
        };

        var allowOutside = ScenarioInput.AllowExtendsOutsideOption();
        var command = new Command("bench", "Measure simulation and statistics speed (trials/s) and memory for several trial and thread counts.")
        {
            scenario, trials, threads, repeat, seed, allowOutside, wholeProcess,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(scenario);
            var loaded = ScenarioInput.Load(path, Console.Error, allowExtendsOutside: parse.GetValue(allowOutside));
            if (loaded is null) return ExitCode.InvalidInput;
            var trialCounts = parse.GetValue(trials) is { Length: > 0 } t ? t : [100_000, 1_000_000];
            var threadCounts = parse.GetValue(threads) is { Length: > 0 } h ? h : [1, 2];
            // Redirected output has no window width; Spectre would assume 80 columns and wrap every label.
            if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 120;
            if (parse.GetValue(wholeProcess))
                return WholeProcessBench.Execute(path, trialCounts, threadCounts, parse.GetValue(repeat), parse.GetValue(seed), AnsiConsole.Console, Console.Error);
            try
            {
                Execute(loaded, trialCounts, threadCounts, parse.GetValue(repeat), parse.GetValue(seed), AnsiConsole.Console);
            }
            catch (Engine.NoTrialMatchedException e)
            {
                return NoTrialMatched.Report("bench", e, Console.Error);
            }
            catch (OutOfMemoryException)
            {
                // As in run: every trial keeps ~60 numbers (about 0.5 GB per million trials for base.yaml).
                Console.Error.WriteLine("bench: not enough memory for the per-trial columns of this many trials; bench fewer trials (--trials)");
                return ExitCode.Failure;
            }
            return ExitCode.Ok;
        });
        return command;
    }

    public static void Execute(Scenario scenario, long[] trialCounts, int[] threadCounts, int repeat, ulong seed, IAnsiConsole console)
    {
        console.MarkupLine($"[bold]chipsim bench[/]: scenario [bold]{Markup.Escape(scenario.Name)}[/], {scenario.Calendar.Months} months, {scenario.Actors.Length} actors, seed {seed}");
        console.MarkupLine(Markup.Escape($"{EngineInfo.Name}, .NET {Environment.Version} ({Compilation()}), {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical CPUs, {VectorWidth()}, load average at start {LoadAverage()}"));

        // Warm-up: JIT tiering (tier-1 code with PGO) before anything is timed; small, so the timed runs still touch fresh memory.
        var warmUp = new RunRequest { Threads = threadCounts.Max() };
        for (var i = 0; i < 3; i++) RunPipeline.Summarise(RunPipeline.Simulate(scenario, 20_000, seed, warmUp.Threads), warmUp);

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("Trials").RightAligned());
        table.AddColumn(new TableColumn("Threads").RightAligned());
        table.AddColumn(new TableColumn("Sim best (s)").RightAligned());
        table.AddColumn(new TableColumn("Sim+stats best (s)").RightAligned());
        table.AddColumn(new TableColumn("Trials/s").RightAligned());
        table.AddColumn(new TableColumn("Sim+stats first run (s)").RightAligned());
        table.AddColumn(new TableColumn("Trials/s first run").RightAligned());
        table.AddColumn(new TableColumn("Trials per CPU-s").RightAligned());
        table.AddColumn(new TableColumn("Allocated (MB)").RightAligned());
        table.AddColumn(new TableColumn("Peak working set (MB)").RightAligned());
        foreach (var trials in trialCounts.Order())
            foreach (var threads in threadCounts.Order())
            {
                var best = Timing.Worst;
                var first = Timing.Worst;
                for (var r = 0; r < repeat; r++)
                {
                    var timing = Timing.Measure(scenario, trials, threads, seed);
                    if (r == 0) first = timing;
                    if (timing.Total < best.Total) best = timing;
                }
                using var process = Process.GetCurrentProcess();
                table.AddRow(trials.ToString("N0", Inv), threads.ToString(Inv),
                    best.Simulation.ToString("0.000", Inv), best.Total.ToString("0.000", Inv), (trials / best.Total).ToString("N0", Inv),
                    first.Total.ToString("0.000", Inv), (trials / first.Total).ToString("N0", Inv),
                    best.CpuSeconds > 0 ? (trials / best.CpuSeconds).ToString("N0", Inv) : "–", (best.Allocated / 1048576.0).ToString("N0", Inv),
                    (process.PeakWorkingSet64 / 1048576.0).ToString("N0", Inv));
            }
        console.Write(table);
        console.MarkupLine(Markup.Escape($"Load average at the end {LoadAverage()}. Sim: the pipeline's simulation stage (RunPipeline.Simulate: the per-trial columns). Sim+stats: then its statistics stage (RunPipeline.Summarise) on the same threads (every statistic of summary.json; no files), which Trials/s and Trials per CPU-s refer to. Best: the fastest of --repeat runs; first run: the first of them, which also pays for touching fresh memory (in a fresh process with one configuration and --repeat 1 it is the cost of a `chipsim run`, start-up excepted). Trials per CPU-s: trials over the process's CPU time in that run (less sensitive to other load than trials/s). Allocated: managed bytes allocated by one run (mostly the per-trial columns). Peak working set: the process so far (configurations run in ascending order of trials)."));
    }

    /// <summary>One timed run: simulation, then statistics.</summary>
    private readonly record struct Timing(double Simulation, double Total, double CpuSeconds, long Allocated)
    {
        public static readonly Timing Worst = new(double.PositiveInfinity, double.PositiveInfinity, 0, 0);

        public static Timing Measure(Scenario scenario, long trials, int threads, ulong seed)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            using var self = Process.GetCurrentProcess();
            var cpu = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var result = RunPipeline.Simulate(scenario, trials, seed, threads);
            var simulation = clock.Elapsed.TotalSeconds;
            var summary = RunPipeline.Summarise(result, new RunRequest { Threads = threads });
            clock.Stop();
            self.Refresh();
            var cpuSeconds = (self.TotalProcessorTime - cpu).TotalSeconds;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            GC.KeepAlive(summary);
            return new Timing(simulation, clock.Elapsed.TotalSeconds, cpuSeconds, allocated);
        }
    }

    /// <summary>The 1/5/15-minute load averages on Linux (other helpers' work skews timings); "n/a" elsewhere.</summary>

    /// <summary>
    /// The vectors the eight-lane paths run on here (docs/performance.md, "Vector width"): figures from hosts with and
    /// without AVX-512 differ by more than most changes do, so the header says which this was.
    /// </summary>
    internal static string VectorWidth() =>
        System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? "512-bit vectors"
        : System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? (Compiled ? "256-bit vectors (no AVX-512)" : "256-bit vectors (as compiled)")
        : "no vector instructions";

    /// <summary>Whether this process compiles code as it runs (the JIT), rather than being the Native AOT executable.</summary>
    private static bool Compiled => Rendering.WarmUp.Useful;

    /// <summary>
    /// How this process's code was compiled: by the JIT (with the ReadyToRun images for start-up when published), or
    /// ahead of time as a whole (Native AOT, for the instruction set it was published for: docs/performance.md, "Native AOT").
    /// </summary>
    internal static string Compilation() => Compiled ? "JIT" : "Native AOT";
    private static string LoadAverage()
    {
        try
        {
            if (!File.Exists("/proc/loadavg")) return "n/a";
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(" ", parts.Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
