using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Scenarios.History;

public sealed class HistoryValidationTests
{
    private static ScenarioLoadResult Load(string history) =>
        ScenarioLoader.LoadText("name: mine\nextends: base.yaml\nhistory:\n" + history, Path.Combine(RepoRoot.Scenarios, "mine.yaml"));

    private const string Valid = """
          as_of: 2026-06
          actors:
            washington:
              - { from: 2025-12, state: rescinded }
              - { from: 2026-03, state: licensed }
            beijing:
              - { from: 2026-01, state: discouraged }
          shipments:
            - { from: 2026-02, to: 2026-06, modules: 0 }
            - { from: 2026-01, to: 2026-01, modules: { min: 0, max: 500 } }
          revenue:
            residual_sd: 0.02
            quarters: { FY2026Q4: 41.6 }
        """;

    [Fact]
    public void A_valid_history_is_read_into_the_scenario()
    {
        var result = Load(Valid);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var h = result.Scenario!.History!;
        Assert.Equal(Month.Of(2026, 6), h.AsOf);
        Assert.Equal(["washington", "beijing"], h.Actors.Select(a => a.Actor));
        Assert.Equal(["rescinded", "licensed"], h.Actors[0].Entries.Select(e => e.State));
        Assert.Equal((0L, 0L), (h.Shipments[0].MinModules, h.Shipments[0].MaxModules));
        Assert.Equal((0L, 500L), (h.Shipments[1].MinModules, h.Shipments[1].MaxModules));
        Assert.Equal(0.02, h.Revenue!.ResidualSd);
        Assert.Equal("FY2026Q4", h.Revenue.Quarters.Single().Quarter);
    }

    [Fact]
    public void An_empty_history_file_says_it_holds_no_history_not_no_scenario()
    {
        using var dir = new TempFolder();
        var path = dir.Write("empty-history.yaml", "# nothing observed yet\n");

        var result = Alibaba.ChipSim.Scenarios.History.HistoryFile.Apply(path, ShippedScenarios.Load("base.yaml"));

        var d = Assert.Single(result.Errors);
        Assert.Equal($"{path}:1:1: the file holds no history: expected history: (as_of, actors, shipments, revenue), as a scenario would", d.ToString());
    }

    [Fact]
    public void A_scenario_without_history_has_none()
    {
        Assert.Null(ShippedScenarios.Load("base.yaml").History);
    }

    [Theory]
    [InlineData("  as_of: 2031-01\n", "mine.yaml:4:10: history.as_of: 2031-01 lies outside the horizon 2025-12…2028-03")]
    [InlineData("  actors: { washington: [] }\n", "history.actors.washington: expected a list")]
    [InlineData("  as_of: 2026-06\n  actors:\n    washingtn:\n      - { from: 2026-01, state: licensed }\n", "mine.yaml:6:5: history.actors.washingtn: no such actor (did you mean 'washington'?)")]
    [InlineData("  as_of: 2026-06\n  actors:\n    washington:\n      - { from: 2026-01, state: licenced }\n", "mine.yaml:7:33: history.actors.washington[0].state: washington has no state 'licenced' (did you mean 'licensed'?)")]
    [InlineData("  as_of: 2026-06\n  actors:\n    washington:\n      - { from: 2026-07, state: licensed }\n", "mine.yaml:7:17: history.actors.washington[0].from: 2026-07 is after history.as_of (2026-06)")]
    [InlineData("  as_of: 2026-06\n  actors:\n    washington:\n      - { from: 2026-03, state: licensed }\n      - { from: 2026-02, state: suspended }\n", "history.actors.washington[1].from: entries must be in time order")]
    [InlineData("  as_of: 2026-06\n  actors:\n    washington:\n      - { from: 2025-12, state: rescinded }\n      - { from: 2026-03, state: suspended }\n", "mine.yaml:8:9: history.actors.washington[1]: no declared transition moves washington from rescinded to suspended")]
    [InlineData("  as_of: 2026-06\n  actors:\n    washington:\n      - { from: 2025-12, state: suspended }\n", "history.actors.washington[0]: no declared transition moves washington from its initial state rescinded to suspended")]
    [InlineData("  as_of: 2026-06\n  actors:\n    washington:\n      - { from: 2026-01, state: reinstated }\n      - { from: 2026-03, state: licensed }\n", "from reinstated to licensed (reinstated is final)")]
    [InlineData("  as_of: 2026-06\n  shipments:\n    - { from: 2026-05, to: 2026-02, modules: 0 }\n", "history.shipments[0].to: the range ends (2026-02) before it starts (2026-05)")]
    [InlineData("  as_of: 2026-06\n  shipments:\n    - { from: 2026-02, to: 2026-03, modules: 2.5 }\n", "history.shipments[0].modules: expected a whole number of modules ≥ 0 (got 2.5)")]
    [InlineData("  as_of: 2026-06\n  shipments:\n    - { from: 2026-02, to: 2026-03, modules: { min: 9, max: 1 } }\n", "history.shipments[0].modules: needs min <= max (got min 9, max 1)")]
    [InlineData("  as_of: 2026-06\n  revenue: { residual_sd: 0, quarters: { FY2026Q4: 41.6 } }\n", "history.revenue.residual_sd: expected a number > 0")]
    [InlineData("  as_of: 2026-06\n  revenue: { residual_sd: 0.02, quarters: { FY2027Q3: 41.6 } }\n", "history.revenue.quarters.FY2027Q3: FY2027Q3 ends in 2026-12, after history.as_of (2026-06): only quarters that end by as_of are observed")]
    [InlineData("  as_of: 2026-05\n  revenue: { residual_sd: 0.02, quarters: { FY2027Q1: 41.6 } }\n", "history.revenue.quarters.FY2027Q1: FY2027Q1 ends in 2026-06, after history.as_of (2026-05)")]
    [InlineData("  as_of: 2026-06\n  revenue: { residual_sd: 0.02, quarters: { FY2026Q3: 43.2 } }\n", "history.revenue.quarters.FY2026Q3: not a reported quarter of this horizon (reported: FY2026Q4…FY2028Q4)")]
    [InlineData("  as_of: 2026-06\n  revenue: { residual_sd: 0.02, quarters: { FY2026Q4: -1 } }\n", "history.revenue.quarters.FY2026Q4: expected the reported revenue, a number > 0")]
    [InlineData("  as_of: 2026-06\n  shipmnts: []\n", "history.shipmnts: unknown key (did you mean 'shipments'?)")]
    [InlineData("  actors: {}\n", "history: expected as_of:")]
    public void A_bad_history_entry_is_an_error_at_its_position(string history, string expected)
    {
        var result = Load(history);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Error && d.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_bad_history_entry_is_reported_in_one_pass()
    {
        var result = Load("  as_of: 2026-06\n  actors:\n    washingtn: []\n  shipments:\n    - { from: 2026-02, to: 2026-01, modules: 0 }\n  revenue: { residual_sd: -1, quarters: { FY2026Q4: 41.6 } }\n");

        Assert.Equal(3, result.Diagnostics.Count(d => d.Severity == Severity.Error));
    }
}
