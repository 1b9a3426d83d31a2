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

    [Fact]
    public void A_year_sum_overwrites_what_its_buffer_held_with_the_bits_of_adding_to_a_cleared_one()
    {
        // Quarter values with a negative zero, whose sum with a cleared buffer's +0 is +0, and ordinary values.
        double[][] values = [[-0.0, 1.5, -2.25, 1e-300], [-0.0, 0.1, 3.0, -1e-300], [-0.0, 0.2, 0.0, 7.0]];
        var metric = new QuarterColumns("cloud_revenue_cny_bn", ["FY2027Q1", "FY2027Q2", "FY2027Q3"], values);
        int[] quarters = [0, 1, 2];
        var cleared = new double[4];
        foreach (var q in quarters)
            for (var t = 0; t < cleared.Length; t++) cleared[t] += values[q][t];

        var reused = new[] { double.NaN, 42.0, double.NegativeInfinity, -0.0 }; // left over from the previous column
        YearTotals.AddQuarters(metric, quarters, reused);

        Assert.Equal(cleared.Select(BitConverter.DoubleToInt64Bits), reused.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(0L, BitConverter.DoubleToInt64Bits(reused[0])); // +0, not the quarters' −0
    }
}
