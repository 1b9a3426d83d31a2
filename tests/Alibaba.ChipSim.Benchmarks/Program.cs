using System.Diagnostics;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Tests.Support;
using BenchmarkDotNet.Running;

// `lhs-se [replications] [trials] [threads]`: SD of the mean across seeds, plain Monte Carlo against Latin hypercube.
if (args.Length > 0 && args[0] == "tables")
{
    for (var k = 0; k < 6; k++)
    {
        var sw = Stopwatch.StartNew();
        Alibaba.ChipSim.Distributions.QuantileTable.ForBeta(2 + k * 0.37, 3.1 + k * 0.21);
        Console.WriteLine($"table {k}: {sw.Elapsed.TotalMilliseconds:F1} ms");
    }
    return;
}
if (args.Length > 0 && args[0] == "consume") { Alibaba.ChipSim.Benchmarks.ConsumeOnly.Go(int.Parse(args[1]), args[2] == "binary"); return; }
if (args.Length > 0 && args[0] == "window") { Alibaba.ChipSim.Benchmarks.WindowCost.Go(); return; }
if (args.Length > 0 && args[0] == "statistics") { Alibaba.ChipSim.Benchmarks.StatisticsCost.Go(args.Length > 1 ? int.Parse(args[1]) : 1_000_000); return; }
if (args.Length > 0 && args[0] == "lhs-se") { Alibaba.ChipSim.Benchmarks.SamplingEfficiency.Go(args); return; }
// Developer modes for profiling sessions (e.g. under `perf record`), without BenchmarkDotNet's harness:
// `profile`: the cost per trial of each part of the trial loop; `quick [trials] [threads]`: three timed runs.
if (args.Length > 0 && args[0] == "profile")
{
    Alibaba.ChipSim.Benchmarks.Profile.Go();
    return;
}
if (args.Length > 1 && args[0] == "breakdown")
{
    Alibaba.ChipSim.Benchmarks.Breakdown.Go(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
    return;
}
if (args.Length > 0 && args[0] == "quick")
{
    var trials = args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
    var threads = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1;
    var scenario = TestScenarios.SpecExample();
    SimulationEngine.Run(scenario, new RunOptions { Trials = 50_000, Seed = 1, Threads = threads });
    for (var rep = 0; rep < 3; rep++)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        SimulationEngine.Run(scenario, new RunOptions { Trials = trials, Seed = 20251223, Threads = threads });
        sw.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"{trials} trials, {threads} threads: {sw.Elapsed.TotalSeconds:F3} s, {trials / sw.Elapsed.TotalSeconds:N0} trials/s; CPU {cpu.TotalSeconds:F3} s = {trials / cpu.TotalSeconds:N0} trials per CPU-second");
    }
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Alibaba.ChipSim.Benchmarks.DistributionBenchmarks).Assembly).Run(args);
