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
        var batches = trace.Points.Length == 1 ? "1 batch" : $"{trace.Points.Length.ToString(Inv)} batches";
        return new Markup($"{Markup.Escape(scenario)}: --until-se {Markup.Escape(target)} {outcome} ({batches} of {trace.BatchTrials.ToString("N0", Inv)}; mean {last.Mean.ToString("G6", Inv)}, SE {se})\n");
    }
}
