using Alibaba.ChipSim.Cli.Rendering;
using Alibaba.ChipSim.Statistics.Sensitivity;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

public sealed class SensitivityTableTests
{
    [Fact]
    public void Inputs_are_listed_in_rank_order_with_rho_srrc_and_share()
    {
        var report = new SensitivityReport(["a", "b", "c"],
        [
            new OutputSensitivity("cloud_revenue_cny_bn", 1000, 0.9, [new("b", 0.8, 0.79, 0.85), new("a", -0.3, -0.31, 0.15), new("c", double.NaN, double.NaN, double.NaN)]),
        ]);
        var console = new TestConsole().Width(140);
        console.Write(SensitivityTable.Render("base", report));
        var text = console.Output;
        Assert.Contains("base: what moves cloud_revenue_cny_bn", text);
        Assert.Contains("1,000 trials; R² of the rank regression 0.90", text);
        var b = text.IndexOf("│ 1 │ b", StringComparison.Ordinal);
        var a = text.IndexOf("│ 2 │ a", StringComparison.Ordinal);
        Assert.True(b > 0 && a > b, text);
        Assert.Contains("+0.800", text);
        Assert.Contains("-0.310", text);
        Assert.Contains("85.0%", text);
        Assert.DoesNotContain("│ c ", text); // an input with no correlation (constant over the trials) is left out
    }
}
