using System.Globalization;
using Alibaba.ChipSim.Statistics.Sensitivity;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Alibaba.ChipSim.Cli.Rendering;

/// <summary>
/// <c>run --sensitivity</c>: for each headline output, the inputs ranked by |Spearman ρ|, with the SRRC and the
/// input's share of the variance explained by the rank regression (whose R² is in the title).
/// </summary>
internal static class SensitivityTable
{
    /// <summary>Rows per output in the console; summary.json lists every input.</summary>
    public const int TopInputs = 8;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IRenderable Render(string scenario, SensitivityReport report)
    {
        var rows = new List<IRenderable>();
        foreach (var output in report.Outputs)
        {
            var r2 = double.IsNaN(output.RankRegressionR2) ? "n/a" : output.RankRegressionR2.ToString("0.00", Inv);
            var table = new Table().Border(TableBorder.Rounded)
                .Title($"[bold]{Markup.Escape(scenario)}[/]: what moves [bold]{Markup.Escape(output.Output)}[/]")
                .Caption($"{output.Count.ToString("N0", Inv)} trials; R² of the rank regression {r2}; top {TopInputs} inputs by |ρ|");
            table.AddColumn(new TableColumn("#").RightAligned());
            table.AddColumn("Input");
            table.AddColumn(new TableColumn("Spearman ρ").RightAligned());
            table.AddColumn(new TableColumn("SRRC").RightAligned());
            table.AddColumn(new TableColumn("Share of explained variance").RightAligned());
            var rank = 0;
            foreach (var e in output.Inputs)
            {
                if (double.IsNaN(e.Spearman) || ++rank > TopInputs) continue;
                table.AddRow(rank.ToString(Inv), Markup.Escape(e.Input), Signed(e.Spearman), Signed(e.Srrc), Percent(e.VarianceShare));
            }
            rows.Add(table);
        }
        return new TrimmedLines(new Rows(rows));
    }

    private static string Signed(double v) => double.IsNaN(v) ? "–" : v.ToString("+0.000;-0.000;0.000", Inv);

    private static string Percent(double v) => double.IsNaN(v) ? "–" : (100 * v).ToString("0.0", Inv) + "%";
}
