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
        Build(result, result.Weights, result.Scenario.History?.AsOf ?? default, maxThreads);

    /// <summary>
    /// The summary of a run whose trials carry <paramref name="weights"/> (a run conditioned on history observed through
    /// <paramref name="asOf"/>): every statistic weighted, and the <c>history</c> block. Null weights give exactly the
    /// unweighted summary (the unweighted code runs).
    /// </summary>
    internal static RunSummary Build(SimulationResult result, double[]? weights, Scenarios.Month asOf, int? maxThreads)
    {
        var jobs = new List<Func<MetricEntry>>();
        foreach (var c in result.Numeric)
        {
            jobs.Add(weights is null
                ? () => ColumnStatistics.Summarize(c.Name, c.Values, c.IsBinary, c.IsWholeNumber)
                : () => Weighted.WeightedColumnStatistics.Summarize(c.Name, c.Values, weights, c.IsBinary, c.IsWholeNumber));
        }
        foreach (var c in result.Categorical)
        {
            jobs.Add(weights is null ? () => Shares(c) : () => Weighted.WeightedShares.Of(c, weights));
        }
        var quarterNames = new List<string>();
        var quarterEntry = new Dictionary<(string Quarter, string Metric), int>();
        foreach (var qc in result.Quarterly)
        {
            for (var q = 0; q < qc.Quarters.Length; q++)
            {
                var values = qc.Values[q];
                var name = QuarterMetricName(qc.Metric, qc.Quarters[q]);
                if (!quarterNames.Contains(qc.Quarters[q])) quarterNames.Add(qc.Quarters[q]);
                quarterEntry[(qc.Quarters[q], qc.Metric)] = jobs.Count;
                jobs.Add(weights is null
                    ? () => ColumnStatistics.Summarize(name, values)
                    : () => Weighted.WeightedColumnStatistics.Summarize(name, values, weights));
            }
        }

        var entries = new MetricEntry[jobs.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxThreads ?? Environment.ProcessorCount };
        Parallel.For(0, jobs.Count, options, i => entries[i] = jobs[i]());

        // Quarter by quarter (time order), then metric by metric: the row order of quarters.csv.
        var quarters = ImmutableArray.CreateBuilder<QuarterSummary>(quarterEntry.Count);
        foreach (var quarter in quarterNames)
        {
            foreach (var qc in result.Quarterly)
            {
                if (quarterEntry.TryGetValue((quarter, qc.Metric), out var i))
                {
                    quarters.Add(QuarterSummary.From(quarter, qc.Metric, (MetricSummary)entries[i]));
                }
            }
        }
        return new RunSummary(
            result.Scenario.Name, result.Scenario.Sha256, result.Seed, result.Trials, EngineInfo.Name,
            ImmutableArray.Create(entries), quarters.MoveToImmutable())
        {
            Calendar = result.Scenario.Calendar,
            History = weights is null ? null : History(weights, asOf),
        };
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
        var counts = new long[column.Categories.Length];
        foreach (var code in column.Codes) counts[code]++;
        var shares = ImmutableArray.CreateBuilder<double>(counts.Length);
        foreach (var c in counts) shares.Add(column.Codes.Length == 0 ? 0 : (double)c / column.Codes.Length);
        return new StateShares(column.Name, column.Categories, shares.MoveToImmutable());
    }
}
