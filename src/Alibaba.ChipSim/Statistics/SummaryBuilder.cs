using System.Collections.Immutable;
using Alibaba.ChipSim.Engine;

namespace Alibaba.ChipSim.Statistics;

/// <summary>Turns a <see cref="SimulationResult"/> into its <see cref="RunSummary"/>.</summary>
public static class SummaryBuilder
{
    /// <summary>
    /// Summarises every column; columns are summarised in parallel on up to <paramref name="maxThreads"/> threads
    /// (all processors when null), each column by itself, so the numbers never depend on the thread count.
    /// </summary>
    /// <remarks>A run of a scenario with a history carries weights (<see cref="SimulationResult.Weights"/>): its statistics are weighted.</remarks>
    public static RunSummary Build(SimulationResult result, int? maxThreads = null) =>
        Build(result, result?.Weights, result?.Scenario.History?.AsOf ?? default, maxThreads);

    /// <summary>
    /// The summary of a run whose trials carry <paramref name="weights"/> (a run conditioned on history observed through
    /// <paramref name="asOf"/>): every statistic weighted, and the <c>history</c> block. Null weights give exactly the
    /// unweighted summary (the unweighted code runs).
    /// </summary>
    internal static RunSummary Build(SimulationResult result, double[]? weights, Scenarios.Month asOf, int? maxThreads)
    {
        ArgumentNullException.ThrowIfNull(result);
        var columns = ColumnsOf(result);
        return WithRunSections(Build(columns, maxThreads, weights), result.Scenario,
            weights is null ? null : History(weights, asOf) with { File = result.Scenario.History?.File, Sha256 = result.Scenario.History?.Sha256 }, TargetProbability.Of(result, result.Scenario.Targets), YearTotals.Of(result, weights, maxThreads));
    }

    /// <summary>The columns of <paramref name="result"/> as the summary reads them (its layout: names, kinds, order).</summary>
    internal static SummaryColumns ColumnsOf(SimulationResult result) => new(
        result.Scenario.Name, result.Scenario.Sha256, result.Seed, result.Trials,
        [.. result.Numeric.Select(c => new SummaryColumns.Numeric(c.Name, c.IsBinary, c.IsWholeNumber, () => c.Values))],
        [.. result.Categorical.Select(c => new SummaryColumns.Categorical(c.Name, c.Categories, () => c.Codes))],
        [.. result.Quarterly.Select(q => new SummaryColumns.Quarterly(q.Metric, q.Quarters, i => q.Values[i]))]);

    /// <summary>The sections a run adds to its columns' statistics (shared with the streamed summary, which computes them apart).</summary>
    internal static RunSummary WithRunSections(RunSummary summary, Scenarios.Scenario scenario, HistorySummary? history,
        ImmutableArray<TargetResult> targets, ImmutableArray<YearSummary> years) => summary with
    {
        Calendar = scenario.Calendar,
        History = history,
        Targets = targets,
        Years = years,
    };

    /// <summary>
    /// As above, from columns that are loaded only when summarised (e.g. read from shard files one at a time), so that
    /// at most one column per thread is in memory. The same columns give the same summary, bit for bit.
    /// </summary>
    /// <remarks>
    /// With <paramref name="weights"/> (a run conditioned on history), every statistic is weighted; null weights run the
    /// unweighted code, so an unweighted summary is unchanged bit for bit.
    /// </remarks>
    internal static RunSummary Build(SummaryColumns columns, int? maxThreads = null, double[]? weights = null)
    {
        var jobs = new List<Func<MetricEntry>>();
        foreach (var c in columns.NumericColumns)
        {
            jobs.Add(() =>
            {
                var values = c.Load();
                var entry = weights is null
                    ? ColumnStatistics.Summarize(c.Name, values, c.IsBinary, c.IsWholeNumber)
                    : Weighted.WeightedColumnStatistics.Summarize(c.Name, values, weights, c.IsBinary, c.IsWholeNumber);
                columns.ReleaseDoubles?.Invoke(values);
                return entry;
            });
        }
        foreach (var c in columns.CategoricalColumns)
        {
            jobs.Add(() =>
            {
                var codes = c.Load();
                MetricEntry entry = weights is null ? Shares(c.Name, c.Categories, codes) : Weighted.WeightedShares.Of(c.Name, c.Categories, codes, weights);
                columns.ReleaseBytes?.Invoke(codes);
                return entry;
            });
        }
        foreach (var qc in columns.QuarterlyColumns)
        {
            for (var q = 0; q < qc.Quarters.Length; q++)
            {
                var quarter = q;
                var name = QuarterMetricName(qc.Metric, qc.Quarters[q]);
                jobs.Add(() =>
                {
                    var values = qc.Load(quarter);
                    var entry = weights is null ? ColumnStatistics.Summarize(name, values) : Weighted.WeightedColumnStatistics.Summarize(name, values, weights);
                    columns.ReleaseDoubles?.Invoke(values);
                    return entry;
                });
            }
        }

        var entries = new MetricEntry[jobs.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxThreads ?? Environment.ProcessorCount };
        Parallel.For(0, jobs.Count, options, i => entries[i] = jobs[i]());
        return Assemble(columns, entries);
    }

