using System.Numerics;

namespace Alibaba.ChipSim.Scenarios.Validation;

/// <summary>
/// The keys of the deal as it was struck (docs/deal.md): seasons and noise in revenue, value over the chips'
/// life, value per share. Their checks across sections, and their values for the <see cref="Scenario"/>.
/// </summary>
internal static class DealKeys
{
    public static SeasonalitySpec? Seasonality(CheckedNode root) =>
        root["revenue"]?["seasonality"] is { } s
            ? new SeasonalitySpec(Number(s, "q1"), Number(s, "q2"), Number(s, "q3"), Number(s, "q4"))
            : null;

    public static QuarterNoiseSpec? QuarterNoise(CheckedNode root) =>
        root["revenue"]?["quarter_noise"] is { } n ? new QuarterNoiseSpec(Number(n, "sd"), Number(n, "rho")) : null;

    public static ValueOverLifeSpec? ValueOverLife(CheckedNode root)
    {
        var e = root["economics"];
        if (e?["useful_life_months"]?.Value is not BigInteger life || e["discount_rate_yoy"]?.Value is not double rate) return null;
        return new ValueOverLifeSpec((int)life, rate);
    }

    public static ValuationSpec? Valuation(CheckedNode root) =>
        root["valuation"] is { } v ? new ValuationSpec(Number(v, "ads_outstanding_bn")) : null;

    /// <summary>Useful life and discount rate go together and the life covers the horizon; a share count needs them.</summary>
    public static void Check(CheckedNode root, CalendarSpec? calendar, DiagnosticBag diagnostics)
    {
        var e = root["economics"];
        var life = e?["useful_life_months"];
        var rate = e?["discount_rate_yoy"];
        if (life is not null && rate is null)
            diagnostics.Error(life.Location, life.Path, "needs economics.discount_rate_yoy as well (value over the chips' life uses both)");
        if (rate is not null && life is null)
            diagnostics.Error(rate.Location, rate.Path, "needs economics.useful_life_months as well (value over the chips' life uses both)");
        if (life?.Value is BigInteger months && calendar is not null && months < calendar.Months)
            diagnostics.Error(life.Location, life.Path,
                $"must be at least calendar.months (got {months}, calendar.months {calendar.Months}): the chips outlive the horizon");
        if (root["valuation"]?["ads_outstanding_bn"] is { } ads && (life is null || rate is null))
            diagnostics.Error(ads.Location, ads.Path,
                "values the NPV per share, so it needs economics.useful_life_months and economics.discount_rate_yoy");
    }

    private static double Number(CheckedNode section, string key) => (double)section[key]!.Value!;
}
