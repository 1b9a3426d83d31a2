using System.Collections.Immutable;
using System.Globalization;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Model;

/// <summary>
/// Quarter names and the quarters reported for a horizon (docs/model.md, "Quarters"). Alibaba's fiscal year ends in
/// March and is named by the calendar year in which it ends: Jul–Sep 2025 is FY2026Q2, Jan–Mar 2026 is
/// FY2026Q4, Apr–Jun 2026 is FY2027Q1. Calendar quarters are named CY2026Q2.
/// </summary>
public static class QuarterCalendar
{
    /// <summary>The name of the quarter containing <paramref name="month"/>.</summary>
    public static string NameOf(Month month, QuarterConvention convention)
    {
        var m = month.MonthOfYear;
        if (convention == QuarterConvention.Calendar)
            return "CY" + month.Year.ToString("D4", CultureInfo.InvariantCulture) + "Q" + ((m - 1) / 3 + 1).ToString(CultureInfo.InvariantCulture);
        var fiscalYear = m >= 4 ? month.Year + 1 : month.Year;
        var quarter = m >= 4 ? (m - 4) / 3 + 1 : 4;
        return "FY" + fiscalYear.ToString("D4", CultureInfo.InvariantCulture) + "Q" + quarter.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// True when <paramref name="month"/> opens a quarter. Both conventions start quarters in
    /// January, April, July and October (the fiscal year starts in April).
    /// </summary>
    public static bool StartsQuarter(Month month) => (month.MonthOfYear - 1) % 3 == 0;

    /// <summary>
    /// The quarters whose three months all lie in the horizon, in time order, and for each simulated
    /// month the index of its quarter among them (−1 for months of a partial quarter at either end).
    /// </summary>
    public static QuarterLayout Layout(Month start, int months, QuarterConvention convention)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        var quarterOfMonth = new int[months];
        Array.Fill(quarterOfMonth, -1);
        for (var i = 0; i + 2 < months; i++)
        {
            var m = start.AddMonths(i);
            if (!StartsQuarter(m)) continue;
            quarterOfMonth[i] = quarterOfMonth[i + 1] = quarterOfMonth[i + 2] = names.Count;
            names.Add(NameOf(m, convention));
        }
        return new QuarterLayout(names.ToImmutable(), quarterOfMonth);
    }
}
