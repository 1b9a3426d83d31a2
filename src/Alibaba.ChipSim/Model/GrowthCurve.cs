using System.Runtime.CompilerServices;

namespace Alibaba.ChipSim.Model;

/// <summary>
/// Compound annual growth at monthly resolution: (1 + g)^(t/12) computed as exp(t/12 · log1p(g))
/// (docs/model.md, "Revenue"). The model starts from <see cref="Factor"/> at the first simulated month and then
/// multiplies by <see cref="MonthlyFactor"/> once a month: two exponentials per curve and trial
/// instead of one a month; the product drifts from the direct formula by a few ulps over a horizon
/// (tests bound it).
/// </summary>
public static class GrowthCurve
{
    /// <summary>(1 + <paramref name="yoy"/>)^(<paramref name="months"/>/12).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Factor(int months, double yoy) => Math.Exp(months / 12.0 * Log1P(yoy));

    /// <summary>(1 + <paramref name="yoy"/>)^(1/12): one month's growth.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MonthlyFactor(double yoy) => Math.Exp(Log1P(yoy) / 12.0);

    /// <summary>
    /// <see cref="Factor"/> and <see cref="MonthlyFactor"/> together, sharing one logarithm: the growth at
    /// <paramref name="months"/> and the factor that advances it by one month.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Factor, double Monthly) Start(int months, double yoy)
    {
        var rate = Log1P(yoy);
        return (Math.Exp(months / 12.0 * rate), Math.Exp(rate / 12.0));
    }

    /// <summary>log(1 + x), accurate for small x (Goldberg's correction: the rounding of 1 + x cancels).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Log1P(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * (x / (u - 1.0));
    }
}
