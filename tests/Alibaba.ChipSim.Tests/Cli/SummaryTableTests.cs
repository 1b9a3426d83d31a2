using Alibaba.ChipSim.Cli.Rendering;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Tests.Support;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

public sealed class SummaryTableTests
{
    private static HeadlineFigures Figures(Scenario s, long trials = 4_000) =>
        HeadlineBuilder.From(SummaryBuilder.Build(SimulationEngine.Run(s, new RunOptions { Trials = trials, Seed = 5, Threads = 1 })),
            s.Shipments.Deadline.ToString());

    [Fact]
    public void Headline_figures_come_from_the_run_summary()
    {
        var s = TestScenarios.SpecExample();
        var result = SimulationEngine.Run(s, new RunOptions { Trials = 4_000, Seed = 5, Threads = 1 });
        var summary = SummaryBuilder.Build(result);
        var f = HeadlineBuilder.From(summary, "2026-02");
        Assert.Equal(summary.Metric(MetricNames.DeliveredByDeadline)!.Probability, f.DeliveredByDeadline.P);
        Assert.Equal(summary.Metric(MetricNames.NothingDelivered)!.Ci95!.Value.High, f.NothingDelivered.High);
        var chips = f.Spreads.Single(x => x.Metric == MetricNames.ChipsDelivered);
        Assert.Equal(summary.Metric(MetricNames.ChipsDelivered)!.P95, chips.P95);
        Assert.Equal(["washington", "beijing"], f.Finals.Select(a => a.Actor));
        Assert.Equal(1.0, f.Finals[0].Shares.Sum(), 1e-12);
    }

    [Fact]
    public void One_scenario_shows_headline_probabilities_spreads_and_final_shares()
    {
        var console = new TestConsole().Width(160);
        console.Write(SummaryTable.Render([Figures(TestScenarios.SpecExample())]));
        var text = console.Output;
        Assert.Contains("example", text);
        Assert.Contains("Delivered by the deadline (2026-02)", text);
        Assert.Contains("Nothing delivered within the horizon", text);
        Assert.Contains("Chips delivered to Alibaba", text);
        Assert.Contains("ROI (gross profit / cost)", text);
        Assert.Contains("washington ends licensed", text);
        Assert.Contains("beijing ends banned", text);
    }

    [Fact]
    public void Several_scenarios_are_shown_side_by_side()
    {
        var spec = TestScenarios.SpecExample();
        var other = spec with { Name = "no_share", Shipments = spec.Shipments with { BuyerShare = TestScenarios.P("shipments.buyer_share", 0) } };
        var console = new TestConsole().Width(200);
        console.Write(SummaryTable.Render([Figures(spec, 2_000), Figures(other, 2_000)]));
        var header = console.Lines.First(l => l.Contains("example"));
        Assert.Contains("no_share", header);
        // No chips for Alibaba in the variant: its median is 0, and its ROI is missing in every trial.
        Assert.Contains("0 (0–0)", console.Lines.First(l => l.Contains("Chips delivered")));
        Assert.EndsWith("– │", console.Lines.First(l => l.Contains("ROI")).TrimEnd());
    }

    [Theory]
    [InlineData(1234567.8, "1,234,568")]
    [InlineData(123.4, "123")]
    [InlineData(12.34, "12.3")]
    [InlineData(0.5612, "0.56")]
    [InlineData(0, "0")]
    [InlineData(double.NaN, "–")]
    public void Numbers_are_shown_with_sensible_precision_in_invariant_culture(double value, string shown) =>
        Assert.Equal(shown, SummaryTable.Number(value));
}
