using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics.Convergence;

namespace Alibaba.ChipSim.Runs;

/// <summary>
/// <c>--until-se</c>: batch b is trials [b·n, (b+1)·n) of the seed's sequence (n = the batch size), sampled in blocks of
/// n, so Latin hypercube strata and correlations are built per batch; <see cref="ConvergenceLoop"/> decides when to
/// stop, and the result is the batches concatenated. Because every draw is keyed by (seed, trial, what is drawn) and
/// the design blocks start at multiples of n, that concatenation is bit for bit the run of trials [0, N) in blocks of n.
/// </summary>
internal static class BatchedRun
{
    public static (SimulationResult Result, ConvergenceTrace Trace) Run(Scenario scenario, ulong seed, int threads,
        ConvergenceRequest request, CancellationToken cancellationToken)
    {
        var batches = new List<SimulationResult>();
        var metric = request.Target.Metric;
        SimulationResult RunBatch(long first, int count)
        {
            var batch = SimulationEngine.Run(scenario, new RunOptions
            {
                Trials = count,
                FirstTrial = first,
                Seed = seed,
                Threads = threads,
                SamplingBlockTrials = request.BatchTrials,
                PartOfLargerRun = true,
                CancellationToken = cancellationToken,
            });
            batches.Add(batch);
            return batch;
        }
        double[] Values(SimulationResult batch) => batch.Column(metric)?.Values
            ?? throw new ArgumentException($"no per-trial metric '{metric}' in a run of scenario '{scenario.Name}'", nameof(request));
        // Conditioned on history, the loop stops on the weighted se (sd / √ess), as summary.json reports it.
        var trace = scenario.History is null
            ? ConvergenceLoop.Run(request.Target, request.BatchTrials, request.MaxTrials, (first, count) => Values(RunBatch(first, count)), cancellationToken)
            : ConvergenceLoop.RunWeighted(request.Target, request.BatchTrials, request.MaxTrials, (first, count) =>
            {
                var batch = RunBatch(first, count);
                return (Values(batch), batch.Weights!);
            }, cancellationToken);
        var result = ResultConcatenation.Concatenate(batches);
        SimulationEngine.RequireSomeWeight(result);
        return (result, trace);
    }
}
