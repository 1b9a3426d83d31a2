using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Scenarios;

public sealed class ScenarioLoaderTests
{
    [Fact]
    public void The_spec_example_loads_into_the_same_scenario_as_the_one_built_in_code()
    {
        var result = ScenarioLoader.LoadText(ScenarioTexts.SpecExample, "example.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.True(result.Succeeded);
        var expected = TestScenarios.SpecExample();
        var actual = result.Scenario;
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Calendar, actual.Calendar);
        Assert.Equal(expected.Simulation, actual.Simulation);
        Assert.Equal(expected.Shipments.FirstDelivery, actual.Shipments.FirstDelivery);
        Assert.Equal(expected.Shipments.Deadline, actual.Shipments.Deadline);
        Assert.Equal(expected.Revenue.BaseMonth, actual.Revenue.BaseMonth);
        // Every parameter: same path, same distribution, in the same order.
        var want = expected.AllParameters().Select(p => (p.Path, p.Distribution)).ToList();
        var got = actual.AllParameters().Select(p => (p.Path, p.Distribution)).ToList();
        Assert.Equal(want, got);
        Assert.Equal(expected.Actors.Select(a => (a.Name, a.Initial)), actual.Actors.Select(a => (a.Name, a.Initial)));
        for (var i = 0; i < expected.Actors.Length; i++)
        {
            Assert.Equal(expected.Actors[i].States.Select(s => (s.Name, s.Final)), actual.Actors[i].States.Select(s => (s.Name, s.Final)));
            Assert.Equal(
                expected.Actors[i].Transitions.Select(t => (t.From, t.To, t.Monthly?.Path, t.At, string.Join(",", t.When))),
                actual.Actors[i].Transitions.Select(t => (t.From, t.To, t.Monthly?.Path, t.At, string.Join(",", t.When))));
        }
    }

    [Fact]
    public void Parameters_point_at_the_line_and_column_of_their_value()
    {
        var result = ScenarioLoader.LoadText(ScenarioTexts.SpecExample, "example.yaml");

        var initial = result.Scenario!.Shipments.InitialModules;
        Assert.Equal(new SourceLocation("example.yaml", ScenarioTexts.LineOf(ScenarioTexts.SpecExample, "initial_modules:"), 20), initial.Location);
    }

    [Fact]
    public void Optional_keys_take_their_documented_defaults()
    {
        var text = ScenarioTexts.SpecExample
            .Replace("  quarters: fiscal            # fiscal (year ends in March) | calendar\n", "")
            .Replace("  sampling: monte-carlo       # monte-carlo | latin-hypercube\n", "")
            .Replace("  deadline: 2026-02\n", "")
            .Replace("  chips_per_module: 8\n", "")
            .Replace("  export_fee_rate: 0.25\n", "")
            .Replace("  fee_pass_through: { dist: uniform, min: 0.5, max: 1.0 }\n", "")
            .Replace("  supply_cap_modules: 60000\n", "");

        var result = ScenarioLoader.LoadText(text, "defaults.yaml");

        Assert.Empty(result.Diagnostics);
        var s = result.Scenario!;
        Assert.Equal(QuarterConvention.Fiscal, s.Calendar.Quarters);
        Assert.Equal(SamplingMethod.MonteCarlo, s.Simulation.Sampling);
        Assert.Equal(s.Shipments.FirstDelivery, s.Shipments.Deadline);
        Assert.Equal(new FixedDistribution(8), s.Shipments.ChipsPerModule.Distribution);
        Assert.Equal(new FixedDistribution(0.25), s.Economics.ExportFeeRate.Distribution);
        Assert.Equal(new FixedDistribution(1), s.Economics.FeePassThrough.Distribution);
        Assert.Null(s.Shipments.SupplyCapModules);
    }

    [Fact]
    public void The_hash_is_the_sha256_of_the_file_bytes_and_the_source_files_list_the_file()
    {
        var result = ScenarioLoader.LoadText(ScenarioTexts.SpecExample, "example.yaml");

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ScenarioTexts.SpecExample)));
        Assert.Equal(expected, result.Scenario!.Sha256);
        Assert.Equal(["example.yaml"], result.Scenario.SourceFiles.ToArray());
    }

    [Fact]
    public void A_missing_file_is_a_diagnostic_not_an_exception()
    {
        var result = ScenarioLoader.Load("no/such/file.yaml");

        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("no/such/file.yaml: file not found: no/such/file.yaml", d.ToString());
    }

    [Fact]
    public void Numbers_are_read_and_written_in_invariant_culture_whatever_the_current_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var good = ScenarioLoader.LoadText(ScenarioTexts.SpecExample, "x.yaml");
            var bad = ScenarioLoader.LoadText(ScenarioTexts.SpecExample.Replace("ai_share: 0.2", "ai_share: 1.5"), "x.yaml");

            Assert.Equal(new FixedDistribution(0.35), good.Scenario!.Revenue.GrossMargin.Distribution);
            Assert.Equal("must be in [0, 1] (got 1.5)", Assert.Single(bad.Diagnostics).Message);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }
}
