using System.Collections.Immutable;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Engine;

/// <summary>
/// Runs a scenario's trials in parallel and returns the per-trial outcome columns. Every draw comes
/// from a stream keyed by (seed, trial, what is drawn), and trials are cut into fixed-size chunks
/// whose boundaries do not depend on the thread count, so the result is the same bit for bit for any
/// <see cref="RunOptions.Threads"/> and any split of the trial range (<see cref="RunOptions.FirstTrial"/>).
/// </summary>
public static class SimulationEngine
{
    /// <summary>Trials per work item: large enough to amortise scheduling, small enough to balance two cores.</summary>
    internal const int ChunkSize = 4096;

    /// <exception cref="OperationCanceledException">When <see cref="RunOptions.CancellationToken"/> fires; nothing is returned.</exception>
    public static SimulationResult Run(Scenario scenario, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Trials < 1 || options.Trials > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(options), options.Trials, $"trials must be between 1 and {Array.MaxLength}");
        if (options.FirstTrial < 0) throw new ArgumentOutOfRangeException(nameof(options), options.FirstTrial, "the first trial must be >= 0");
        if (options.WholeRunTrials != 0 && (options.WholeRunTrials > Array.MaxLength || options.WholeRunTrials < options.FirstTrial + options.Trials))
            throw new ArgumentOutOfRangeException(nameof(options), options.WholeRunTrials, "the whole run must hold the trials run (and at most Array.MaxLength)");
        if (options.Threads < 0) throw new ArgumentOutOfRangeException(nameof(options), options.Threads, "threads must be >= 0 (0 = every core)");

        var plan = new SimulationPlan(scenario, options);
        var rows = (int)options.Trials;
        var output = new OutcomeColumns(plan, rows);
        var occupancy = new long[plan.Months * plan.TotalStates];
        var weighted = plan.History is null ? null : new Int128[occupancy.Length];
        var matches = new long[plan.History is { } h ? h.ObservationNames.Length + 1 : 0]; // TrialWorker.ObservationMatches
        var chunks = (rows + ChunkSize - 1) / ChunkSize;
        long done = 0;
        var parallel = new ParallelOptions
        {
            CancellationToken = options.CancellationToken,
            MaxDegreeOfParallelism = options.Threads == 0 ? Environment.ProcessorCount : options.Threads,
        };
        Parallel.For(0, chunks, parallel,
            () => new TrialWorker(plan, output, options.Seed),
            (chunk, _, worker) =>
            {
                var first = chunk * ChunkSize;
                var end = Math.Min(rows, first + ChunkSize);
                worker.RunRange(options.FirstTrial + first, first, end - first);
                var total = Interlocked.Add(ref done, end - first);
                options.Progress?.Report(total);
                return worker;
            },
            worker =>
            {
                // Whole-number counts: the sum is the same in any order.
                lock (occupancy)
                {
                    for (var i = 0; i < occupancy.Length; i++) occupancy[i] += worker.Occupancy[i];
                    for (var i = 0; i < matches.Length; i++) matches[i] += worker.ObservationMatches[i];
                    if (weighted is not null)
                        for (var i = 0; i < weighted.Length; i++) weighted[i] += worker.WeightedOccupancy![i];
                }
            });
        options.CancellationToken.ThrowIfCancellationRequested();
        if (plan.History is { } history && !options.PartOfLargerRun && Array.TrueForAll(output.Weights!, w => w == 0))
            throw NoTrialMatchedException.For(history, matches, rows);
        return output.ToResult(plan, options.Seed, Occupancies(plan, occupancy, weighted), plan.History is null ? default : [.. matches])
            .WithSampling(new SamplingBlock(options.FirstTrial, options.SamplingBlockTrials));
    }

    /// <summary>
    /// For a run joined from parts (<see cref="RunOptions.PartOfLargerRun"/>): the run conditioned on history in which every
    /// trial has weight 0 fails as a single run would, naming the observation no trial matched.
    /// </summary>
    /// <exception cref="NoTrialMatchedException">When every weight is 0.</exception>
    internal static void RequireSomeWeight(SimulationResult result)
    {
        if (result.Weights is not { } weights || !Array.TrueForAll(weights, w => w == 0)) return;
        var plan = new SimulationPlan(result.Scenario);
        throw NoTrialMatchedException.For(plan.History!, result.ObservationMatches.AsSpan(), result.Trials);
    }

    internal static ImmutableArray<StateOccupancy> Occupancies(SimulationPlan plan, long[] flat, Int128[]? weightedFlat)
    {
        var result = ImmutableArray.CreateBuilder<StateOccupancy>(plan.ActorCount);
        for (var a = 0; a < plan.ActorCount; a++)
        {
            var actor = plan.Scenario.Actors[a];
            var states = actor.States.Length;
            var counts = new long[plan.Months * states];
            var weighted = weightedFlat is null ? null : new Int128[counts.Length];
            for (var m = 0; m < plan.Months; m++)
                for (var s = 0; s < states; s++)
                {
                    var cell = m * plan.TotalStates + plan.StateOffset[a] + s;
                    counts[m * states + s] = flat[cell];
                    if (weighted is not null) weighted[m * states + s] = weightedFlat![cell];
                }
            result.Add(new StateOccupancy(actor.Name, OutcomeColumns.StateNames(actor), plan.Scenario.Calendar.Start, plan.Months, counts, weighted));
        }
        return result.MoveToImmutable();
    }
}
