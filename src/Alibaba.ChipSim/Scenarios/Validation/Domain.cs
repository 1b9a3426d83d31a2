using System.Globalization;

namespace Alibaba.ChipSim.Scenarios.Validation;

/// <summary>The values a parameter may take: an interval, each end open or closed (docs/scenario-format.md#distributions, domains).</summary>
internal readonly record struct Domain(double Lower, bool LowerOpen, double Upper, bool UpperOpen)
{
    public static readonly Domain Any = new(double.NegativeInfinity, false, double.PositiveInfinity, false);
    public static readonly Domain UnitInterval = new(0, false, 1, false);
    public static readonly Domain NonNegative = new(0, false, double.PositiveInfinity, false);
    public static readonly Domain GrowthRate = new(-1, true, double.PositiveInfinity, false);
    public static readonly Domain AtMostOne = new(double.NegativeInfinity, false, 1, false);
    public static readonly Domain Correlation = new(-1, false, 1, false);

    /// <summary>
    /// A finite limit (none by default) that keeps every result finite: a constant, a bounded distribution's support,
    /// and an unbounded one's most extreme draw must lie at or below it. Not a modelling bound: a guard against 1e308.
    /// </summary>
    public double Cap { get; init; } = double.PositiveInfinity;

    /// <summary>As <see cref="Cap"/>, from below (e.g. a gross margin of -1e308).</summary>
    public double Floor { get; init; } = double.NegativeInfinity;

    /// <summary>This domain with finite guards.</summary>
    public Domain Within(double floor, double cap) => this with { Floor = floor, Cap = cap };

    /// <summary>
    /// The problem when values from <paramref name="lo"/> to <paramref name="hi"/> pass a finite guard (<see cref="Cap"/>,
    /// <see cref="Floor"/>), e.g. "must be at most 1000000, a limit that keeps every result finite (got 1E+308)"; null
    /// when they do not. <paramref name="got"/> says what reached it.
    /// </summary>
    public string? GuardProblem(double lo, double hi, string got)
    {
        if (hi <= Cap && lo >= Floor) return null;
        var limit = hi > Cap ? $"at most {Format(Cap)}" : $"at least {Format(Floor)}";
        return $"must be {limit}, a limit that keeps every result finite ({got})";
    }

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
