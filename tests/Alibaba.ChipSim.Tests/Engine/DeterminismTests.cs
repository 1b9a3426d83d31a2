using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Engine;

/// <summary>Same seed, same numbers: whatever the threads, the partition of trials, or an unrelated parameter.</summary>
public sealed class DeterminismTests
{
    private static SimulationResult Run(Scenario s, long trials, ulong seed = 20251223, int threads = 1, long first = 0) =>
        SimulationEngine.Run(s, new RunOptions { Trials = trials, Seed = seed, Threads = threads, FirstTrial = first });

    private static void AssertBitIdentical(SimulationResult a, SimulationResult b, int offsetInA = 0)
    {
        Assert.Equal(a.Numeric.Select(c => c.Name), b.Numeric.Select(c => c.Name));
        for (var i = 0; i < a.Numeric.Length; i++)
            for (var t = 0; t < b.Trials; t++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(a.Numeric[i].Values[offsetInA + t]), BitConverter.DoubleToInt64Bits(b.Numeric[i].Values[t]));
        for (var i = 0; i < a.Categorical.Length; i++)
            Assert.Equal(a.Categorical[i].Codes.AsSpan(offsetInA, (int)b.Trials).ToArray(), b.Categorical[i].Codes);
        for (var i = 0; i < a.Quarterly.Length; i++)
            for (var q = 0; q < a.Quarterly[i].Values.Length; q++)
                Assert.Equal(a.Quarterly[i].Values[q].AsSpan(offsetInA, (int)b.Trials).ToArray(), b.Quarterly[i].Values[q]);
    }

    [Fact]
    public void One_thread_and_two_threads_give_bit_identical_results()
    {
        // 3 chunks and a bit, so the two workers interleave chunks.
        var s = TestScenarios.SpecExample();
        var one = Run(s, 3 * SimulationEngine.ChunkSize + 123, threads: 1);
        var two = Run(s, 3 * SimulationEngine.ChunkSize + 123, threads: 2);
        AssertBitIdentical(one, two);
        for (var a = 0; a < one.Occupancy.Length; a++) Assert.Equal(one.Occupancy[a].Counts, two.Occupancy[a].Counts);
    }

    [Fact]
    public void Splitting_the_trials_at_any_point_gives_the_same_rows()
    {
        var s = TestScenarios.SpecExample();
        var whole = Run(s, 10_000);
        var tail = Run(s, 10_000 - 3_001, first: 3_001, threads: 2);
        AssertBitIdentical(whole, tail, offsetInA: 3_001);
    }

    [Fact]
    public void Changing_the_fee_leaves_every_shipment_bit_identical_and_moves_only_money()
    {
        // Common random numbers: the fee is a parameter of its own stream; nothing else may move.
        var s = TestScenarios.SpecExample();
        var raised = s with
        {
            Economics = s.Economics with { ExportFeeRate = TestScenarios.P("economics.export_fee_rate", new UniformDistribution(0.3, 0.5)) },
        };
        var a = Run(s, 5_000);
        var b = Run(raised, 5_000);
        foreach (var name in new[] { MetricNames.ChipsDelivered, MetricNames.ChipsShipped, MetricNames.ModulesShipped,
                     MetricNames.MonthsToFirstDelivery, MetricNames.IncrementalRevenueCnyBn, MetricNames.CloudRevenueCnyBn })
            Assert.Equal(a.Column(name)!.Values, b.Column(name)!.Values);
        Assert.Equal(a.Categorical[0].Codes, b.Categorical[0].Codes);
        Assert.NotEqual(a.Column(MetricNames.CostUsd)!.Values, b.Column(MetricNames.CostUsd)!.Values);
    }

    [Fact]
    public void Two_seeds_give_different_trials()
    {
        var s = TestScenarios.SpecExample();
        var a = Run(s, 2_000, seed: 1);
        var b = Run(s, 2_000, seed: 2);
        var differ = 0;
        var x = a.Column(MetricNames.CloudRevenueCnyBn)!.Values;
        var y = b.Column(MetricNames.CloudRevenueCnyBn)!.Values;
        for (var t = 0; t < x.Length; t++) if (x[t] != y[t]) differ++;
        // Cloud revenue depends on two continuous growth draws: every trial differs.
        Assert.Equal(x.Length, differ);
    }

    [Fact]
    public void Occupancy_counts_every_trial_once_per_actor_and_month()
    {
        var r = Run(TestScenarios.SpecExample(), 3_000, threads: 2);
        foreach (var o in r.Occupancy)
            for (var m = 0; m < o.Months; m++)
            {
                long sum = 0;
                for (var s = 0; s < o.States.Length; s++) sum += o.Count(m, s);
                Assert.Equal(3_000, sum);
            }
        // The final-month occupancy is the distribution of the final states.
        var w = r.Occupancy[0];
        for (var s = 0; s < w.States.Length; s++)
            Assert.Equal(r.Categorical[0].Codes.Count(c => c == s), w.Count(w.Months - 1, s));
    }

    [Fact]
    public void Cancellation_stops_the_run_without_a_result()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => SimulationEngine.Run(TestScenarios.SpecExample(),
            new RunOptions { Trials = 100_000, Seed = 1, CancellationToken = cts.Token }));
    }

    [Fact]
    public void Progress_reaches_the_trial_count()
    {
        var reports = new List<long>();
        var progress = new SynchronousProgress(reports);
        Run(TestScenarios.SpecExample(), 10_000);
        SimulationEngine.Run(TestScenarios.SpecExample(), new RunOptions { Trials = 10_000, Seed = 1, Threads = 2, Progress = progress });
        lock (reports) Assert.Equal(10_000, reports.Max());
    }

    private sealed class SynchronousProgress(List<long> reports) : IProgress<long>
    {
        public void Report(long value)
        {
            lock (reports) reports.Add(value);
        }
    }
}
