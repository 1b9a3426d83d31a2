using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Tests.Scenarios;

namespace Alibaba.ChipSim.Tests.Sampling;

/// <summary>The loader runs the positive semi-definite check on a scenario's correlations.</summary>
public sealed class CorrelationValidationTests
{
    private static ScenarioLoadResult Load(string correlations) =>
        ScenarioLoader.LoadText(ScenarioTexts.SpecExample.Replace("  gross_margin: 0.35", "  gross_margin: 0.35\ncorrelations:\n" + correlations), "scenarios/mine.yaml");

    private static int LineOf(string text, string part) =>
        1 + text.AsSpan(0, text.IndexOf(part, StringComparison.Ordinal)).Count('\n');

    [Fact]
    public void Correlations_that_cannot_hold_together_are_errors_at_each_offending_pair()
    {
        const string pairs = """
              - { between: [economics.price_per_chip_usd, compute.utilization], rho: 0.9 }
              - { between: [economics.price_per_chip_usd, compute.h200_vs_h20], rho: 0.9 }
              - { between: [compute.utilization, compute.h200_vs_h20], rho: -0.9 }
            """;
        var result = Load(pairs);
        Assert.False(result.Succeeded);
        Assert.True(result.Errors.Count() == 3, string.Join("\n", result.Errors));
        Assert.Equal(["correlations[0]", "correlations[1]", "correlations[2]"], result.Errors.Select(e => e.KeyPath).Order());
        var text = ScenarioTexts.SpecExample.Replace("  gross_margin: 0.35", "  gross_margin: 0.35\ncorrelations:\n" + pairs);
        var first = result.Errors.Single(e => e.KeyPath == "correlations[0]");
        Assert.Equal(LineOf(text, "rho: 0.9 }"), first.Location.Line);
        Assert.Equal(5, first.Location.Column); // the pair's flow map, after "  - "
        Assert.Contains("not positive semi-definite", first.Message);
        Assert.Contains($"compute.utilization ~ compute.h200_vs_h20 (rho -0.9, line {LineOf(text, "rho: -0.9")})", first.Message);
    }

    [Fact]
    public void Consistent_correlations_load_into_the_scenario()
    {
        var result = Load("  - { between: [economics.price_per_chip_usd, shipments.buyer_share], rho: -0.5 }");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var pair = Assert.Single(result.Scenario!.Correlations);
        Assert.Equal(-0.5, pair.Rho);
    }
}
