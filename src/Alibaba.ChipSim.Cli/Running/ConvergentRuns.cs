using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics.Convergence;

namespace Alibaba.ChipSim.Cli.Running;

/// <summary><c>run --until-se</c>: each scenario in turn runs batches until its own standard error meets the target.</summary>
internal static class ConvergentRuns
{
    public const int DefaultBatchTrials = 10_000;
    public const long DefaultMaxTrials = 1_000_000;

    /// <summary>Null (with a message on <paramref name="errors"/>) when the metric is not a per-trial metric of every scenario.</summary>
    public static (List<SimulationResult> Results, List<ConvergenceTrace> Traces)? RunAll(IReadOnlyList<Scenario> scenarios, SeTarget target,
        RunOptions options, int batchTrials, long maxTrials, TextWriter errors)
    {
        foreach (var s in scenarios)
        {
            var metrics = ConvergenceRunner.MetricsOf(s, options);
            if (metrics.Contains(target.Metric)) continue;
            errors.WriteLine($"run: --until-se: '{target.Metric}' is not a per-trial metric of scenario '{s.Name}'; use one of: {string.Join(", ", metrics)}");
            return null;
        }
        var results = new List<SimulationResult>(scenarios.Count);
        var traces = new List<ConvergenceTrace>(scenarios.Count);
        foreach (var s in scenarios)
        {
            var (result, trace) = ConvergenceRunner.Run(s, target, options, batchTrials, maxTrials);
            results.Add(result);
            traces.Add(trace);
        }
        return (results, traces);
    }
}
