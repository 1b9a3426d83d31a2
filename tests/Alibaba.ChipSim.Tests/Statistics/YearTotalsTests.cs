using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Statistics.Weighted;

namespace Alibaba.ChipSim.Tests.Statistics;

/// <summary>The fiscal-year totals of the per-quarter metrics (quarters.csv's year rows, the workbook's years).</summary>
public sealed class YearTotalsTests
{
    /// <summary>as-of-2026-06.yaml (conditioned on its own history through 2026-06): 4,000 trials at its seed, two threads.</summary>
    private static readonly Lazy<SimulationResult> Conditioned = new(() =>
    {
        var scenario = ShippedScenarios.Load("as-of-2026-06.yaml");
        return SimulationEngine.Run(scenario, new RunOptions { Trials = 4000, Seed = scenario.Simulation.Seed, Threads = 2 });
    });

    [Fact]
    public void A_run_conditioned_on_history_weighs_its_year_totals_as_it_weighs_its_quarters()
    {
        var result = Conditioned.Value;
        var weights = result.Weights!;
        Assert.Contains(weights, w => w > 0 && w < 1); // the weights really differ from trial to trial
        var summary = SummaryBuilder.Build(result, maxThreads: 2);
        Assert.NotEmpty(summary.Years);

        foreach (var year in summary.Years)
        {
            // Each year's statistics are the weighted statistics of the trials' four-quarter sums, bit for bit...
            var quarterNames = result.Quarterly[0].Quarters;
            var quarters = Enumerable.Range(0, quarterNames.Length).Where(q => quarterNames[q].StartsWith(year.Year + "Q", StringComparison.Ordinal)).ToArray();
            Assert.Equal(4, quarters.Length);
            var metric = result.Quarterly.Single(q => q.Metric == year.Metric);
            var sums = new double[result.Trials];
            foreach (var q in quarters)
                for (var t = 0; t < sums.Length; t++) sums[t] += metric.Values[q][t];
            Streaming.StreamingColumnTests.AssertSameBits(WeightedColumnStatistics.Summarize(year.Statistics.Name, sums, weights), year.Statistics);

            // ...so the year's mean is the sum of its quarters' (weighted) means, up to rounding.
            var quarterMeans = quarters.Sum(q => summary.Quarters.Single(s => s.Quarter == quarterNames[q] && s.Metric == year.Metric).Mean!.Value);
            Assert.Equal(quarterMeans, year.Statistics.Mean!.Value, 1e-9 * Math.Max(1, Math.Abs(quarterMeans)));
        }
    }

    [Fact]
    public void Year_totals_are_the_same_bits_on_any_number_of_threads()
    {
        var result = Conditioned.Value;
        var one = YearTotals.Of(result, maxThreads: 1);
        var three = YearTotals.Of(result, maxThreads: 3);
        Assert.Equal(one.Length, three.Length);
        for (var i = 0; i < one.Length; i++)
        {
            Assert.Equal((one[i].Year, one[i].Metric), (three[i].Year, three[i].Metric));
            Streaming.StreamingColumnTests.AssertSameBits(one[i].Statistics, three[i].Statistics);
        }
    }
}
