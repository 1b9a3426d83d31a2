using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Statistics.Convergence;

/// <summary>
/// <c>run --until-se</c>: batches of <c>batchTrials</c> trials (indices continuing, sampling blocks of the batch
/// size) until the metric's standard error meets the target or <c>maxTrials</c> is reached; then the whole run is
/// made once more over the trials used, which gives exactly the union of the batches (blocks of the same size).
/// </summary>
public static class ConvergenceRunner
{
    /// <summary>The per-trial metrics a <c>--until-se</c> target may name (the numeric columns of a run of the scenario).</summary>
    public static IReadOnlyList<string> MetricsOf(Scenario scenario, RunOptions options) =>
        // Without its history: one trial might have weight 0, and the names do not depend on it.
        SimulationEngine.Run(scenario with { History = null }, options with { Trials = 1, FirstTrial = 0, Progress = null }).Numeric.Select(c => c.Name).ToList();

    /// <param name="options">Seed, threads and cancellation; its trial count and first trial are ignored.</param>
    /// <exception cref="ArgumentException">When the scenario has no numeric metric named by <paramref name="target"/>.</exception>
    public static (SimulationResult Result, ConvergenceTrace Trace) Run(Scenario scenario, SeTarget target, RunOptions options,
        int batchTrials, long maxTrials)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        SimulationResult Batch(long first, int count)
        {
            var batch = SimulationEngine.Run(scenario, options with { Trials = count, FirstTrial = first, SamplingBlockTrials = batchTrials, Progress = null });
            return batch.Column(target.Metric) is null
                ? throw new ArgumentException($"no per-trial metric '{target.Metric}' in this run", nameof(target))
                : batch;
        }
        // A run conditioned on history stops on the weighted (ess-based) se.
        var trace = scenario.History is null
            ? ConvergenceLoop.Run(target, batchTrials, maxTrials, (first, count) => Batch(first, count).Column(target.Metric)!.Values, options.CancellationToken)
            : ConvergenceLoop.RunWeighted(target, batchTrials, maxTrials, (first, count) =>
            {
                var batch = Batch(first, count);
                return (batch.Column(target.Metric)!.Values, batch.Weights!);
            }, options.CancellationToken);
        var result = SimulationEngine.Run(scenario, options with { Trials = trace.Trials, FirstTrial = 0, SamplingBlockTrials = batchTrials });
        return (result, trace);
    }
}
