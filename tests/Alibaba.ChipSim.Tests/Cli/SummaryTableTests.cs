using Alibaba.ChipSim.Cli.Rendering;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Tests.Support;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

public sealed class SummaryTableTests
{
    [Fact]
    public void Percentiles_interpolate_linearly_like_numpy()
    {
        // numpy.percentile([1, 2, 3, 4], 5) = 1 + 0.15 × (2 − 1) = 1.15; 50 → 2.5; 95 → 3.85.
        double[] sorted = [1, 2, 3, 4];
        Assert.Equal(1.15, ResultStatistics.Percentile(sorted, 0.05), 1e-12);
        Assert.Equal(2.5, ResultStatistics.Percentile(sorted, 0.50), 1e-12);
        Assert.Equal(3.85, ResultStatistics.Percentile(sorted, 0.95), 1e-12);
        Assert.True(double.IsNaN(ResultStatistics.Percentile([], 0.5)));
    }

    [Fact]
    public void Wilson_interval_matches_the_textbook_value()
    {
        // 50 of 100: centre 0.5, half-width 1.96 × sqrt(0.25/100 + 1.96²/40000) / (1 + 1.96²/100) = 0.0962.
        var values = Enumerable.Range(0, 100).Select(i => i < 50 ? 1.0 : 0.0).ToArray();
        var p = ResultStatistics.Wilson(values);
        Assert.Equal(0.5, p.P);
        Assert.Equal(0.40383, p.Low, 1e-5);
        Assert.Equal(0.59617, p.High, 1e-5);
        // 0 of 100 still gets a non-degenerate upper bound: 1.96² / (100 + 1.96²) = 0.0370.
        Assert.Equal(0.03699, ResultStatistics.Wilson(new double[100]).High, 1e-5);
    }

    [Fact]
    public void One_scenario_shows_headline_probabilities_spreads_and_final_shares()
    {
        var result = SimulationEngine.Run(TestScenarios.SpecExample(), new RunOptions { Trials = 4_000, Seed = 5, Threads = 1 });
        var console = new TestConsole().Width(160);
        console.Write(SummaryTable.Render([ResultStatistics.Headline(result)]));
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
        var options = new RunOptions { Trials = 2_000, Seed = 5, Threads = 1 };
        var figures = new[] { spec, other }.Select(s => ResultStatistics.Headline(SimulationEngine.Run(s, options))).ToList();
        var console = new TestConsole().Width(200);
        console.Write(SummaryTable.Render(figures));
        var header = console.Lines.First(l => l.Contains("example"));
        Assert.Contains("no_share", header);
        // No chips for Alibaba in the variant: its median is 0, and its ROI is missing in every trial.
        var chips = console.Lines.First(l => l.Contains("Chips delivered"));
        Assert.Contains("0 (0–0)", chips);
    }
}
