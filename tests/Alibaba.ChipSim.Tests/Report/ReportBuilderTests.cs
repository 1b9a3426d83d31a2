using System.Globalization;
using System.Text.RegularExpressions;
using Alibaba.ChipSim.Report;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Report;

public sealed class ReportBuilderTests
{
    private static readonly ReportScenario Base = SyntheticResults.AsReportScenario(SyntheticResults.Make("base", 500, 1), SyntheticResults.Date);
    private static readonly ReportScenario Blocks = SyntheticResults.AsReportScenario(SyntheticResults.Make("beijing-blocks", 500, 2, 0.3), SyntheticResults.Date);

    [Fact]
    public void The_page_states_what_a_reader_needs_to_reproduce_the_run()
    {
        var html = ReportBuilder.Build([Base], SyntheticResults.Date).Html;
        Assert.Contains("<dt>Scenario</dt><dd>base</dd>", html);
        Assert.Contains($"<dt>Scenario SHA-256</dt><dd>{new string('a', 64)}</dd>", html);
        Assert.Contains("<dt>Seed</dt><dd>20251223</dd>", html);
        Assert.Contains("<dt>Trials</dt><dd>500</dd>", html);
        Assert.Contains($"<dt>Engine</dt><dd>{EngineInfo.Name}</dd>", html);
        Assert.Contains("<dt>Date</dt><dd>2026-01-15 09:30:00 UTC+00:00</dd>", html);
    }

    [Fact]
    public void The_roi_note_says_which_roi_is_which_when_the_scenario_values_the_chips_over_their_life()
    {
        // base.yaml: a 28-month horizon from 2025-12, chips valued over 60 months at 9% a year.
        var scenario = Alibaba.ChipSim.Scenarios.ScenarioLoader.Load(Path.Combine(RepoRoot.Scenarios, "base.yaml")).Scenario!;
        var withoutLife = scenario with { Economics = scenario.Economics with { ValueOverLife = null } };

        var note = HeadlineFigures.RoiMeaning(scenario);

        Assert.Contains("gross profit within the 28-month horizon (2025-12 to 2028-03)", note);
        Assert.Contains("Lifetime ROI is the other one: discounted gross profit over each chip's 60-month useful life", note);
        Assert.Contains("at 9% a year", note);
        Assert.DoesNotContain("Lifetime ROI", HeadlineFigures.RoiMeaning(withoutLife));
    }

    [Fact]
    public void A_run_conditioned_on_history_states_its_ess_warns_when_it_is_low_and_compares_the_evidence()
    {
        // Given two conditioned runs of 500 trials: ess 480 (under 1,000: low) and ess 40, log evidence -6.5 and -9.0.
        var asOf = Alibaba.ChipSim.Scenarios.Month.Of(2026, 6);
        var a = Base with { Summary = Base.Summary with { History = new Alibaba.ChipSim.Statistics.HistorySummary(asOf, 500, 480, -6.5) } };
        var b = Blocks with { Summary = Blocks.Summary with { History = new Alibaba.ChipSim.Statistics.HistorySummary(asOf, 90, 40, -9.0) } };

        var html = ReportBuilder.Build([a, b], SyntheticResults.Date).Html;
        var plain = ReportBuilder.Build([Base, Blocks], SyntheticResults.Date).Html;

        Assert.Contains("Conditioned on what was observed through 2026-06: 500 of 500 trials", html);
        Assert.Contains("Conditioned on what was observed through 2026-06: 90 of 500 trials", html);
        Assert.Contains("Effective sample size 40; log evidence -9.000.", html);
        Assert.Contains("Warning: the effective sample size is only 40 (8% of the trials)", html);
        Assert.Contains("Log Bayes factors against base (log evidence differences; above 0 the facts favour the scenario): beijing-blocks -2.500.", html);
        Assert.DoesNotContain("Conditioned on what was observed", plain);
        Assert.DoesNotContain("Log Bayes factors", plain);
        Assert.True(Alibaba.ChipSim.Report.HistoryText.IsLow(999, 10_000) && Alibaba.ChipSim.Report.HistoryText.IsLow(9_999, 1_000_000)
            && !Alibaba.ChipSim.Report.HistoryText.IsLow(10_000, 1_000_000));
    }

