using System.Globalization;
using Alibaba.ChipSim.Output.Scoring;
using Spectre.Console;

namespace Alibaba.ChipSim.Cli.Rendering;

/// <summary>The human view of <c>chipsim score</c>: a table of realised values (PIT, CRPS) and one of events (Brier, log score).</summary>
internal static class ScoreTable
{
    public static void Render(IAnsiConsole console, ScoreReport report)
    {
        var run = new List<string> { Markup.Escape(report.RunFolder) };
        if (report.Scenario is not null) run.Add("scenario " + Markup.Escape(report.Scenario));
        run.Add(report.Trials.ToString("N0", CultureInfo.InvariantCulture) + " trials");
        if (report.Weighted) run.Add("weighted, ess " + report.Ess.ToString("N0", CultureInfo.InvariantCulture));
        if (report.Start is { } start) run.Add("from " + start);
        console.MarkupLine("[bold]Run[/] " + string.Join(" · ", run));
        console.MarkupLine("[bold]Actuals[/] " + Markup.Escape(report.ActualsFile));

        if (report.Values.Length > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("Realised values")
                .AddColumn(new TableColumn("metric").NoWrap())
                .AddColumn(new TableColumn("actual").RightAligned().NoWrap())
                .AddColumn(new TableColumn("P1").RightAligned().NoWrap())
                .AddColumn(new TableColumn("P50").RightAligned().NoWrap())
                .AddColumn(new TableColumn("P99").RightAligned().NoWrap())
                .AddColumn(new TableColumn("PIT").RightAligned().NoWrap())
                .AddColumn(new TableColumn("CRPS").RightAligned().NoWrap())
                .AddColumn(new TableColumn("note"));
            foreach (var v in report.Values)
            {
                var note = v.Note is null ? "" : v.OutsideP1P99 ? $"[bold red]{Markup.Escape(v.Note)}[/]" : $"[grey]{Markup.Escape(v.Note)}[/]";
                table.AddRow(Markup.Escape(v.Metric), Number(v.Actual), Number(v.Forecast?.P1), Number(v.Forecast?.P50), Number(v.Forecast?.P99),
                    Number(v.Pit, "F3"), Number(v.Crps), note);
            }
            console.Write(new TrimmedLines(table));
        }
        if (report.Events.Length > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("Events")
                .AddColumn(new TableColumn("event").NoWrap())
                .AddColumn(new TableColumn("happened").NoWrap())
                .AddColumn(new TableColumn("forecast P").RightAligned().NoWrap())
                .AddColumn(new TableColumn("Brier").RightAligned().NoWrap())
                .AddColumn(new TableColumn("log score").RightAligned().NoWrap())
                .AddColumn(new TableColumn("note"));
            foreach (var e in report.Events)
                table.AddRow(Markup.Escape(e.Event), e.Happened ? "yes" : "no", Number(e.Probability, "F4"), Number(e.Brier, "F4"), Number(e.LogScore, "F3"),
                    e.Note is null ? "" : $"[grey]{Markup.Escape(e.Note)}[/]");
            console.Write(new TrimmedLines(table));
        }
        console.MarkupLine("[grey]PIT: the actual's percentile in the forecast (0.5 = the median). CRPS: in the metric's unit, lower is better. "
            + "Brier (p − o)² and log score −ln p(outcome) in nats: lower is better.[/]");
    }

    private static string Number(double? x, string format = "G5") => x switch
    {
        null => "[grey]–[/]",
        { } v when double.IsPositiveInfinity(v) => "∞",
        { } v => v.ToString(format, CultureInfo.InvariantCulture),
    };
}
