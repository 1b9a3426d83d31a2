using System.Collections.Immutable;
using System.Globalization;

namespace Alibaba.ChipSim.Report;

/// <summary>Builds the HTML report (and its charts) for one or more scenario runs. Pure: the date comes in with the provenance.</summary>
public static class ReportBuilder
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly MetricDisplay[] Compared =
        [MetricDisplay.IncrementalRevenue, MetricDisplay.Roi, MetricDisplay.ChipsDelivered];

    /// <summary>The outputs that get a tornado chart when the scenario comes with its sensitivity.</summary>
    private static readonly string[] Tornadoes = [Engine.MetricNames.IncrementalRevenueCnyBn, Engine.MetricNames.CloudRevenueCnyBn];

    public static ReportDocument Build(IReadOnlyList<ReportScenario> scenarios, DateTimeOffset generatedAt)
    {
        if (scenarios.Count == 0) throw new ArgumentException("A report needs at least one scenario.", nameof(scenarios));
        var results = scenarios.Select(s => s.Result).ToList();
        var scales = new ChartScales(results, HeadlineFigures.Distributions);
        var keys = Keys(scenarios);
        var names = scenarios.Select(s => s.Provenance.ScenarioName).ToList();
        var charts = new List<ReportChart>();

        var page = new HtmlReport().Begin("chipsim report: " + string.Join(", ", names), generatedAt);
        page.Raw(Contents(scenarios, keys));

        if (scenarios.Count > 1)
        {
            page.Raw("<section class=\"comparison\">\n").Heading(2, "Scenarios compared", "compare")
                .Paragraph("Each cell gives the median with the 5th–95th percentile range in brackets, or a probability. "
                    + "Every chart below uses one axis range for all scenarios.");
            page.Table(["Figure", "Unit", .. names], ComparisonRows(results), unitColumn: 1);
            page.Heading(3, "Final state of each actor (share of trials)");
            page.Table(["Actor", "State", .. names], FinalStateRows(results), textColumns: 2);
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
        }

        for (var i = 0; i < scenarios.Count; i++)
        {
            var s = scenarios[i];
            var set = ScenarioCharts.Render(keys[i], s.Result, scales);
            charts.AddRange(set.All());
            page.Raw("<section class=\"scenario\">\n").Heading(2, "Scenario: " + s.Provenance.ScenarioName, keys[i]);
            if (!string.IsNullOrWhiteSpace(s.Provenance.Description)) page.Paragraph(s.Provenance.Description!);
            page.Raw("<p class=\"brief\"><strong>In brief.</strong> " + HtmlReport.E(HeadlineFigures.Brief(s.Result)) + "</p>\n");
            page.Provenance(s.Provenance);
            page.Heading(3, "Headline figures");
            page.Table(["Figure", "Unit", "Mean", "P5", "P50", "P95", "Trials with a value"],
                HeadlineFigures.Of(s.Result).Select(HeadlineRow), unitColumn: 1);
            page.Heading(3, "Final state of each actor (share of trials)");
            page.Table(["Actor", "State", "Share"], FinalStateRows([s.Result]), textColumns: 2);
            page.Heading(3, "Cloud revenue by quarter");
            if (set.Fan is not null) page.Figure(set.Fan);
            else page.Paragraph("No full quarter lies in the horizon, so there is no quarterly chart.");
            page.Heading(3, "First delivery");
            page.Figure(set.FirstDelivery);
            page.Heading(3, "Approval paths: state occupancy");
            foreach (var chart in set.Occupancy) page.Figure(chart);
            page.Heading(3, "Incremental revenue and return");
            foreach (var (histogram, cdf) in set.Outcomes) page.Pair(histogram, cdf);
            page.Heading(3, "Chips delivered and export fees");
            foreach (var chart in set.Volumes) page.Figure(chart);
            if (s.Sensitivity is { } sensitivity)
            {
                page.Heading(3, "What moves the outcome: sensitivity");
                foreach (var metric in Tornadoes)
                {
                    if (sensitivity.Output(metric) is not { } output) continue;
                    var tornado = TornadoChart.Render($"{keys[i]}-tornado-{Slug.Of(metric)}", output);
                    charts.Add(tornado);
                    page.Figure(tornado);
                }
            }
            page.Heading(3, "State diagrams of the actors");
            foreach (var diagram in s.Diagrams) page.Diagram(diagram);
            page.Raw("</section>\n");
        }
        return new ReportDocument(page.End(), charts.ToImmutableArray());
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

    private static IReadOnlyList<string> HeadlineRow(HeadlineFigure f)
    {
        var count = $"{f.Count.ToString("#,0", Invariant)} of {f.Trials.ToString("#,0", Invariant)}";
        if (f.Probability is { } p) return [f.Label, f.Unit, Percent(p), "", "", "", count];
        return [f.Label, f.Unit, Value(f.Mean, f.Format), Value(f.P5, f.Format), Value(f.P50, f.Format), Value(f.P95, f.Format), count];
    }

    private static IEnumerable<IReadOnlyList<string>> ComparisonRows(IReadOnlyList<Engine.SimulationResult> results)
    {
        var perScenario = results.Select(HeadlineFigures.Of).ToList();
        var labels = perScenario.SelectMany(f => f.Select(x => (x.Label, x.Unit))).Distinct().ToList();
        foreach (var (label, unit) in labels)
        {
            var row = new List<string> { label, unit };
            foreach (var figures in perScenario)
            {
                var f = figures.FirstOrDefault(x => x.Label == label);
                row.Add(f is null ? "—"
                    : f.Probability is { } p ? Percent(p)
                    : f.Count == 0 ? "no value"
                    : $"{Value(f.P50, f.Format)} ({Value(f.P5, f.Format)} – {Value(f.P95, f.Format)})");
            }
            yield return row;
        }
    }

    private static IEnumerable<IReadOnlyList<string>> FinalStateRows(IReadOnlyList<Engine.SimulationResult> results)
    {
        var perScenario = results.Select(HeadlineFigures.FinalStates).ToList();
        var keys = perScenario.SelectMany(r => r.Select(x => (x.Actor, x.State))).Distinct().ToList();
        foreach (var (actor, state) in keys)
        {
            var row = new List<string> { actor, state };
            foreach (var rows in perScenario)
            {
                var match = rows.Where(x => x.Actor == actor && x.State == state).ToList();
                row.Add(match.Count == 0 ? "—" : Percent(match[0].Share));
            }
            yield return row;
        }
    }

    private static string Percent(double share) => double.IsNaN(share) ? "—" : (100 * share).ToString("0.0", Invariant) + "%";

    private static string Value(double v, string format) => double.IsNaN(v) ? "—" : v.ToString(format, Invariant);
}
