using Alibaba.ChipSim.Engine;
using Spectre.Console;

namespace Alibaba.ChipSim.Cli.Rendering;

/// <summary>
/// The first-call costs of a simulating command paid on a spare core while the main thread reads and checks the scenarios
/// (docs/performance.md, "Start-up and tiering"): the trial loop compiled (<see cref="HotPathWarmUp"/>), then, for a
/// command that prints the summary table, a table of the same make rendered to nowhere, which loads and compiles the
/// console library's layout code. It writes nothing anywhere and changes no number; the command never waits for it.
/// </summary>
internal static class WarmUp
{
    /// <summary>Starts the warm-up on a thread-pool thread and returns at once.</summary>
    public static void Start(bool table) => _ = Task.Run(() => Run(table));

    /// <summary>The warm-up itself, on the calling thread (tests run it to see that it completes).</summary>
    internal static void Run(bool table)
    {
        try
        {
            HotPathWarmUp.Compile();
            if (table) RenderTable();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A warm-up that fails costs only the time it would have saved: the command compiles on first call as before.
        }
    }

    /// <summary>A table with the summary table's features (rounded border, markup title, right-aligned columns, caption), rendered to a null writer.</summary>
    internal static void RenderTable(TextWriter? writer = null)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer ?? TextWriter.Null),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 120;
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]warm-up[/]: 1,000 trials, seed 1");
        table.AddColumn("Metric");
        table.AddColumn(new TableColumn("Probability [[95% CI]]").RightAligned());
        table.AddColumn(new TableColumn("P50").RightAligned());
        table.AddRow("Delivered by the deadline (2026-02)", "24.7% [[22.1%, 27.5%]]", "");
        table.AddRow("Chips delivered to Alibaba", "", "59,128");
        table.Caption("Percentiles over the trials where the metric is defined.");
        console.Write(new TrimmedLines(table));
    }
}
