using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Statistics.Sensitivity;

namespace Alibaba.ChipSim.Runs;

/// <summary>
/// The one way a scenario is run: simulate (a fixed trial count, or batches until a standard error is met),
/// then summarise, with sensitivity and the convergence trace when asked. Every command goes through here;
/// statistics that need more trials (convergence) ask this pipeline for batches instead of calling the engine.
/// </summary>
public static class RunPipeline
{
    /// <summary>The simulation stage alone: trials [0, <paramref name="trials"/>) at <paramref name="seed"/>.</summary>
    /// <exception cref="OperationCanceledException">When the token fires.</exception>
    /// <param name="columns">The columns to keep; null = every column (<see cref="RunRequest.Columns"/>).</param>
    public static SimulationResult Simulate(Scenario scenario, long trials, ulong seed, int threads,
        CancellationToken cancellationToken = default, IProgress<long>? progress = null, ColumnSelection? columns = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return SimulationEngine.Run(scenario, new RunOptions
        {
            Trials = trials, Seed = seed, Threads = threads, CancellationToken = cancellationToken, Progress = progress, Columns = columns,
        });
    }

    /// <summary>The statistics stage: the summary of a finished result, with its sensitivity when asked.</summary>
    public static RunSummary Summarise(SimulationResult result, RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        var summary = SummaryBuilder.Build(result, request.SummaryThreads);
        if (request.Targets.Length > 0)
            summary = summary with { Targets = summary.Targets.AddRange(TargetProbability.Of(result, request.Targets)) };
        return request.Sensitivity ? summary with { Sensitivity = SensitivityBuilder.Build(result) } : summary;
    }

    /// <summary>
    /// Runs one scenario at <paramref name="trials"/> and <paramref name="seed"/> (the set's; see <see cref="RunSet"/>),
    /// or under <see cref="RunRequest.Convergence"/> in batches at that seed.
    /// </summary>
    public static ScenarioRun Run(Scenario scenario, long trials, ulong seed, RunRequest request, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Convergence is { } convergence)
        {
            var (batched, trace) = BatchedRun.Run(scenario, seed, request.Threads, convergence, request.CancellationToken);
            return new ScenarioRun(batched, Summarise(batched, request) with { Convergence = trace });
        }
        if (request.Streams(scenario, trials))
        {
            return StreamedRun.Run(scenario, new RunOptions
            {
                Trials = trials, Seed = seed, Threads = request.Threads, CancellationToken = request.CancellationToken, Progress = progress,
                Columns = request.EngineColumns,
            }, request.Targets);
        }
        var result = Simulate(scenario, trials, seed, request.Threads, request.CancellationToken, progress, request.EngineColumns);
        return new ScenarioRun(result, Summarise(result, request));
    }

    /// <summary>The per-trial metrics of a run of the scenario (the numeric columns), e.g. for a <c>--until-se</c> target.</summary>
    public static IReadOnlyList<string> PerTrialMetrics(Scenario scenario, ulong seed)
    {
        // Only the names are read: under a history the one trial may weigh 0, which is no failure here.
        var one = SimulationEngine.Run(scenario, new RunOptions { Trials = 1, Seed = seed, Threads = 1, PartOfLargerRun = true });
        var names = new List<string>(one.Numeric.Length);
        foreach (var c in one.Numeric) names.Add(c.Name);
        return names;
    }
}
