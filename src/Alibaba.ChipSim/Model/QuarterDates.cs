using System.Globalization;

namespace Alibaba.ChipSim.Model;

/// <summary>
/// The first and last day of a reported quarter (<c>FY2027Q1</c>: 2026-04-01 to 2026-06-30; <c>CY2026Q1</c>:
/// 2026-01-01 to 2026-03-31) or year (<c>FY2027</c>: 2026-04-01 to 2027-03-31; <c>CY2026</c>: the calendar year),
/// named as <see cref="Scenarios.QuarterCalendar"/> names them.
/// </summary>
public static class QuarterDates
{
    /// <summary>The dates, or null when <paramref name="name"/> is not a quarter or year name.</summary>
    public static (DateOnly Start, DateOnly End)? Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is not (6 or 8) || !(name.StartsWith("FY", StringComparison.Ordinal) || name.StartsWith("CY", StringComparison.Ordinal))
            || !int.TryParse(name.AsSpan(2, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2)
            return null;
        var fiscal = name[0] == 'F';
        if (name.Length == 6)
        {
            var first = fiscal ? new DateOnly(year - 1, 4, 1) : new DateOnly(year, 1, 1);
            return (first, first.AddYears(1).AddDays(-1));
        }
        if (name[6] != 'Q' || name[7] is < '1' or > '4') return null;
        var q = name[7] - '1';
        // Fiscal Q1 opens in April of the year before the one it is named by.
        var start = fiscal ? new DateOnly(year - 1, 4, 1).AddMonths(3 * q) : new DateOnly(year, 1 + 3 * q, 1);
        return (start, start.AddMonths(3).AddDays(-1));
    }

    /// <summary>The year a quarter belongs to (<c>FY2027Q1</c> → <c>FY2027</c>).</summary>
    public static string YearOf(string quarter) => quarter[..6];
}