    /// <summary>
    /// The summary of a run laid out as <paramref name="columns"/> (names and kinds; the values may be elsewhere) from its
    /// <paramref name="entries"/> in job order: the numeric columns, the categorical ones, then the quarterly columns metric
    /// by metric, each quarter by quarter.
    /// </summary>
    internal static RunSummary Assemble(SummaryColumns columns, MetricEntry[] entries)
    {
        var quarterNames = new List<string>();
        var quarterEntry = new Dictionary<(string Quarter, string Metric), int>();
        var index = columns.NumericColumns.Length + columns.CategoricalColumns.Length;
        foreach (var qc in columns.QuarterlyColumns)
        {
            for (var q = 0; q < qc.Quarters.Length; q++)
            {
                if (!quarterNames.Contains(qc.Quarters[q])) quarterNames.Add(qc.Quarters[q]);
                quarterEntry[(qc.Quarters[q], qc.Metric)] = index++;
            }
        }

        // Quarter by quarter (time order), then metric by metric: the row order of quarters.csv.
        var quarters = ImmutableArray.CreateBuilder<QuarterSummary>(quarterEntry.Count);
        foreach (var quarter in quarterNames)
        {
            foreach (var qc in columns.QuarterlyColumns)
            {
                if (quarterEntry.TryGetValue((quarter, qc.Metric), out var i))
                {
                    quarters.Add(QuarterSummary.From(quarter, qc.Metric, (MetricSummary)entries[i]));
                }
            }
        }
        return new RunSummary(
            columns.Scenario, columns.ScenarioSha256, columns.Seed, columns.Trials, EngineInfo.Name,
            ImmutableArray.Create(entries), quarters.MoveToImmutable());
    }

    private static HistorySummary History(double[] weights, Scenarios.Month asOf)
    {
        var totals = Weighted.TrialWeights.Totals(weights);
        return new HistorySummary(asOf, totals.TrialsWithWeight, totals.Ess, totals.LogEvidence);
    }

    /// <summary>The name of a per-quarter metric in <c>metrics</c> and <c>trials.csv</c>, e.g. <c>cloud_revenue_cny_bn_FY2027Q1</c>.</summary>
    public static string QuarterMetricName(string metric, string quarter) => metric + "_" + quarter;

    /// <summary>The share of trials ending in each declared state; shares of an empty column are all 0.</summary>
    public static StateShares Shares(CategoricalColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return Shares(column.Name, column.Categories, column.Codes);
    }

    private static StateShares Shares(string name, ImmutableArray<string> categories, byte[] codes)
    {
        var counts = new long[categories.Length];
        foreach (var code in codes) counts[code]++;
        return Shares(name, categories, counts, codes.Length);
    }

    /// <summary>The shares from the count of trials in each state, out of <paramref name="trials"/>.</summary>
    internal static StateShares Shares(string name, ImmutableArray<string> categories, long[] counts, long trials)
    {
        var shares = ImmutableArray.CreateBuilder<double>(counts.Length);
        foreach (var c in counts) shares.Add(trials == 0 ? 0 : (double)c / trials);
        return new StateShares(name, categories, shares.MoveToImmutable());
    }
}
