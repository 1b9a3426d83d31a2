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
        var years = new List<(string Year, int[] Quarters)>();
        if (result.Quarterly.Length == 0) return rows.ToImmutable();
        var names = result.Quarterly[0].Quarters;
        var named = Enumerable.Range(0, names.Length).Where(q => QuarterDates.Of(names[q]) is not null && names[q].Length == 8);
        foreach (var group in named.GroupBy(q => QuarterDates.YearOf(names[q])))
        {
            var quarters = group.ToArray();
            if (quarters.Length == 4) years.Add((group.Key, quarters));
        }
        foreach (var (year, quarters) in years)
        {
            foreach (var qc in result.Quarterly)
            {
                var n = (int)result.Trials;
                var sums = new double[n];
                foreach (var q in quarters)
                {
                    var values = qc.Values[q];
                    for (var t = 0; t < n; t++) sums[t] += values[t];
                }
                rows.Add(new YearSummary(year, qc.Metric, ColumnStatistics.Summarize(qc.Metric + "_" + year, sums)));
            }
        }
        return rows.ToImmutable();
    }
}
