using System.Globalization;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Benchmarks;

/// <summary>
/// <c>lhs-se [replications] [trials] [threads]</c>: the standard error of a mean estimate under plain Monte Carlo and
/// Latin hypercube sampling, measured directly: the scenario is run <c>replications</c> times at seeds 1, 2, …
/// with <c>trials</c> trials each, and the SD of the replicated means is the SE of one run's mean.
/// </summary>
internal static class SamplingEfficiency
{
    private static readonly string[] Metrics =
        [MetricNames.CloudRevenueCnyBn, MetricNames.AiRevenueCnyBn, MetricNames.IncrementalRevenueCnyBn, MetricNames.CostCny];

    public static void Go(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        var replications = args.Length > 1 ? int.Parse(args[1], inv) : 30;
        var trials = args.Length > 2 ? int.Parse(args[2], inv) : 2000;
        var threads = args.Length > 3 ? int.Parse(args[3], inv) : 0;
        var loaded = ScenarioLoader.LoadEmbeddedBase();
        var scenario = loaded.Scenario ?? throw new InvalidOperationException(string.Join("\n", loaded.Diagnostics));
        Console.WriteLine($"scenario {scenario.Name}: {replications} replications x {trials} trials, seeds 1..{replications}");
        Console.WriteLine("metric | MC: SD of means | LHS: SD of means | SE ratio LHS/MC | variance ratio | mean sd/sqrt(n) (MC)");
        var means = new Dictionary<(SamplingMethod, string), double[]>();
        var naive = new double[Metrics.Length];
        foreach (var method in new[] { SamplingMethod.MonteCarlo, SamplingMethod.LatinHypercube })
        {
            var s = scenario with { Simulation = scenario.Simulation with { Sampling = method } };
            foreach (var m in Metrics) means[(method, m)] = new double[replications];
            for (var r = 0; r < replications; r++)
            {
                var result = SimulationEngine.Run(s, new RunOptions { Trials = trials, Seed = (ulong)(r + 1), Threads = threads });
                for (var k = 0; k < Metrics.Length; k++)
                {
                    var values = result.Column(Metrics[k])!.Values.Where(v => !double.IsNaN(v)).ToArray();
                    var mean = values.Average();
                    means[(method, Metrics[k])][r] = mean;
                    if (method == SamplingMethod.MonteCarlo)
                        naive[k] += Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1) / values.Length) / replications;
                }
            }
        }
        for (var k = 0; k < Metrics.Length; k++)
        {
            var mc = Sd(means[(SamplingMethod.MonteCarlo, Metrics[k])]);
            var lhs = Sd(means[(SamplingMethod.LatinHypercube, Metrics[k])]);
            Console.WriteLine(string.Create(inv, $"{Metrics[k]} | {mc:G4} | {lhs:G4} | {lhs / mc:0.000} | {lhs * lhs / (mc * mc):0.000} | {naive[k]:G4}"));
        }
    }

    private static double Sd(double[] x)
    {
        var mean = x.Average();
        return Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
    }
}