    [Fact]
    public void Targets_are_shown_with_the_summarys_probability_and_interval()
    {
        // Given a summary with one target: P(roi < 0.1) = 0.25 over 400 trials, Wilson [0.2100, 0.2947].
        var target = new Alibaba.ChipSim.Scenarios.TargetSpec("roi", true, 0.1, null, Alibaba.ChipSim.Scenarios.SourceLocation.None("x.yaml"));
        var result = new Alibaba.ChipSim.Statistics.TargetResult(target, 400, 0.25, Alibaba.ChipSim.Statistics.ProportionInterval.Wilson(100, 400));
        var withTarget = Base with { Summary = Base.Summary with { Targets = [result] } };

        var html = ReportBuilder.Build([withTarget], SyntheticResults.Date).Html;
        var plain = ReportBuilder.Build([Base], SyntheticResults.Date).Html;

        Assert.Contains("Targets: how likely each threshold is", html);
        Assert.Contains("<td class=\"text\">roi&lt;0.1</td>", html);
        Assert.Contains("25.0%", html);
        Assert.Contains("21.0% – 29.5%", html);
        Assert.DoesNotContain("Targets: how likely", plain);
    }

    [Fact]
    public void The_page_is_self_contained_every_image_is_a_data_uri_and_nothing_is_fetched()
    {
        var report = ReportBuilder.Build([Base, Blocks], SyntheticResults.Date);
        // Charts are inline SVG; the only images are diagrams, as data URIs.
        Assert.Equal(report.Charts.Length, Regex.Matches(report.Html, "<svg[^>]*class=\"chart\"").Count);
        var sources = Regex.Matches(report.Html, "src=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.All(sources, s => Assert.StartsWith("data:image/", s));
        Assert.DoesNotMatch("(href|src)=\"(https?:)?//", report.Html);
        Assert.DoesNotContain("<link", report.Html);
    }

    [Fact]
    public void Several_scenarios_get_a_comparison_section_with_overlaid_cdfs_and_a_side_by_side_table()
    {
        var one = ReportBuilder.Build([Base], SyntheticResults.Date);
        var two = ReportBuilder.Build([Base, Blocks], SyntheticResults.Date);
        Assert.DoesNotContain("Scenarios compared", one.Html);
        Assert.Contains("<th>base</th><th>beijing-blocks</th>", two.Html);
        Assert.Contains(two.Charts, c => c.FileStem == "compare-first-delivery");
        Assert.Contains(two.Charts, c => c.FileStem == "compare-roi-cdf");
        // Two sections, the first-delivery comparison, three overlaid CDFs and two paired-difference charts.
        Assert.Contains(two.Charts, c => c.FileStem == "compare-beijing-blocks-minus-base-incremental-revenue-cny-bn");
        Assert.Equal(2 * one.Charts.Length + 6, two.Charts.Length);
    }

    [Fact]
    public void Every_chart_is_a_png_and_an_svg_under_a_unique_file_name()
    {
        var report = ReportBuilder.Build([Base, Base], SyntheticResults.Date);
        Assert.Equal(report.Charts.Length, report.Charts.Select(c => c.FileStem).Distinct().Count());
        Assert.Contains(report.Charts, c => c.FileStem.StartsWith("base-2-", StringComparison.Ordinal));
        Assert.All(report.Charts, c =>
        {
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], c.Png[..4]);
            Assert.Contains("<svg", c.Svg);
        });
        // Inline SVGs share one document: their clip-path ids must not collide.
        var ids = Regex.Matches(report.Html, "<clipPath id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void The_report_reads_the_same_under_a_culture_with_decimal_commas()
    {
        var invariant = ReportBuilder.Build([Base], SyntheticResults.Date);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var german = ReportBuilder.Build([Base], SyntheticResults.Date);
            Assert.Equal(invariant.Html, german.Html);
            Assert.Equal(invariant.Charts.Select(c => c.Svg), german.Charts.Select(c => c.Svg));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}

public sealed class ReportContentTests
{
    private static readonly ReportScenario Base = SyntheticResults.AsReportScenario(SyntheticResults.Make("base", 500, 1), SyntheticResults.Date);

    [Fact]
    public void The_assumptions_table_gives_each_inputs_label_path_and_distribution_as_written()
    {
        var scenario = ShippedScenarios.Load("base.yaml");
        var rows = AssumptionsTable.Rows(scenario).ToList();
        var price = Assert.Single(rows, r => r[1] == "economics.price_per_chip_usd");
        Assert.Equal(["Price per H200 chip (USD)", "economics.price_per_chip_usd", "PERT(24,000, 27,000, 31,000)", "once per trial"], price);
        Assert.Equal("0.25", Assert.Single(rows, r => r[1] == "economics.export_fee_rate")[2]);
        Assert.Equal("lognormal(mean 1.3, sd 0.35)", Assert.Single(rows, r => r[1] == "revenue.ai_demand_growth_yoy")[2]);
        Assert.Equal("normal(mean 0.15, sd 0.05) truncated to [−0.1, 0.4]", Assert.Single(rows, r => r[1] == "revenue.non_ai_growth_yoy")[2]);
        Assert.Equal("discrete(1, 2, 3; weights 0.3, 0.5, 0.2)", Assert.Single(rows, r => r[1] == "shipments.deployment_lag_months")[2]);
        Assert.Equal(scenario.AllParameters().Count(), rows.Count(r => r[3] != "date"));
    }

    [Fact]
    public void The_page_has_an_incremental_revenue_fan_beside_the_total_revenue_fan()
    {
        var report = ReportBuilder.Build([Base], SyntheticResults.Date);
        Assert.Contains(report.Charts, c => c.FileStem == "base-fan-cloud-revenue");
        Assert.Contains(report.Charts, c => c.FileStem == "base-fan-incremental-revenue");
    }

    [Fact]
    public void Spend_is_in_USD_m_as_on_the_console()
    {
        var html = ReportBuilder.Build([Base], SyntheticResults.Date).Html;
        Assert.Contains("<td class=\"text\">Alibaba&#39;s spend on H200s, fee included</td><td class=\"unit\">USD m</td>", html);
    }

    [Fact]
    public void A_scenario_where_nothing_ships_states_its_flat_metrics_in_words()
    {
        // openness 0: no trial delivers, so incremental revenue is 0 in every trial and ROI is undefined.
        var none = SyntheticResults.AsReportScenario(SyntheticResults.Make("closed", 300, 3, 0), SyntheticResults.Date);
        var report = ReportBuilder.Build([none], SyntheticResults.Date);
        Assert.DoesNotContain(report.Charts, c => c.FileStem.Contains("incremental-revenue-histogram", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Charts, c => c.FileStem.Contains("roi-", StringComparison.Ordinal));
        Assert.Contains("0.00 CNY bn in every one of the 300 trials", report.Html);
        Assert.DoesNotContain("(90% of trials between 0.00 and 0.00)", report.Html);
    }

    [Fact]
    public void Printed_the_first_section_starts_on_the_first_page_and_headings_stay_with_what_follows()
    {
        Assert.Contains("section + section { break-before: page; }", HtmlPage.Css);
        Assert.DoesNotContain("section.scenario, section.comparison { break-before: page; }", HtmlPage.Css);
        Assert.Contains("h2, h3 { break-after: avoid; }", HtmlPage.Css);
        Assert.Contains("figure, table, dl.provenance, p.note, p.brief { break-inside: avoid; }", HtmlPage.Css);
    }
}
