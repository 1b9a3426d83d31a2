using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Tests.Scenarios;

/// <summary>Legitimate in a variant but usually a slip: warnings (the scenario loads), errors under strict mode.</summary>
public sealed class WarningTests
{
    // A variant that starts Beijing in 'banned' (docs/scenario-format.md#validation-and-warnings): the other states cannot be reached.
    private static readonly string BannedFromTheStart = ScenarioTexts.SpecExample.Replace("initial: under_review", "initial: banned");

    [Fact]
    public void Unreachable_states_are_warnings_at_each_state_and_the_scenario_still_loads()
    {
        var result = ScenarioLoader.LoadText(BannedFromTheStart, "v.yaml");

        Assert.True(result.Succeeded);
        Assert.Equal(4, result.Warnings.Count());
        var first = result.Warnings.First();
        var line = ScenarioTexts.LineOf(BannedFromTheStart, "under_review: { gate: 0 }");
        Assert.Equal($"v.yaml:{line}:7: warning: actors.beijing.states.under_review: state 'under_review' of beijing is unreachable from the initial state 'banned'", first.ToString());
    }

    [Fact]
    public void Under_strict_mode_warnings_are_errors_and_nothing_loads()
    {
        var result = ScenarioLoader.LoadText(BannedFromTheStart, "v.yaml", strict: true);

        Assert.False(result.Succeeded);
        Assert.Equal(4, result.Errors.Count());
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_scheduled_date_outside_the_horizon_is_a_warning()
    {
        var text = ScenarioTexts.SpecExample.Replace("at: 2026-09", "at: 2028-09");

        var result = ScenarioLoader.LoadText(text, "v.yaml");

        var w = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Warning, w.Severity);
        Assert.Equal("actors.beijing.transitions[3].at", w.KeyPath);
        Assert.Equal("2028-09 is outside the simulated months 2025-12 to 2027-12; this transition never fires", w.Message);
    }

    [Fact]
    public void A_first_delivery_outside_the_horizon_is_a_warning()
    {
        var text = ScenarioTexts.SpecExample.Replace("first_delivery: 2026-02", "first_delivery: 2025-02");

        var w = Assert.Single(ScenarioLoader.LoadText(text, "v.yaml").Diagnostics);

        Assert.Equal(Severity.Warning, w.Severity);
        Assert.Equal(new SourceLocation("v.yaml", ScenarioTexts.LineOf(text, "first_delivery:"), 19), w.Location);
        Assert.Contains("2025-02 is outside the simulated months 2025-12 to 2027-12", w.Message);
    }

    [Fact]
    public void A_deadline_before_the_first_delivery_is_a_warning()
    {
        var text = ScenarioTexts.SpecExample.Replace("deadline: 2026-02", "deadline: 2026-01");

        var w = Assert.Single(ScenarioLoader.LoadText(text, "v.yaml").Diagnostics);

        Assert.Equal(Severity.Warning, w.Severity);
        Assert.Equal("deadline 2026-01 is before first_delivery 2026-02, so delivered_by_deadline is always 0", w.Message);
    }
}
