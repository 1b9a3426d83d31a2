using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics.Convergence;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Statistics;

public sealed class ConvergenceRunnerTests
{
    private static readonly RunOptions Options = new() { Trials = 1, Seed = 20251223, Threads = 2 };

    [Theory]
    [InlineData(SamplingMethod.MonteCarlo)]
    [InlineData(SamplingMethod.LatinHypercube)]
    public void Until_se_stops_at_the_same_trial_count_on_repeated_runs_and_the_result_is_the_union_of_the_batches(SamplingMethod method)
    {
        var s = TestScenarios.SpecExample() with { Simulation = new SimulationSpec(1000, 1, method) };
        // cloud revenue has an SD of a few CNY bn here: SE 0.15 needs some thousands of trials, several batches of 500.
        var target = new SeTarget(MetricNames.CloudRevenueCnyBn, 0.15);
        var (a, traceA) = ConvergenceRunner.Run(s, target, Options, 500, 50_000);
        var (_, traceB) = ConvergenceRunner.Run(s, target, Options with { Threads = 1 }, 500, 50_000);

        Assert.True(traceA.Converged);
        Assert.True(traceA.Points.Length > 1, $"{traceA.Points.Length} batches");
        Assert.Equal(traceA.Points.ToArray(), traceB.Points.ToArray());
        Assert.Equal(traceA.Trials, a.Trials);
        // The final run's mean over all its trials is the trace's last mean (same trials, same values).
        var values = a.Column(MetricNames.CloudRevenueCnyBn)!.Values;
        Assert.Equal(traceA.Points[^1].Mean, values.Average(), 9);
    }

    [Fact]
    public void The_cap_stops_a_target_that_is_never_met()
    {
        var (result, trace) = ConvergenceRunner.Run(TestScenarios.SpecExample(), new SeTarget(MetricNames.CloudRevenueCnyBn, 1e-9), Options, 400, 1000);
        Assert.False(trace.Converged);
        Assert.Equal([400L, 800, 1000], trace.Points.Select(p => p.Trials));
        Assert.Equal(1000, result.Trials);
    }

    [Fact]
    public void The_metrics_a_target_may_name_are_the_numeric_columns()
    {
        var names = ConvergenceRunner.MetricsOf(TestScenarios.SpecExample(), Options);
        Assert.Contains(MetricNames.Roi, names);
        Assert.Contains(MetricNames.CloudRevenueCnyBn, names);
    }
}
