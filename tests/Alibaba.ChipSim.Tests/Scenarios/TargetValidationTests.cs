using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Tests.Scenarios;

/// <summary><c>targets:</c> in a scenario: read with positions, checked against the scenario's metrics.</summary>
public sealed class TargetValidationTests
{
    private static readonly string Base = File.ReadAllText(Path.Combine(RepoRoot.Scenarios, "base.yaml"));

    private static ScenarioLoadResult Load(string targets) =>
        ScenarioLoader.LoadText(Base + "\ntargets:\n" + targets, Path.Combine(RepoRoot.Scenarios, "with-targets.yaml"));

    /// <summary>The line of the first target: the one after "targets:".</summary>
    private static int FirstTargetLine => (Base + "\ntargets:\n").Split('\n').Length;

    [Fact]
    public void Targets_are_read_in_file_order_with_their_operator_threshold_and_description()
    {
        var result = Load("  - { metric: roi, below: 0.1, description: loses money in the horizon }\n  - { metric: cloud_revenue_cny_bn_FY2028Q4, above: 60 }\n");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var targets = result.Scenario.Targets;
        Assert.Equal(2, targets.Length);
        Assert.Equal(new TargetSpec("roi", true, 0.1, "loses money in the horizon", targets[0].Location), targets[0]);
        Assert.Equal("cloud_revenue_cny_bn_FY2028Q4>60", targets[1].Text);
    }

    [Fact]
    public void An_unknown_metric_is_an_error_at_its_position_with_a_did_you_mean()
    {
        var result = Load("  - { metric: rio, below: 0.1 }\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal("targets[0].metric", error.KeyPath);
        Assert.Equal("'rio' is not a per-trial metric of this scenario (did you mean 'roi'?)", error.Message);
        Assert.Equal(FirstTargetLine, error.Location.Line);
        Assert.Equal(15, error.Location.Column);
    }

    [Fact]
    public void A_quarter_outside_the_horizon_is_not_a_metric()
    {
        var result = Load("  - { metric: cloud_revenue_cny_bn_FY2030Q1, above: 60 }\n");

        Assert.Contains("is not a per-trial metric", Assert.Single(result.Errors).Message);
    }

    [Theory]
    [InlineData("  - { metric: roi, below: 0.1, above: 0.5 }\n", "gives both below and above")]
    [InlineData("  - { metric: roi }\n", "needs below: X (for P(metric < X)) or above: X (for P(metric > X))")]
    [InlineData("  - { metric: roi, under: 0.1 }\n", "unknown key 'under'")]
    [InlineData("  - { metric: roi, below: low }\n", "expected a number (got a text of 3 characters)")]
    public void A_target_needs_exactly_one_of_below_and_above(string yaml, string message)
    {
        var result = Load(yaml);

        Assert.Contains(result.Errors, e => e.Message.Contains(message, StringComparison.Ordinal) && e.KeyPath.StartsWith("targets[0]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("roi<0.1", "roi", true, 0.1)]
    [InlineData("incremental_revenue_cny_bn>5", "incremental_revenue_cny_bn", false, 5)]
    [InlineData(" roi < -1e-3 ", "roi", true, -0.001)]
    [InlineData("cloud_revenue_cny_bn_FY2027Q4>45.5", "cloud_revenue_cny_bn_FY2027Q4", false, 45.5)]
    public void Command_line_targets_parse_metric_operator_and_number(string text, string metric, bool below, double threshold)
    {
        var t = TargetSpec.TryParse(text, out var error);

        Assert.Null(error);
        Assert.Equal((metric, below, threshold), (t!.Metric, t.Below, t.Threshold));
    }

    [Theory]
    [InlineData("roi")]
    [InlineData("roi<<0.1")]
    [InlineData("roi<=0.1")]
    [InlineData("<0.1")]
    [InlineData("roi<0,1")]
    [InlineData("roi<NaN")]
    public void Malformed_command_line_targets_are_refused_naming_the_argument(string text)
    {
        Assert.Null(TargetSpec.TryParse(text, out var error));
        Assert.StartsWith($"--target '{text}': expected METRIC<NUMBER or METRIC>NUMBER", error);
    }
}
