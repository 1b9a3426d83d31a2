using System.Globalization;
using Alibaba.ChipSim.Runs;
using Spectre.Console;

namespace Alibaba.ChipSim.Cli.Running;

/// <summary>
/// Runs a <see cref="RunSet"/> (one seed and trial count for all; see its seed rule) scenario by scenario, with a
/// progress bar (trials/s and ETA) when asked. The numbers are the pipeline's either way.
/// </summary>
internal static class ScenarioRunner
{
    /// <exception cref="OperationCanceledException">When the request's token fires.</exception>
    /// <param name="announce">Where "computing statistics" is said once a scenario's trials are done (with the bar only).</param>
    public static IReadOnlyList<ScenarioRun> RunAll(RunSet set, IAnsiConsole console, bool showProgress, TextWriter? announce = null)
    {
        // Convergence runs batches of unknown number: no bar.
        if (!showProgress || set.Request.Convergence is not null) return set.RunAll();

        var runs = new List<ScenarioRun>(set.Scenarios.Length);
        console.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new TrialsPerSecondColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var tasks = set.Scenarios.Select(s => ctx.AddTask(Markup.Escape(s.Name), autoStart: false, maxValue: set.Trials)).ToList();
                for (var i = 0; i < set.Scenarios.Length; i++)
                {
                    var task = tasks[i];
                    task.StartTask();
                    var progress = new LatestCount();
                    var index = i;
                    var run = Task.Run(() => set.Run(index, progress), CancellationToken.None);
                    var announced = false;
                    // A streamed run conditioned on history replays its trials a few more times after the first pass the bar shows.
                    var message = set.Scenarios[i].History is not null && set.Request.Streams(set.Scenarios[i], set.Trials)
                        ? Commands.RunCommand.ComputingWeightedStatistics
                        : Commands.RunCommand.ComputingStatistics;
                    while (!Finished(run, 100))
                    {
                        task.Value = progress.Value;
                        if (!announced && progress.Value >= set.Trials)
                        {
                            // The statistics of a big run take seconds after the bar reaches 100%: say what is happening.
                            announced = true;
                            announce?.WriteLine(message);
                        }
                        ctx.Refresh();
                    }
                    if (!announced) announce?.WriteLine(message);
                    runs.Add(run.GetAwaiter().GetResult()); // rethrows OperationCanceledException as itself
                    task.Value = set.Trials;
                    task.StopTask();
                }
            });
        return runs;
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
    private sealed class TrialsPerSecondColumn : ProgressColumn
    {
        protected override bool NoWrap => true;

        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } s ? s.ToString("N0", CultureInfo.InvariantCulture) + " trials/s" : "", Style.Plain);
    }
}
