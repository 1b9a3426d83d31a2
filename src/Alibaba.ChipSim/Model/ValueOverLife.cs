using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Model;

/// <summary>
/// Value over the chips' life (docs/deal.md): each chip earns from the month it comes online for
/// <see cref="UsefulLifeMonths"/>; month m (0 = the first simulated month) is discounted by (1 + r)^(−m/12).
/// Scenario constants, with the discount factors tabulated once.
/// </summary>
public sealed class ValueOverLife
{
    private readonly double[] _discount;
    private readonly double _monthlyLog;

    /// <param name="adsOutstandingBn">ADS outstanding in billions, or NaN without a valuation.</param>
    public ValueOverLife(int usefulLifeMonths, double discountRateYoy, double adsOutstandingBn, int months)
    {
        if (usefulLifeMonths < months) throw new ArgumentOutOfRangeException(nameof(usefulLifeMonths), "the useful life must cover the horizon");
        UsefulLifeMonths = usefulLifeMonths;
        DiscountRateYoy = discountRateYoy;
        AdsOutstandingBn = adsOutstandingBn;
        _monthlyLog = GrowthCurve.Log1P(discountRateYoy) / 12;
        _discount = new double[2 * months + usefulLifeMonths + 1];
        for (var t = 0; t < _discount.Length; t++) _discount[t] = Math.Exp(-t * _monthlyLog);
    }

    public static ValueOverLife? Of(Scenario scenario) =>
        scenario.Economics.ValueOverLife is { } v
            ? new ValueOverLife(v.UsefulLifeMonths, v.DiscountRateYoy, scenario.Valuation?.AdsOutstandingBn ?? double.NaN, scenario.Calendar.Months)
            : null;

    public int UsefulLifeMonths { get; }

    public double DiscountRateYoy { get; }

    /// <summary>NaN when the scenario has no valuation.</summary>
    public double AdsOutstandingBn { get; }

    /// <summary>(1 + r)^(−<paramref name="month"/>/12).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public double Discount(int month) => (uint)month < (uint)_discount.Length ? _discount[month] : Far(month);

    /// <summary>The tabulated factors: <see cref="Discount"/>(m) for m below 2 × horizon + useful life + 1, the last month a lag within the horizon reaches.</summary>
    internal ReadOnlySpan<double> Discounts => _discount;

    private double Far(int month) => Math.Exp(-month * _monthlyLog);
}
