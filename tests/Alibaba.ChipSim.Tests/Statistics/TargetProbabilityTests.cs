using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Tests.Statistics;

public sealed class TargetProbabilityTests
{
    private static TargetSpec Below(string metric, double x) => new(metric, true, x, null, SourceLocation.None("<test>"));

    [Fact]
    public void Probability_counts_strictly_below_over_the_defined_trials_with_a_wilson_interval()
    {
        // Defined: 1, 2, 3, 4 (NaN left out); below 3: 1 and 2 → 2 of 4.
        var r = TargetProbability.Of([1, double.NaN, 2, 3, 4], Below("roi", 3));

        Assert.Equal(4, r.Count);
        Assert.Equal(0.5, r.Probability);
        Assert.Equal(ProportionInterval.Wilson(2, 4), r.Ci95);
    }

    [Fact]
    public void Above_is_strict_too()
    {
        var r = TargetProbability.Of([1, 2, 3, 3, 4], Below("roi", 3) with { Below = false });

        Assert.Equal(0.2, r.Probability);
    }

    [Fact]
    public void A_metric_defined_in_no_trial_has_no_probability()
    {
        var r = TargetProbability.Of([double.NaN, double.NaN], Below("roi", 3));

        Assert.Equal((0L, (double?)null, (ProportionInterval?)null), (r.Count, r.Probability, r.Ci95));
    }

    [Fact]
    public void On_base_p_roi_below_a_tenth_is_about_eleven_percent_and_p_incremental_revenue_below_5_about_forty()
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepoRoot.Scenarios, "base.yaml")).Scenario!;
        var result = SimulationEngine.Run(scenario, new RunOptions { Trials = 20_000, Seed = 7 });
        var targets = TargetProbability.Of(result, [Below("roi", 0.1), Below("incremental_revenue_cny_bn", 5)]);

        // The reference run at seed 7 (20,000 trials) gives 11.07% of 17,409 trials with a purchase and 40.595% of all.
        // Tolerance: 4 standard errors of a proportion, sqrt(p(1-p)/n).
        Assert.Equal(0.1107, targets[0].Probability!.Value, 4 * Math.Sqrt(0.11 * 0.89 / 17_409));
        Assert.Equal(0.40595, targets[1].Probability!.Value, 4 * Math.Sqrt(0.4 * 0.6 / 20_000));
        Assert.Equal(result.Column("roi")!.Values.Count(v => !double.IsNaN(v)), targets[0].Count);
    }

    [Fact]
    public void Targets_round_trip_through_summary_json_bit_for_bit()
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepoRoot.Scenarios, "base.yaml")).Scenario! with
        {
            Targets = [Below("roi", 0.1) with { Description = "in-horizon loss" }, Below("cloud_revenue_cny_bn_FY2027Q4", 50) with { Below = false }],
        };
        var summary = SummaryBuilder.Build(SimulationEngine.Run(scenario, new RunOptions { Trials = 2_000, Seed = 3 }));

        var json = SummaryJsonWriter.ToJson(summary);
        var back = SummaryJsonReader.Parse(json);

        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(">", doc.RootElement.GetProperty("targets")[1].GetProperty("op").GetString());
        Assert.Equal(summary.Targets.Select(t => (t.Target.Text, t.Target.Description, t.Count, t.Probability, t.Ci95)),
            back.Targets.Select(t => (t.Target.Text, t.Target.Description, t.Count, t.Probability, t.Ci95)));
    }
}
