using System.Collections.Immutable;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Runs;

/// <summary>
/// Scenarios run together, and the one seed rule: every scenario of a set runs the same trial count at the same
/// seed, the request's or else the first scenario's <c>simulation</c> section, so that variants share their draws
/// (common random numbers) and their differences are the change, not sampling noise. A scenario run on its own
/// (a set of one, as <c>snapshot</c> does) therefore runs at its own seed and trial count.
/// </summary>
public sealed class RunSet
{
    private RunSet(ImmutableArray<Scenario> scenarios, RunRequest request)
    {
        Scenarios = scenarios;
        Request = request;
        Trials = request.Trials ?? scenarios[0].Simulation.Trials;
        Seed = request.Seed ?? scenarios[0].Simulation.Seed;
    }

    public ImmutableArray<Scenario> Scenarios { get; }

    public RunRequest Request { get; }

    /// <summary>The trial count of every scenario (the cap is <see cref="ConvergenceRequest.MaxTrials"/> under convergence).</summary>
    public long Trials { get; }

    public ulong Seed { get; }

    /// <exception cref="ArgumentException">When <paramref name="scenarios"/> is empty.</exception>
    public static RunSet For(IReadOnlyList<Scenario> scenarios, RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(request);
        if (scenarios.Count == 0) throw new ArgumentException("a run needs at least one scenario", nameof(scenarios));
        return new RunSet([.. scenarios], request);
    }

    /// <summary>Runs scenario <paramref name="index"/> of the set.</summary>
    /// <param name="index">The scenario's position in <see cref="Scenarios"/>.</param>
    /// <param name="progress">Trials finished so far (fixed-count runs only).</param>
    /// <exception cref="OperationCanceledException">When the request's token fires; nothing is returned.</exception>
    public ScenarioRun Run(int index, IProgress<long>? progress = null) =>
        RunPipeline.Run(Scenarios[index], Trials, Seed, Request, progress);

    /// <summary>Runs every scenario in turn.</summary>
    public IReadOnlyList<ScenarioRun> RunAll()
    {
        var runs = new List<ScenarioRun>(Scenarios.Length);
        for (var i = 0; i < Scenarios.Length; i++) runs.Add(Run(i));
        return runs;
    }

    /// <summary>
    /// The first scenario whose per-trial metrics do not include the convergence target, with the metrics it has;
    /// null when every scenario has it (or there is no convergence request).
    /// </summary>
    public (Scenario Scenario, IReadOnlyList<string> Metrics)? MissingConvergenceMetric()
    {
        if (Request.Convergence is not { } convergence) return null;
        foreach (var s in Scenarios)
        {
            var metrics = RunPipeline.PerTrialMetrics(s, Seed);
            if (!metrics.Contains(convergence.Target.Metric)) return (s, metrics);
        }
        return null;
    }
}
