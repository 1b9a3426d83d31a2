using System.Globalization;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;
using Spectre.Console;

namespace Alibaba.ChipSim.Cli.Running;

/// <summary>
/// Runs scenarios in turn at one seed, with a progress bar (trials/s and ETA) when asked. With several
/// scenarios the first one's simulation section gives the defaults for all, so that every variant runs
/// the same trials on the same seed and shares its draws with the others.
/// </summary>
internal static class ScenarioRunner
{
    public static (long Trials, ulong Seed) Resolve(IReadOnlyList<Scenario> scenarios, RunSettings settings) =>
        (settings.Trials ?? scenarios[0].Simulation.Trials, settings.Seed ?? scenarios[0].Simulation.Seed);

    /// <exception cref="OperationCanceledException">When <paramref name="cancel"/> fires.</exception>
    public static IReadOnlyList<SimulationResult> RunAll(IReadOnlyList<Scenario> scenarios, RunSettings settings,
        IAnsiConsole console, bool showProgress, CancellationToken cancel)
    {
        var (trials, seed) = Resolve(scenarios, settings);
        var results = new List<SimulationResult>(scenarios.Count);
        if (!showProgress)
        {
            foreach (var s in scenarios)
                results.Add(SimulationEngine.Run(s, Options(trials, seed, settings, cancel, null)));
            return results;
        }

        console.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new TrialsPerSecondColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var tasks = scenarios.Select(s => ctx.AddTask(Markup.Escape(s.Name), autoStart: false, maxValue: trials)).ToList();
                for (var i = 0; i < scenarios.Count; i++)
                {
                    var task = tasks[i];
                    task.StartTask();
                    var progress = new LatestCount();
                    var run = Task.Run(() => SimulationEngine.Run(scenarios[i], Options(trials, seed, settings, cancel, progress)), CancellationToken.None);
                    while (!Finished(run, 100))
                    {
                        task.Value = progress.Value;
                        ctx.Refresh();
                    }
                    results.Add(run.GetAwaiter().GetResult()); // rethrows OperationCanceledException as itself
                    task.Value = trials;
                    task.StopTask();
                }
            });
        return results;
    }

    private static bool Finished(Task task, int milliseconds)
    {
        try
        {
            return task.Wait(milliseconds);
        }
        catch (AggregateException)
        {
            return true;
        }
    }

    private static RunOptions Options(long trials, ulong seed, RunSettings settings, CancellationToken cancel, IProgress<long>? progress) =>
        new() { Trials = trials, Seed = seed, Threads = settings.Threads, CancellationToken = cancel, Progress = progress };

    /// <summary>Keeps the largest count reported (workers report from several threads, not in order).</summary>
    private sealed class LatestCount : IProgress<long>
    {
        private long _value;

        public long Value => Interlocked.Read(ref _value);

        public void Report(long value)
        {
            var seen = Interlocked.Read(ref _value);
            while (value > seen)
            {
                var previous = Interlocked.CompareExchange(ref _value, value, seen);
                if (previous == seen) return;
                seen = previous;
            }
        }
    }

    /// <summary>Trials per second, from the task's speed.</summary>
    private sealed class TrialsPerSecondColumn : Spectre.Console.ProgressColumn
    {
        protected override bool NoWrap => true;

        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } s ? s.ToString("N0", CultureInfo.InvariantCulture) + " trials/s" : "", Style.Plain);
    }
}
