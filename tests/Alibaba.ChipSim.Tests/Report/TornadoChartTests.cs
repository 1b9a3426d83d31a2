using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Report;
using Alibaba.ChipSim.Statistics.Sensitivity;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Report;

public sealed class TornadoChartTests
{
    [Fact]
    public void A_scenario_with_its_sensitivity_gets_tornado_charts_named_in_words_on_a_minus_one_to_one_axis()
    {
        var result = SimulationEngine.Run(TestScenarios.SpecExample(), new RunOptions { Trials = 2000, Seed = 1, Threads = 1 });
        var plain = SyntheticResults.AsReportScenario(result, SyntheticResults.Date);
        var sensitivity = SensitivityBuilder.Build(result);
        var withSensitivity = plain with { Summary = plain.Summary with { Sensitivity = sensitivity } };

        var without = ReportBuilder.Build([plain], SyntheticResults.Date);
        var with = ReportBuilder.Build([withSensitivity], SyntheticResults.Date);

        Assert.DoesNotContain("sensitivity", without.Html);
        Assert.Contains("What moves the outcome: sensitivity", with.Html);
        Assert.Equal(without.Charts.Length + 2, with.Charts.Length);
        var tornado = Assert.Single(with.Charts, c => c.FileStem.EndsWith("-tornado-incremental-revenue-cny-bn", StringComparison.Ordinal));
        Assert.Equal("What moves incremental cloud revenue", tornado.Title);
        // The top input is named by its readable label, not its YAML path.
        var top = sensitivity.Output(MetricNames.IncrementalRevenueCnyBn)!.Inputs[0].Input;
        var label = ParameterLabels.Of(top, result.Scenario);
        Assert.NotEqual(top, label);
        Assert.Contains(">" + label + "<", TickText(tornado.Svg));
        Assert.DoesNotContain(top, tornado.Svg);
        // ρ axis ticks at −1 and +1 and nothing beyond.
        Assert.Contains(">−1<", TickText(tornado.Svg));
        Assert.Contains(">+1<", TickText(tornado.Svg));
        Assert.DoesNotContain(">−1.5<", TickText(tornado.Svg));
        Assert.DoesNotContain(">1.5<", TickText(tornado.Svg));
    }

    [Fact]
    public void Every_input_path_of_the_shipped_base_scenario_has_a_readable_label()
    {
        var scenario = ShippedScenarios.Load("base.yaml");
        foreach (var p in scenario.AllParameters())
        {
            var label = ParameterLabels.Of(p.Path, scenario);
            Assert.DoesNotContain(".", label.Replace("÷", "", StringComparison.Ordinal));
            Assert.DoesNotContain("_", label);
        }
    }

    /// <summary>The SVG with its text elements' glyphs joined, so that a tick label reads as "&gt;−1&lt;".</summary>
    private static string TickText(string svg) => System.Net.WebUtility.HtmlDecode(
        System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(svg, @"<text[^>]*>\s*", ">"), @"\s*</text>", "<"));
}
