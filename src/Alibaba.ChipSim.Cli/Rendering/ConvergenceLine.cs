using System.Globalization;
using Alibaba.ChipSim.Statistics.Convergence;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Alibaba.ChipSim.Cli.Rendering;

/// <summary>One line under the summary of a <c>run --until-se</c>: whether the target was met, after how many trials.</summary>
internal static class ConvergenceLine
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IRenderable Render(string scenario, ConvergenceTrace trace)
    {
        var last = trace.Points[^1];
        var se = double.IsNaN(last.Se) ? "n/a" : last.Se.ToString("G4", Inv);
        var target = $"{trace.Target.Metric}={trace.Target.MaxSe.ToString("G", Inv)}";
        var outcome = trace.Converged
            ? $"met after {trace.Trials.ToString("N0", Inv)} trials"
            : $"[yellow]not met[/] within --max-trials {trace.MaxTrials.ToString("N0", Inv)}";
        var count = trace.Points.Length;
        var batches = (count == 1 ? "1 batch" : $"{count.ToString(Inv)} batches") + $" of {trace.BatchTrials.ToString("N0", Inv)}";
        // --max-trials may cut the last batch short.
        var lastBatch = trace.Trials - (count - 1L) * trace.BatchTrials;
        if (lastBatch != trace.BatchTrials) batches += count == 1 ? $" cut to {lastBatch.ToString("N0", Inv)}" : $", the last of {lastBatch.ToString("N0", Inv)}";
        return new Markup($"{Markup.Escape(scenario)}: --until-se {Markup.Escape(target)} {outcome} ({batches}; mean {last.Mean.ToString("G6", Inv)}, SE {se})\n");
    }
}
