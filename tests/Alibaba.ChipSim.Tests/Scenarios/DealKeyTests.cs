using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Tests.Scenarios;

/// <summary>The deal's keys (docs/deal.md): read when present, absent by default, and every bad value reported at its place.</summary>
public sealed class DealKeyTests
{
    private const string Lag = "  deployment_lag_months: { dist: discrete, values: [1, 2, 3], weights: [0.3, 0.5, 0.2] }\n";
    private const string UsdCny = "  usd_cny: 7.05\n";
    private const string Margin = "  gross_margin: 0.35\n";

    private static string With(string from, string to)
    {
        var source = ScenarioTexts.SpecExample;
        Assert.Contains(from, source);
        return source.Replace(from, to, StringComparison.Ordinal);
    }

    private static string AllKeys() =>
        With(Lag, Lag + "  buyer_cap_chips: 75000\n")
            .Replace(UsdCny, UsdCny + "  useful_life_months: 60\n  discount_rate_yoy: 0.09\n", StringComparison.Ordinal)
            .Replace(Margin, Margin + "  seasonality: { q1: 0.95, q2: 1, q3: 1.04, q4: 0.97 }\n  quarter_noise: { sd: 0.03, rho: 0.4 }\n", StringComparison.Ordinal)
        + "valuation:\n  ads_outstanding_bn: 2.3\n";

    [Fact]
    public void Without_the_keys_a_scenario_has_no_cap_no_seasons_no_noise_and_no_value_over_life()
    {
        var s = ScenarioLoader.LoadText(ScenarioTexts.SpecExample, "x.yaml").Scenario!;
        Assert.Null(s.Shipments.BuyerCapChips);
        Assert.Null(s.Revenue.Seasonality);
        Assert.Null(s.Revenue.QuarterNoise);
        Assert.Null(s.Economics.ValueOverLife);
        Assert.Null(s.Valuation);
    }

    [Fact]
    public void Every_key_is_read_into_the_scenario()
    {
        var result = ScenarioLoader.LoadText(AllKeys(), "x.yaml");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var s = result.Scenario!;
        Assert.Equal(new Alibaba.ChipSim.Distributions.FixedDistribution(75000), s.Shipments.BuyerCapChips!.Distribution);
        Assert.Equal(new SeasonalitySpec(0.95, 1, 1.04, 0.97), s.Revenue.Seasonality);
        Assert.Equal(new QuarterNoiseSpec(0.03, 0.4), s.Revenue.QuarterNoise);
        Assert.Equal(new ValueOverLifeSpec(60, 0.09), s.Economics.ValueOverLife);
        Assert.Equal(new ValuationSpec(2.3), s.Valuation);
    }

    public sealed record BadKey(string Case, string From, string To, string At, string KeyPath, string Message)
    {
        public override string ToString() => Case;
    }

    public static TheoryData<BadKey> Cases() =>
    [
        new("negative cap", "  buyer_cap_chips: 75000\n", "  buyer_cap_chips: -5\n", "-5", "shipments.buyer_cap_chips", ">= 0"),
        new("fractional cap", "  buyer_cap_chips: 75000\n", "  buyer_cap_chips: 7.5\n", "7.5", "shipments.buyer_cap_chips", "whole"),
        new("life shorter than the horizon", "  useful_life_months: 60\n", "  useful_life_months: 24\n", "24", "economics.useful_life_months",
            "must be at least calendar.months (got 24, calendar.months 25)"),
        new("life without a rate", "  useful_life_months: 60\n  discount_rate_yoy: 0.09\n", "  useful_life_months: 61\n", "61\n", "economics.useful_life_months", "needs economics.discount_rate_yoy"),
        new("rate without a life", "  useful_life_months: 60\n", "", "0.09", "economics.discount_rate_yoy", "needs economics.useful_life_months"),
        new("negative discount rate", "  discount_rate_yoy: 0.09\n", "  discount_rate_yoy: -0.2\n", "-0.2", "economics.discount_rate_yoy", "must be >= 0"),
        new("a quarter missing", "{ q1: 0.95, q2: 1, q3: 1.04, q4: 0.97 }", "{ q1: 0.95, q2: 1, q4: 0.97 }", "{ q1: 0.95, q2: 1, q4", "revenue.seasonality.q3",
            "missing required key 'q3'"),
        new("a zero season", "q2: 1,", "q2: 0,", "0, q3", "revenue.seasonality.q2", "must be > 0"),
        new("an unknown quarter", "q4: 0.97 }", "q4: 0.97, q5: 1 }", "q5", "revenue.seasonality.q5", "unknown key"),
        new("negative noise", "sd: 0.03", "sd: -0.03", "-0.03", "revenue.quarter_noise.sd", "must be >= 0"),
        new("correlation above one", "rho: 0.4", "rho: 1.5", "1.5", "revenue.quarter_noise.rho", "must be in [-1, 1]"),
        new("noise without rho", "{ sd: 0.03, rho: 0.4 }", "{ sd: 0.03 }", "{ sd: 0.03 }", "revenue.quarter_noise.rho", "missing required key 'rho'"),
        new("no shares", "  ads_outstanding_bn: 2.3\n", "  ads_outstanding_bn: -2.5\n", "-2.5", "valuation.ads_outstanding_bn", "must be > 0"),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_bad_deal_key_gives_one_error_at_its_place(BadKey c)
    {
        var source = AllKeys();
        Assert.Contains(c.From, source);
        var text = source.Replace(c.From, c.To, StringComparison.Ordinal);
        var index = text.IndexOf(c.At, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{c.At}' not in the edited text");
        var line = 1 + text.AsSpan(0, index).Count('\n');
        var column = index - (text.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1) + 1;

        var result = ScenarioLoader.LoadText(text, "scenarios/mine.yaml");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(c.KeyPath, error.KeyPath);
        Assert.Contains(c.Message, error.Message);
        Assert.Equal(new SourceLocation("scenarios/mine.yaml", line, column), error.Location);
    }

    [Fact]
    public void A_share_count_without_the_value_over_life_keys_is_an_error_at_it()
    {
        var text = ScenarioTexts.SpecExample + "valuation:\n  ads_outstanding_bn: 2.3\n";
        var result = ScenarioLoader.LoadText(text, "scenarios/mine.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Equal("valuation.ads_outstanding_bn", error.KeyPath);
        Assert.Contains("needs economics.useful_life_months and economics.discount_rate_yoy", error.Message);
    }
}
