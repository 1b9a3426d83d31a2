using System.Globalization;

namespace Alibaba.ChipSim.Scenarios;

/// <summary>A calendar month (no day), e.g. 2026-02. Ordered and countable.</summary>
public readonly record struct Month : IComparable<Month>
{
    private Month(int index) => Index = index;

    /// <summary>Months since year 0, January: year * 12 + (month - 1).</summary>
    public int Index { get; }

    public int Year => Index / 12;

    /// <summary>1 = January … 12 = December.</summary>
    public int MonthOfYear => Index % 12 + 1;

    public static Month Of(int year, int monthOfYear)
    {
        if (year < 1 || year > 9999) throw new ArgumentOutOfRangeException(nameof(year));
        if (monthOfYear < 1 || monthOfYear > 12) throw new ArgumentOutOfRangeException(nameof(monthOfYear));
        return new Month(year * 12 + monthOfYear - 1);
    }

    /// <summary>Parses exactly YYYY-MM; returns false for anything else.</summary>
    public static bool TryParse(string? text, out Month month)
    {
        month = default;
        if (text is null || text.Length != 7 || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return false;
        if (!int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        if (y < 1 || m < 1 || m > 12) return false;
        month = Of(y, m);
        return true;
    }

    public static Month Parse(string text) =>
        TryParse(text, out var m) ? m : throw new FormatException($"'{text}' is not a month in the form YYYY-MM");

    public Month AddMonths(int months) => new(Index + months);

    /// <summary>Whole months from <paramref name="earlier"/> to this month (negative when this one is earlier).</summary>
    public int MonthsSince(Month earlier) => Index - earlier.Index;

    public int CompareTo(Month other) => Index.CompareTo(other.Index);

    public static bool operator <(Month a, Month b) => a.Index < b.Index;
    public static bool operator >(Month a, Month b) => a.Index > b.Index;
    public static bool operator <=(Month a, Month b) => a.Index <= b.Index;
    public static bool operator >=(Month a, Month b) => a.Index >= b.Index;

    public override string ToString() =>
        Year.ToString("D4", CultureInfo.InvariantCulture) + "-" + MonthOfYear.ToString("D2", CultureInfo.InvariantCulture);
}
