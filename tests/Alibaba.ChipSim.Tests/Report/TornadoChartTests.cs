using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Report;
using Alibaba.ChipSim.Statistics.Sensitivity;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Report;

public sealed class TornadoChartTests
{
    [Fact]
    public void A_scenario_with_its_sensitivity_gets_tornado_charts_of_incremental_and_cloud_revenue()
    {
        var result = SimulationEngine.Run(TestScenarios.SpecExample(), new RunOptions { Trials = 2000, Seed = 1, Threads = 1 });
        var plain = SyntheticResults.AsReportScenario(result, SyntheticResults.Date);
        var withSensitivity = plain with { Sensitivity = SensitivityBuilder.Build(result) };

        var without = ReportBuilder.Build([plain], SyntheticResults.Date);
        var with = ReportBuilder.Build([withSensitivity], SyntheticResults.Date);

        Assert.DoesNotContain("sensitivity", without.Html);
        Assert.Contains("What moves the outcome: sensitivity", with.Html);
        Assert.Equal(without.Charts.Length + 2, with.Charts.Length);
        var tornado = Assert.Single(with.Charts, c => c.FileStem.EndsWith("-tornado-incremental-revenue-cny-bn", StringComparison.Ordinal));
        // The top input by |ρ| is named on the chart.
        var top = withSensitivity.Sensitivity!.Output(MetricNames.IncrementalRevenueCnyBn)!.Inputs[0].Input;
        Assert.Contains(top, tornado.Svg);
        Assert.Contains("<svg", tornado.Svg);
    }
}
