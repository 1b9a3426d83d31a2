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
    /// <summary>The year totals of <paramref name="result"/>, weighted by its trial weights when it has them.</summary>
    public static ImmutableArray<YearSummary> Of(SimulationResult result, int? maxThreads = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Of(result, result.Weights, maxThreads);
    }

    /// <summary>
    /// The year totals, weighted by <paramref name="weights"/> (a run conditioned on history: as every other statistic of
    /// its summary) or unweighted when null. The (year, metric) columns are summarised in parallel on up to
    /// <paramref name="maxThreads"/> threads (all processors when null), each in a buffer of its thread's, reused from one
    /// column to the next: the sums are the same for any thread count, and a run of a million trials does not ask the
    /// kernel for eight fresh columns' worth of memory.
    /// </summary>
    internal static ImmutableArray<YearSummary> Of(SimulationResult result, double[]? weights, int? maxThreads)
    {
        ArgumentNullException.ThrowIfNull(result);
        var jobs = new List<(string Year, int[] Quarters, QuarterColumns Metric)>();
        foreach (var (year, quarters) in Years(result))
            foreach (var qc in result.Quarterly)
                jobs.Add((year, quarters, qc));
        if (jobs.Count == 0) return ImmutableArray<YearSummary>.Empty;
        var summaries = new MetricSummary[jobs.Count];
        var trials = (int)result.Trials;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxThreads ?? Environment.ProcessorCount };
        Parallel.For(0, jobs.Count, options, () => (double[]?)null, (i, _, sums) =>
        {
            var (year, quarters, qc) = jobs[i];
            sums ??= new double[trials];
            AddQuarters(qc, quarters, sums);
            var name = ColumnName(qc.Metric, year);
            summaries[i] = weights is null ? ColumnStatistics.Summarize(name, sums) : Weighted.WeightedColumnStatistics.Summarize(name, sums, weights);
            return sums;
        }, _ => { });
        var rows = ImmutableArray.CreateBuilder<YearSummary>(jobs.Count);
        for (var i = 0; i < jobs.Count; i++) rows.Add(new YearSummary(jobs[i].Year, jobs[i].Metric.Metric, summaries[i]));
        return rows.MoveToImmutable();
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

    /// <summary>
    /// Sums, row by row, the year's quarters of <paramref name="metric"/> into <paramref name="sums"/> (one per row of the
    /// columns, from 0), whatever it held before. The first quarter is written as 0 + its value (the bits of adding it to
    /// a cleared buffer, −0 included) without reading the buffer: a fresh buffer's pages read before they are written are
    /// first mapped to the kernel's shared zero page and then copied on the first write, two faults and a TLB shootdown
    /// across the process's cores per page, where writing first takes one fault.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    internal static void AddQuarters(QuarterColumns metric, int[] quarters, Span<double> sums)
    {
        if (quarters.Length == 0)
        {
            sums.Clear();
            return;
        }
        var first = metric.Values[quarters[0]].AsSpan(0, sums.Length);
        for (var t = 0; t < sums.Length; t++) sums[t] = 0.0 + first[t];
        for (var i = 1; i < quarters.Length; i++)
        {
            var values = metric.Values[quarters[i]].AsSpan(0, sums.Length);
            for (var t = 0; t < sums.Length; t++) sums[t] += values[t];
        }
    }
}
