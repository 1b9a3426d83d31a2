using System.Collections.Immutable;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// Builds the HTML report (and its charts) for one or more scenario runs. Every statistic printed comes from the
/// runs' summaries; the per-trial columns only shape the histograms, CDFs and paired differences. Pure: the date
/// comes in with the provenance.
/// </summary>
public static class ReportBuilder
{
    /// <summary>The report of <paramref name="scenarios"/>; each section's charts are drawn on up to <paramref name="threads"/> threads (every core when null), the same bytes for any count.</summary>
    public static ReportDocument Build(IReadOnlyList<ReportScenario> scenarios, DateTimeOffset generatedAt, int? threads = null)
    {
        if (scenarios.Count == 0) throw new ArgumentException("A report needs at least one scenario.", nameof(scenarios));
        var scales = new ChartScales(scenarios.Select(s => s.Summary).ToList(), MetricDisplay.All);
        var keys = Keys(scenarios);
        var names = scenarios.Select(s => s.Provenance.ScenarioName).ToList();
        var charts = new List<ReportChart>();

        var page = new HtmlReport().Begin("chipsim report: " + string.Join(", ", names), generatedAt);
        page.Raw(Contents(scenarios, keys));
        if (scenarios.Count > 1) charts.AddRange(ComparisonSection.Write(page, scenarios, names, scales, threads));
        for (var i = 0; i < scenarios.Count; i++) charts.AddRange(ScenarioSection(page, scenarios[i], keys[i], scales, threads));
        return new ReportDocument(page.End(), charts.ToImmutableArray());
    }

    private static IReadOnlyList<string> TargetRow(Statistics.TargetResult t)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var text = t.Target.Description ?? $"P({t.Target.Metric} {t.Target.Operator} {t.Target.Threshold.ToString("G6", inv)})";
        return [text, t.Target.Text,
            t.Probability is { } p ? Percent(p) : "no trial defines it",
            t.Ci95 is { } ci ? $"{Percent(ci.Low)} – {Percent(ci.High)}" : "",
            t.Count.ToString("N0", inv)];
        string Percent(double x) => (100 * x).ToString("0.0", inv) + "%";
    }

    private static IEnumerable<ReportChart> ScenarioSection(HtmlReport page, ReportScenario s, string key, ChartScales scales, int? threads)
    {
        var scenario = s.Result.Scenario;
        var set = ScenarioCharts.Render(key, s, scales, threads);
        page.Raw("<section class=\"scenario\">\n").Heading(2, "Scenario: " + s.Provenance.ScenarioName, key);
        if (!string.IsNullOrWhiteSpace(s.Provenance.Description)) page.Paragraph(s.Provenance.Description!);
        page.Raw("<p class=\"brief\"><strong>In brief.</strong> " + HtmlReport.E(HeadlineFigures.Brief(s.Summary, scenario)) + "</p>\n");
        page.Provenance(s.Provenance);
        if (HistoryText.Summary(s.Summary) is { } conditioned) page.Paragraph(conditioned);
        if (HistoryText.Warning(s.Summary) is { } warning) page.Raw("<p class=\"warning\"><strong>" + HtmlReport.E(warning) + "</strong></p>\n");
        page.Heading(3, "Headline figures");
        page.Table(["Figure", "Unit", "Mean", "P5", "P50", "P95", "Trials with a value"],
            HeadlineFigures.Of(s.Summary, scenario).Select(Cells.HeadlineRow), unitColumn: 1);
        page.Note(HeadlineFigures.RoiMeaning(scenario));
        var weighted = s.Result.Weights is not null;
        page.Heading(3, weighted ? "Final state of each actor (share of weight)" : "Final state of each actor (share of trials)");
        page.Table(["Actor", "State", "Share"], Cells.FinalStateRows([s.Summary]), textColumns: 2);
        if (s.Summary.Targets.Length > 0)
        {
            // The scenario's targets: (and run --target), as summary.json reports them.
            page.Heading(3, "Targets: how likely each threshold is");
            page.Table(["Target", "Metric", "Probability", "95% interval", "Trials with a value"],
                s.Summary.Targets.Select(TargetRow), textColumns: 2);
        }

        page.Heading(3, "Cloud revenue by quarter");
        if (set.Fan is not null) page.Figure(set.Fan);
        else page.Paragraph("No full quarter lies in the horizon, so there is no quarterly chart.");
        if (set.IncrementalFan is not null) page.Figure(set.IncrementalFan);
        else if (set.Fan is not null) page.Note("The H200s add no revenue in any quarter of any trial, so there is no chart of incremental revenue by quarter.");

        page.Heading(3, "First delivery");
        page.Figure(set.FirstDelivery);
        page.Heading(3, "Approval paths: state occupancy");
        foreach (var chart in set.Occupancy) page.Figure(chart);
        page.Heading(3, "Incremental revenue and return");
        Metrics(page, set.Outcomes);
        page.Heading(3, "Chips delivered, spend and export fees");
        Metrics(page, set.Volumes);
        if (set.Tornadoes.Count > 0)
        {
            page.Heading(3, "What moves the outcome: sensitivity");
            if (weighted)
                page.Note("Conditioned on history: the rank correlations and the rank regression are weighted by the trials' weights "
                    + "(weighted mid-ranks; trials of weight 0 left out), so they describe the posterior (docs/sensitivity.md).");
            foreach (var tornado in set.Tornadoes) page.Figure(tornado);
        }
        page.Heading(3, "Input assumptions");
        page.Paragraph("Every input of the model as the scenario gives it; an uncertain input is drawn once per trial. "
            + "Paths name the keys of the scenario file (docs/scenario-format.md).");
        page.Table(AssumptionsTable.Header, AssumptionsTable.Rows(scenario), textColumns: 4);
        page.Heading(3, "State diagrams of the actors");
        foreach (var diagram in s.Diagrams) page.Diagram(diagram);
        page.Raw("</section>\n");
        return set.All();
    }

    private static void Metrics(HtmlReport page, IReadOnlyList<MetricCharts> metrics)
    {
        foreach (var m in metrics)
        {
            if (m.Degenerate is { } text) page.Note(text);
            foreach (var chart in m.All()) page.Figure(chart);
        }
    }

    /// <summary>File-name keys for the scenarios, unique even when two scenarios share a name.</summary>
    private static List<string> Keys(IReadOnlyList<ReportScenario> scenarios)
    {
        var keys = new List<string>();
        foreach (var s in scenarios)
        {
            var key = Slug.Of(s.Provenance.ScenarioName);
            var unique = key;
            for (var n = 2; keys.Contains(unique) || unique == "compare"; n++) unique = $"{key}-{n}";
            keys.Add(unique);
        }
        return keys;
    }

    private static string Contents(IReadOnlyList<ReportScenario> scenarios, List<string> keys)
    {
        var html = new System.Text.StringBuilder("<nav><ul>\n");
        if (scenarios.Count > 1) html.Append("<li><a href=\"#compare\">Scenarios compared</a></li>\n");
        for (var i = 0; i < scenarios.Count; i++)
            html.Append("<li><a href=\"#").Append(HtmlReport.E(keys[i])).Append("\">Scenario: ")
                .Append(HtmlReport.E(scenarios[i].Provenance.ScenarioName)).Append("</a></li>\n");
        return html.Append("</ul></nav>\n").ToString();
    }
}
