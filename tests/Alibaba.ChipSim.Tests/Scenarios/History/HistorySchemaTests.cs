namespace Alibaba.ChipSim.Tests.Scenarios.History;

public sealed class HistorySchemaTests
{
    private const string Variant = "name: mine\nextends: base.yaml\n";

    [Fact]
    public void A_history_of_every_kind_is_valid_under_the_committed_schema()
    {
        var errors = ScenarioSchemaTests.SchemaErrors(Variant + """
            history:
              as_of: 2026-06
              actors:
                washington:
                  - { from: 2025-12, state: rescinded }
                  - { from: 2026-03, state: licensed }
              shipments:
                - { from: 2026-02, to: 2026-06, modules: 0 }
                - { from: 2026-01, to: 2026-01, modules: { min: 0, max: 500 } }
              revenue:
                residual_sd: 0.02
                quarters: { FY2026Q4: 41.6 }
            """);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("history:\n  actors: {}\n")]
    [InlineData("history:\n  as_of: 2026-06\n  shipments:\n    - { from: 2026-02, to: 2026-06, modules: { min: 0 } }\n")]
    [InlineData("history:\n  as_of: 2026-06\n  revenue: { residual_sd: 0, quarters: { FY2026Q4: 41.6 } }\n")]
    [InlineData("history:\n  as_of: 2026-06\n  revenue: { residual_sd: 0.1, quarters: { Q4: 41.6 } }\n")]
    [InlineData("history:\n  as_of: 2026-06\n  actors:\n    washington:\n      - { from: 2026-01, stat: licensed }\n")]
    public void A_malformed_history_is_invalid_under_the_committed_schema(string history)
    {
        Assert.NotEmpty(ScenarioSchemaTests.SchemaErrors(Variant + history));
    }
}
