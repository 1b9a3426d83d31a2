using System.Globalization;

namespace Alibaba.ChipSim.Scenarios.Validation;

/// <summary>The values a parameter may take: an interval, each end open or closed (SPEC §2.5).</summary>
internal readonly record struct Domain(double Lower, bool LowerOpen, double Upper, bool UpperOpen)
{
    public static readonly Domain Any = new(double.NegativeInfinity, false, double.PositiveInfinity, false);
    public static readonly Domain UnitInterval = new(0, false, 1, false);
    public static readonly Domain NonNegative = new(0, false, double.PositiveInfinity, false);
    public static readonly Domain GrowthRate = new(-1, true, double.PositiveInfinity, false);
    public static readonly Domain AtMostOne = new(double.NegativeInfinity, false, 1, false);
    public static readonly Domain Correlation = new(-1, false, 1, false);

    public bool HasLower => !double.IsNegativeInfinity(Lower);

    public bool HasUpper => !double.IsPositiveInfinity(Upper);

    public bool Contains(double x) => ContainsRange(x, x);

    /// <summary>True when [lo, hi] lies inside the domain.</summary>
    public bool ContainsRange(double lo, double hi)
    {
        if (double.IsNaN(lo) || double.IsNaN(hi)) return false;
        var lowerOk = LowerOpen ? lo > Lower : lo >= Lower;
        var upperOk = UpperOpen ? hi < Upper : hi <= Upper;
        return lowerOk && upperOk;
    }

    /// <summary>"in [0, 1]", "&gt;= 0", "&gt; -1", "&lt;= 1" or "" for any number.</summary>
    public string Describe()
    {
        if (HasLower && HasUpper)
            return $"in {(LowerOpen ? "(" : "[")}{Format(Lower)}, {Format(Upper)}{(UpperOpen ? ")" : "]")}";
        if (HasLower) return (LowerOpen ? "> " : ">= ") + Format(Lower);
        if (HasUpper) return (UpperOpen ? "< " : "<= ") + Format(Upper);
        return "";
    }

    public static string Format(double x) =>
        double.IsPositiveInfinity(x) ? "inf" : double.IsNegativeInfinity(x) ? "-inf" : x.ToString(CultureInfo.InvariantCulture);
}
