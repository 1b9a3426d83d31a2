using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios.Yaml;
using Spectre.Console;

namespace Alibaba.ChipSim.Cli.Rendering;

/// <summary>
/// First-call costs paid on a spare core while the main thread does other work (docs/performance.md, "Start-up and
/// tiering"): the YAML parser's while the command line is parsed, and, for a simulating command, the trial loop compiled
/// (<see cref="HotPathWarmUp"/>) while the scenarios are read and checked, then, for a command that prints the summary
/// table, a table of the same make rendered to nowhere, which loads and compiles the console library's layout code. A
/// warm-up writes nothing anywhere and changes no number; the command never waits for it.
/// </summary>
internal static class WarmUp
{
    /// <summary>Starts the simulating command's warm-up on a thread-pool thread and returns at once.</summary>
    public static void Start(bool table) => Background(() =>
    {
        HotPathWarmUp.Compile();
        if (table) RenderTable();
    });

    /// <summary>The commands that read scenario (or actuals) YAML files.</summary>
    internal static readonly IReadOnlySet<string> YamlCommands =
        new HashSet<string>(StringComparer.Ordinal) { "bench", "graph", "report", "run", "score", "snapshot", "validate" };

    /// <summary>
    /// When the command named first in <paramref name="args"/> reads YAML, starts reading a two-line document on a
    /// thread-pool thread (<see cref="YamlWarmUp"/>), so that the parser's first-use costs overlap the parsing of the
    /// command line; returns whether it started it.
    /// </summary>
    public static bool StartYamlReader(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || !YamlCommands.Contains(args[0]) || !Useful) return false;
        Background(() => YamlWarmUp.Parse());
        return true;
    }

    /// <summary>
    /// Whether there is anything to warm: code compiled as it runs. The CLI compiled ahead of time as a whole (Native AOT,
    /// docs/performance.md) has no JIT and nothing to compile at its first calls.
    /// </summary>
    internal static bool Useful => System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeCompiled;

    /// <summary>Runs <paramref name="warm"/> on a thread-pool thread, where there is anything to warm (<see cref="Useful"/>).</summary>
    private static void Background(Action warm)
    {
        if (!Useful) return;
        _ = Task.Run(() =>
        {
            try
            {
                warm();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A warm-up that fails costs only the time it would have saved: the command pays the first call as before.
            }
        });
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
