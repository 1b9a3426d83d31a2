using System.Collections.Immutable;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Model;

namespace Alibaba.ChipSim.Statistics;

/// <summary>
/// Fiscal (or calendar) year totals of the per-quarter metrics: per trial, the sum of the year's four quarters, then
/// the statistics of those sums (a percentile of a sum is not the sum of percentiles). Only years whose four quarters
/// are all in the horizon.
/// </summary>
public static class YearTotals
{
    public static ImmutableArray<YearSummary> Of(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = ImmutableArray.CreateBuilder<YearSummary>();
        foreach (var (year, quarters) in Years(result))
        {
            foreach (var qc in result.Quarterly)
            {
                var sums = new double[(int)result.Trials];
                AddQuarters(qc, quarters, sums);
                rows.Add(new YearSummary(year, qc.Metric, ColumnStatistics.Summarize(ColumnName(qc.Metric, year), sums)));
            }
        }
        return rows.ToImmutable();
    }

    /// <summary>The years whose four quarters are all reported, with the indices of their quarters; rows are these, each for every quarterly metric.</summary>
    internal static List<(string Year, int[] Quarters)> Years(SimulationResult result)
    {
        var years = new List<(string Year, int[] Quarters)>();
        if (result.Quarterly.Length == 0) return years;
        var names = result.Quarterly[0].Quarters;
        var named = Enumerable.Range(0, names.Length).Where(q => QuarterDates.Of(names[q]) is not null && names[q].Length == 8);
        foreach (var group in named.GroupBy(q => QuarterDates.YearOf(names[q])))
        {
            var quarters = group.ToArray();
            if (quarters.Length == 4) years.Add((group.Key, quarters));
        }
        return years;
    }

    /// <summary>The name of a year total's statistics, e.g. <c>cloud_revenue_cny_bn_FY2027</c>.</summary>
    internal static string ColumnName(string metric, string year) => metric + "_" + year;

    /// <summary>Adds, row by row, the year's quarters of <paramref name="metric"/> into <paramref name="sums"/> (one per row of the columns, from 0).</summary>
    internal static void AddQuarters(QuarterColumns metric, int[] quarters, Span<double> sums)
    {
        foreach (var q in quarters)
        {
            var values = metric.Values[q].AsSpan(0, sums.Length);
            for (var t = 0; t < sums.Length; t++) sums[t] += values[t];
        }
    }
}
