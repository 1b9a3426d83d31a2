using System.Text.Json;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Statistics.Convergence;
using Alibaba.ChipSim.Statistics.Sensitivity;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Sensitivity;

public sealed class SensitivitySummaryJsonTests
{
    private static RunSummary WithSections() => SummaryBuilder.Build(HandMadeResults.FourTrials()) with
    {
        Sensitivity = new SensitivityReport(
            ["a", "b"],
            [
                new OutputSensitivity("cloud_revenue_cny_bn", 4, 0.9, [new("a", 0.8, 0.75, 0.9), new("b", -0.2, -0.25, 0.1)]),
                new OutputSensitivity("roi", 3, double.NaN, [new("a", double.NaN, double.NaN, double.NaN), new("b", 0.5, 0.5, 1)]),
            ]),
        Convergence = new ConvergenceTrace(new SeTarget("roi", 0.01), 1000, 50_000, true,
            [new ConvergencePoint(1000, 990, 1.5, 0.02), new ConvergencePoint(2000, 1985, 1.49, 0.0099)]),
    };

    [Fact]
    public void Sensitivity_and_convergence_come_after_the_metrics_with_undefined_numbers_as_null()
    {
        using var document = JsonDocument.Parse(SummaryJsonWriter.ToJson(WithSections()));
        var root = document.RootElement;
        Assert.Equal(["sensitivity", "convergence"], root.EnumerateObject().Select(p => p.Name).TakeLast(2));
        var sensitivity = root.GetProperty("sensitivity");
        Assert.Contains("srrc", sensitivity.GetProperty("method").GetString());
        var roi = sensitivity.GetProperty("outputs").GetProperty("roi");
        Assert.Equal(JsonValueKind.Null, roi.GetProperty("rank_regression_r2").ValueKind);
        Assert.Equal(JsonValueKind.Null, roi.GetProperty("inputs")[0].GetProperty("spearman").ValueKind);
        var trace = root.GetProperty("convergence").GetProperty("trace");
        Assert.Equal(2, trace.GetArrayLength());
        Assert.Equal(2000, trace[1].GetProperty("trials").GetInt64());
    }

    [Fact]
    public void Both_sections_read_back_as_written()
    {
        var written = WithSections();
        var read = SummaryJsonReader.Parse(SummaryJsonWriter.ToJson(written));
        Assert.Equal(written.Sensitivity!.Inputs.ToArray(), read.Sensitivity!.Inputs.ToArray());
        Assert.Equal(written.Sensitivity.Outputs[0].Inputs.ToArray(), read.Sensitivity.Outputs[0].Inputs.ToArray());
        Assert.True(double.IsNaN(read.Sensitivity.Outputs[1].RankRegressionR2));
        Assert.Equal(written.Convergence!.Points.ToArray(), read.Convergence!.Points.ToArray());
        Assert.Equal(written.Convergence with { Points = [] }, read.Convergence with { Points = [] });
    }
}
