namespace Alibaba.ChipSim.Tests.Scenarios;

/// <summary>Scenario YAML for loader tests: the example of docs/scenario-format.md#a-complete-example, value for value.</summary>
public static class ScenarioTexts
{
    /// <summary>The example of docs/scenario-format.md#a-complete-example; line numbers matter to the tests (line 1 is the schema comment).</summary>
    public const string SpecExample = """
        # yaml-language-server: $schema=./scenario.schema.json
        name: example
        description: The layout of docs/scenario-format.md#a-complete-example.
        calendar:
          start: 2025-12              # first simulated month
          months: 25
          quarters: fiscal            # fiscal (year ends in March) | calendar
        simulation:
          trials: 100000
          seed: 20251223
          sampling: monte-carlo       # monte-carlo | latin-hypercube
        actors:
          washington:
            description: US export licences for H200 sales to China
            initial: rescinded
            states:
              rescinded:  { gate: 0, description: "ban lifted; no licence issued yet" }
              licensed:   { gate: 1 }
              suspended:  { gate: 0 }
              reinstated: { gate: 0, final: true }
            transitions:
              - { from: rescinded, to: licensed, monthly: 0.4 }
              - { from: rescinded, to: reinstated, monthly: 0.02 }
              - { from: licensed, to: suspended, monthly: 0.03 }
              - { from: suspended, to: licensed, monthly: 0.3 }
              - { from: suspended, to: reinstated, monthly: 0.1 }
          beijing:
            initial: under_review
            states:
              under_review: { gate: 0 }
              approved:     { gate: 1 }
              conditional:  { gate: { dist: uniform, min: 0.3, max: 0.7 } }
              discouraged:  { gate: 0 }
              banned:       { gate: 0, final: true }
            transitions:
              - { from: under_review, to: approved, monthly: 0.1 }
              - { from: under_review, to: conditional, monthly: 0.2, when: { washington: licensed } }
              - { from: under_review, to: discouraged, monthly: 0.08 }
              - { from: discouraged, to: conditional, at: 2026-09 }
              - { from: discouraged, to: banned, monthly: 0.05 }
        shipments:
          first_delivery: 2026-02
          deadline: 2026-02
          initial_modules: { dist: uniform-int, min: 5000, max: 10000 }
          chips_per_module: 8
          follow_on_modules_per_month: { dist: triangular, min: 0, mode: 1500, max: 4000 }
          supply_cap_modules: 60000
          buyer_share: { dist: pert, min: 0.2, mode: 0.35, max: 0.5 }
          deployment_lag_months: { dist: discrete, values: [1, 2, 3], weights: [0.3, 0.5, 0.2] }
        economics:
          price_per_chip_usd: { dist: pert, min: 25000, mode: 32000, max: 40000 }
          export_fee_rate: 0.25
          fee_pass_through: { dist: uniform, min: 0.5, max: 1.0 }
          usd_cny: 7.05
        compute:
          h200_vs_h20: { dist: triangular, min: 4, mode: 6, max: 7 }
          revenue_per_h20e_month_cny: 9000
          utilization: { dist: beta, alpha: 8, beta: 2 }
          baseline_capacity_cover: 0.95
          baseline_capacity_growth_yoy: 0.6
        revenue:
          base_month: 2025-08
          base_quarter_cny_bn: 39.8
          ai_share: 0.2
          non_ai_growth_yoy: { dist: normal, mean: 0.12, sd: 0.04, low: -0.5 }
          ai_demand_growth_yoy: { dist: lognormal, mean: 1.3, sd: 0.3 }
          gross_margin: 0.35

        """;

    /// <summary>
    /// <see cref="SpecExample"/> with every optional key it lacks (the licence cap, seasons and quarter noise, value over
    /// the chips' life, <c>valuation:</c> and <c>correlations:</c>), so that a fuzzer seeded with it reaches every
    /// section of the format (the cross-section checks included).
    /// </summary>
    public static readonly string EverySection = SpecExample
        .Replace("  usd_cny: 7.05\n", "  usd_cny: 7.05\n  useful_life_months: 60\n  discount_rate_yoy: 0.09\n", StringComparison.Ordinal)
        .Replace("  supply_cap_modules: 60000\n", "  supply_cap_modules: 60000\n  buyer_cap_chips: 75000\n", StringComparison.Ordinal)
        .Replace("  gross_margin: 0.35\n", "  gross_margin: 0.35\n  seasonality: { q1: 0.98, q2: 1.0, q3: 1.04, q4: 0.98 }\n  quarter_noise: { sd: 0.03, rho: 0.3 }\n", StringComparison.Ordinal)
        + """
        valuation:
          ads_outstanding_bn: 2.3
        targets:
          - { metric: roi, below: 0.1, description: "ROI under 10%" }
          - { metric: incremental_revenue_cny_bn, above: 5 }
        correlations:
          - { between: [economics.price_per_chip_usd, shipments.buyer_share], rho: 0.3 }
          - { between: [compute.h200_vs_h20, revenue.ai_demand_growth_yoy], rho: -0.2 }

        """;

    /// <summary>The 1-based line of the first line containing <paramref name="text"/> in <paramref name="yaml"/>.</summary>
    public static int LineOf(string yaml, string text)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].Contains(text, StringComparison.Ordinal)) return i + 1;
        throw new ArgumentException($"'{text}' not found");
    }
}
