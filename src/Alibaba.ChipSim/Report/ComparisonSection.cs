using Alibaba.ChipSim.Engine;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// The section comparing several scenarios: a side-by-side table, overlaid CDFs, and the paired difference of each
/// variant against the first scenario, trial by trial.
/// </summary>
internal static class ComparisonSection
{
    private static readonly MetricDisplay[] Compared =
        [MetricDisplay.IncrementalRevenue, MetricDisplay.Roi, MetricDisplay.ChipsDelivered];

    /// <summary>The metrics whose paired differences are drawn: the headline outcomes.</summary>
    private static readonly MetricDisplay[] PairedMetrics = [MetricDisplay.IncrementalRevenue, MetricDisplay.Roi];

    public static IEnumerable<ReportChart> Write(HtmlReport page, IReadOnlyList<ReportScenario> scenarios, IReadOnlyList<string> names, ChartScales scales)
    {
        var charts = new List<ReportChart>();
        var results = scenarios.Select(s => s.Result).ToList();
        page.Raw("<section class=\"comparison\">\n").Heading(2, "Scenarios compared", "compare")
            .Paragraph("Each cell gives the median with the 5th–95th percentile range in brackets, or a probability. "
                + "Every chart below uses one axis range for all scenarios.");
        page.Table(["Figure", "Unit", .. names], Rows(scenarios), unitColumn: 1);
        page.Note(HeadlineFigures.RoiMeaning(results[0].Scenario));
        if (HistoryText.BayesFactors(scenarios.Select(s => s.Summary).ToList(), names) is { } factors) page.Paragraph(factors);
        page.Heading(3, "Final state of each actor (share of trials)");
        page.Table(["Actor", "State", .. names], Cells.FinalStateRows(scenarios.Select(s => s.Summary).ToList()), textColumns: 2);

        page.Heading(3, $"Each variant against {names[0]}, trial by trial");
        for (var i = 1; i < scenarios.Count; i++)
        {
            if (scenarios[i].Provenance.Seed != scenarios[0].Provenance.Seed)
            {
                page.Note($"{names[i]} ran at a different seed from {names[0]}, so its trials are not paired: pass --seed to compare them trial by trial.");
                continue;
            }
            foreach (var paired in PairedMetrics)
            {
                var a = paired.ValuesOf(results[0]);
                var b = paired.ValuesOf(results[i]);
                if (a is null || b is null) continue;
                var chart = PairedDifferenceChart.Render($"compare-{Slug.Of(names[i])}-minus-{Slug.Of(names[0])}-{Slug.Of(paired.Metric)}",
                    paired, names[0], names[i], a, b);
                if (chart is null)
                {
                    page.Note($"{Capital(paired.ShortLabel)} is the same in {names[i]} as in {names[0]} in every trial: what {names[i]} changes does not reach it.");
                    continue;
                }
                charts.Add(chart);
                page.Figure(chart);
            }
        }

        page.Heading(3, "Distributions side by side");
        var first = FirstDeliveryChart.Render("compare-first-delivery", names.Zip(results).ToList());
        charts.Add(first);
        page.Figure(first);
        foreach (var display in Compared)
        {
            var runs = names.Zip(results, (n, r) => (n, display.ValuesOf(r) ?? [])).ToList();
            var chart = ComparisonChart.Render($"compare-{Slug.Of(display.Metric)}-cdf", display, runs, scales.Of(display));
            charts.Add(chart);
            page.Figure(chart);
        }
        page.Raw("</section>\n");
        return charts;
    }

    private static IEnumerable<IReadOnlyList<string>> Rows(IReadOnlyList<ReportScenario> scenarios)
    {
        var perScenario = scenarios.Select(s => HeadlineFigures.Of(s.Summary, s.Result.Scenario)).ToList();
        var labels = perScenario.SelectMany(f => f.Select(x => (x.Label, x.Unit))).Distinct().ToList();
        foreach (var (label, unit) in labels)
        {
            var row = new List<string> { label, unit };
            foreach (var figures in perScenario) row.Add(Cells.Compared(figures.FirstOrDefault(x => x.Label == label)));
            yield return row;
        }
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
