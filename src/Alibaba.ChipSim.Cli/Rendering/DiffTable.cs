using System.Globalization;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Statistics.Comparison;
using Spectre.Console;

namespace Alibaba.ChipSim.Cli.Rendering;

/// <summary>The human view of <c>chipsim diff</c>: one row per metric in both runs, then the metrics on one side only.</summary>
internal static class DiffTable
{
    public static void Render(IAnsiConsole console, RunComparison comparison)
    {
        console.MarkupLine($"[bold]A[/] {Describe(comparison.A)}");
        console.MarkupLine($"[bold]B[/] {Describe(comparison.B)}");
        console.MarkupLine(comparison.PairedTrials is { } pairs
            ? $"[bold]Test[/] paired (common random numbers, {pairs.ToString("N0", CultureInfo.InvariantCulture)} trials): z of the per-trial differences"
            : "[bold]Test[/] unpaired: two-sample z from the summaries");
        if (comparison.TestNote is not null) console.MarkupLine($"[grey]{Markup.Escape(comparison.TestNote)}[/]");
        var paired = comparison.PairedTrials is not null;

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("metric").NoWrap())
            .AddColumn(new TableColumn("old").RightAligned().NoWrap())
            .AddColumn(new TableColumn("new").RightAligned().NoWrap())
            .AddColumn(new TableColumn("change").RightAligned().NoWrap())
            .AddColumn(new TableColumn("z").RightAligned().NoWrap())
            .AddColumn(new TableColumn("moved").NoWrap());
        if (paired) table.AddColumn(new TableColumn("trials changed").RightAligned().NoWrap());
        var sharesMoved = new List<MetricComparison>();
        foreach (var m in comparison.Metrics)
        {
            var moved = m.Significant ? "[bold red]yes[/]" : "[grey]no[/]";
            if (m.Note is not null) moved += " [grey](" + Markup.Escape(m.Note) + ")[/]";
            if (m.Kind == MetricKind.Shares)
            {
                // Shares are too wide for a cell: the row shows the total variation, the states that moved follow the table.
                table.AddRow(Row(paired, m, Markup.Escape(m.Name), "[grey]shares[/]", "[grey]shares[/]", "TV " + Number(m.Change), Number(m.Statistic), moved));
                if (m.Change > 0) sharesMoved.Add(m);
            }
            else
                table.AddRow(Row(paired, m, Markup.Escape(m.Name), Number(m.Old), Number(m.New), Signed(m.Change), Number(m.Statistic), moved));
        }
        console.Write(table);
        foreach (var m in sharesMoved) console.MarkupLine($"[bold]{Markup.Escape(m.Name)}[/]: {ShareChanges(m)}");

        if (comparison.OnlyInA.Length > 0) console.MarkupLine("[bold]Only in A:[/] " + Markup.Escape(string.Join(", ", comparison.OnlyInA)));
        if (comparison.OnlyInB.Length > 0) console.MarkupLine("[bold]Only in B:[/] " + Markup.Escape(string.Join(", ", comparison.OnlyInB)));

        var moves = comparison.Metrics.Count(m => m.Significant);
        var threshold = comparison.ZThreshold.ToString(CultureInfo.InvariantCulture);
        console.MarkupLine(moves == 0
            ? $"[green]No metric moved beyond Monte Carlo error[/] (threshold {threshold}; {comparison.Metrics.Length} compared)."
            : $"[bold red]{moves} of {comparison.Metrics.Length} metrics moved beyond Monte Carlo error[/] (threshold {threshold}).");
    }

    /// <summary>The cells of one row, with the paired test's count of trials changed (discordant 0→1/1→0 for 0/1 metrics).</summary>
    private static string[] Row(bool paired, MetricComparison m, params string[] cells)
    {
        if (!paired) return cells;
        var changed = m.Paired switch
        {
            null => "[grey]–[/]",
            { Up: { } up, Down: { } down } p => $"{Count(p.Changed)} (↑{Count(up)} ↓{Count(down)})",
            { } p => Count(p.Changed),
        };
        return [.. cells, changed];
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Describe(ComparableRun run)
    {
        var parts = new List<string> { Markup.Escape(run.Source) };
        if (run.Scenario is not null) parts.Add("scenario " + Markup.Escape(run.Scenario));
        if (run.Seed is { } seed) parts.Add("seed " + seed.ToString(CultureInfo.InvariantCulture));
        if (run.Trials is { } trials) parts.Add(trials.ToString("N0", CultureInfo.InvariantCulture) + " trials");
        if (run.Engine is not null) parts.Add(Markup.Escape(run.Engine));
        return string.Join(" · ", parts);
    }

    private static string Number(double? x) => x switch
    {
        null => "[grey]–[/]",
        double.PositiveInfinity => "∞",
        double.NegativeInfinity => "−∞",
        double.NaN => "[grey]NaN[/]", // ∞ − ∞: two huge finite figures whose difference overflows
        { } v => SignificantDigits.Format(v),
    };

    private static string Signed(double? x) => x is > 0 ? "+" + Number(x) : Number(x);

    private static string ShareChanges(MetricComparison m)
    {
        var states = m.OldShares!.Keys.Union(m.NewShares!.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return string.Join(", ", states
            .Select(s => (State: s, Old: m.OldShares.GetValueOrDefault(s), New: m.NewShares.GetValueOrDefault(s)))
            .Where(s => s.Old != s.New)
            .Select(s => $"{Markup.Escape(s.State)} {SignificantDigits.Format(s.Old)} → {SignificantDigits.Format(s.New)}"));
    }
}
