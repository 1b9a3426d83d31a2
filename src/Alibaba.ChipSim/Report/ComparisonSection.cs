using System.Globalization;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Statistics.Comparison;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// The section comparing several scenarios: a side-by-side table, overlaid CDFs, and the paired difference of each
/// variant against the first scenario, trial by trial. A run conditioned on history is not paired: its trials carry
/// weights the other run does not share, so, as <c>chipsim diff</c> does, the page compares the weighted summaries
/// (the two-sample test, each se from its effective sample size) and draws the weighted CDFs side by side.
/// </summary>
internal static class ComparisonSection
{
    private static readonly MetricDisplay[] Compared =
        [MetricDisplay.IncrementalRevenue, MetricDisplay.Roi, MetricDisplay.ChipsDelivered];

    /// <summary>The metrics whose paired differences are drawn: the headline outcomes.</summary>
    private static readonly MetricDisplay[] PairedMetrics = [MetricDisplay.IncrementalRevenue, MetricDisplay.Roi];

    /// <summary>Writes the section into <paramref name="page"/>; its charts are drawn on up to <paramref name="threads"/> threads (every core when null).</summary>
    public static IEnumerable<ReportChart> Write(HtmlReport page, IReadOnlyList<ReportScenario> scenarios, IReadOnlyList<string> names, ChartScales scales,
        int? threads = null)
    {
        var charts = new List<ReportChart>();
        var results = scenarios.Select(s => s.Result).ToList();
        page.Raw("<section class=\"comparison\">\n").Heading(2, "Scenarios compared", "compare")
            .Paragraph("Each cell gives the median with the 5th–95th percentile range in brackets, or a probability. "
                + "Every chart below uses one axis range for all scenarios.");
        page.Table(["Figure", "Unit", .. names], Rows(scenarios), unitColumn: 1);
        page.Note(HeadlineFigures.RoiMeaning(results[0].Scenario));
        if (HistoryText.BayesFactors(scenarios.Select(s => s.Summary).ToList(), names) is { } factors) page.Paragraph(factors);
        var anyWeighted = results.Any(r => r.Weights is not null);
        page.Heading(3, anyWeighted ? "Final state of each actor (share of trials; of weight in a run conditioned on history)" : "Final state of each actor (share of trials)");
        page.Table(["Actor", "State", .. names], Cells.FinalStateRows(scenarios.Select(s => s.Summary).ToList()), textColumns: 2);

        // The charts are drawn side by side first (ChartJobs), then the section is written in its order.
        var jobs = new ChartJobs();
        var variants = new List<(string? Note, List<(MetricDisplay Metric, int Job)> Paired)>();
        for (var i = 1; i < scenarios.Count; i++)
        {
            if (scenarios[i].Provenance.Seed != scenarios[0].Provenance.Seed)
            {
                variants.Add(($"{names[i]} ran at a different seed from {names[0]}, so its trials are not paired: pass --seed to compare them trial by trial.", []));
                continue;
            }
            if (results[0].Weights is not null || results[i].Weights is not null)
            {
                variants.Add((Unpaired(scenarios[0], scenarios[i], names[0], names[i]), []));
                continue;
            }
            var pairedJobs = new List<(MetricDisplay, int)>();
            foreach (var paired in PairedMetrics)
            {
                var a = paired.ValuesOf(results[0]);
                var b = paired.ValuesOf(results[i]);
                if (a is null || b is null) continue;
                var stem = $"compare-{Slug.Of(names[i])}-minus-{Slug.Of(names[0])}-{Slug.Of(paired.Metric)}";
                var (nameA, nameB) = (names[0], names[i]);
                pairedJobs.Add((paired, jobs.Add(() => PairedDifferenceChart.Render(stem, paired, nameA, nameB, a, b))));
            }
            variants.Add((null, pairedJobs));
        }
        var firstJob = jobs.Add(() => FirstDeliveryChart.Render("compare-first-delivery", names.Zip(results).ToList()));
        var weights = anyWeighted ? results.Select(r => ChartWeights.Scaled(r.Weights)).ToList() : null;
        var comparedJobs = Compared.Select(display =>
        {
            var runs = names.Zip(results, (n, r) => (n, display.ValuesOf(r) ?? [])).ToList();
            return jobs.Add(() => ComparisonChart.Render($"compare-{Slug.Of(display.Metric)}-cdf", display, runs, scales.Of(display), weights));
        }).ToList();
        var drawn = jobs.Draw(threads);

        page.Heading(3, $"Each variant against {names[0]}, trial by trial");
        for (var v = 0; v < variants.Count; v++)
        {
            var (note, pairedCharts) = variants[v];
            if (note is not null)
            {
                page.Note(note);
                continue;
            }
            foreach (var (paired, job) in pairedCharts)
            {
                if (drawn[job] is not { } chart)
                {
                    page.Note($"{Capital(paired.ShortLabel)} is the same in {names[v + 1]} as in {names[0]} in every trial: what {names[v + 1]} changes does not reach it.");
                    continue;
                }
                charts.Add(chart);
                page.Figure(chart);
            }
        }

        page.Heading(3, "Distributions side by side");
        foreach (var job in comparedJobs.Prepend(firstJob))
        {
            var chart = drawn[job]!;
            charts.Add(chart);
            page.Figure(chart);
        }
        page.Raw("</section>\n");
        return charts;
    }

    /// <summary>
    /// Why a weighted pair is not drawn trial by trial, and the comparison <c>chipsim diff</c> makes instead: each headline
    /// outcome's change of the weighted mean with z = change / √(se_A² + se_B²), each se from its own effective sample size.
    /// </summary>
    private static string Unpaired(ReportScenario a, ReportScenario b, string nameA, string nameB)
    {
        var inv = CultureInfo.InvariantCulture;
        var which = a.Result.Weights is not null && b.Result.Weights is not null ? "both runs are" : (a.Result.Weights is not null ? nameA : nameB) + " is";
        var parts = new List<string>();
        foreach (var display in PairedMetrics)
        {
            if (a.Summary.Metric(display.Metric) is not { } ma || b.Summary.Metric(display.Metric) is not { } mb) continue;
            var c = RunComparer.Compare(Comparable(ma), Comparable(mb), RunComparer.DefaultZThreshold);
            if (c.Change is not { } change || c.Statistic is not { } z)
            {
                parts.Add($"{display.ShortLabel}: {c.Note ?? "not comparable"}");
                continue;
            }
            var se = Math.Sqrt(Square(ma.Se ?? 0) + Square(mb.Se ?? 0));
            var zText = double.IsInfinity(z) ? "" : $", z = {Minus(z.ToString("0.0", inv))}";
            parts.Add($"{display.ShortLabel}: mean {Minus(display.Scaled(change).ToString("+0.###;-0.###;0", inv))} ± {(2 * display.Scaled(se)).ToString("G2", inv)} (2 se) {display.Unit}{zText}"
                + (c.Significant ? ", beyond Monte Carlo error" : ", within Monte Carlo error"));
        }
        return $"{nameB} against {nameA}: not paired trial by trial, because {which} conditioned on history and the weights differ between the two, "
            + "so a per-trial difference would ignore them. As chipsim diff does, the weighted summaries are compared instead (each standard error from its effective sample size)"
            + (parts.Count > 0 ? ": " + string.Join("; ", parts) + "." : ".")
            + " The weighted distributions are drawn side by side below.";

        static ComparableMetric Comparable(MetricSummary m) => new(m.Name, m.Count, m.Mean, m.Se, null, null);
        static double Square(double x) => x * x;
        static string Minus(string s) => s.Replace("-", "−", StringComparison.Ordinal);
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
