using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Sampling;
using Alibaba.ChipSim.Statistics.Convergence;

namespace Alibaba.ChipSim.Tests.Statistics;

public sealed class ConvergenceLoopTests
{
    // A stand-in for the engine: trial t's value is a pure function of (seed, t), as in a real run.
    private static Func<long, int, double[]> Batches(ulong seed, List<(long, int)>? calls = null) => (first, count) =>
    {
        calls?.Add((first, count));
        return Enumerable.Range(0, count).Select(i => 100 * RandomStreams.Uniform(seed, first + i, 1, 0)).ToArray();
    };

    [Fact]
    public void Stops_at_the_first_batch_whose_standard_error_meets_the_target()
    {
        // Uniform(0, 100): sd ≈ 28.87, so SE ≤ 0.5 needs about (28.87 / 0.5)² ≈ 3,333 trials: batch 4 of 1,000.
        var calls = new List<(long, int)>();
        var trace = ConvergenceLoop.Run(new SeTarget("x", 0.5), 1000, 1_000_000, Batches(1, calls));
        Assert.True(trace.Converged);
        Assert.Equal(4000, trace.Trials);
        Assert.Equal([(0L, 1000), (1000L, 1000), (2000L, 1000), (3000L, 1000)], calls);
        Assert.True(trace.Points[^1].Se <= 0.5 && trace.Points[^2].Se > 0.5);
    }

    [Fact]
    public void Repeated_runs_with_the_same_seed_stop_at_the_same_trial_count_with_the_same_trace()
    {
        var a = ConvergenceLoop.Run(new SeTarget("x", 0.3), 500, 1_000_000, Batches(7));
        var b = ConvergenceLoop.Run(new SeTarget("x", 0.3), 500, 1_000_000, Batches(7));
        Assert.Equal(a.Trials, b.Trials);
        Assert.Equal(a.Points.ToArray(), b.Points.ToArray());
    }

    [Fact]
    public void The_merged_mean_and_standard_error_equal_those_of_all_trials_at_once()
    {
        var trace = ConvergenceLoop.Run(new SeTarget("x", 1e-9), 300, 1000, Batches(3));
        var all = Batches(3)(0, 1000);
        var mean = all.Average();
        var sd = Math.Sqrt(all.Sum(v => (v - mean) * (v - mean)) / (all.Length - 1));
        var last = trace.Points[^1];
        Assert.False(trace.Converged);
        Assert.Equal([300L, 600, 900, 1000], trace.Points.Select(p => p.Trials));
        Assert.Equal(mean, last.Mean, 10);
        Assert.Equal(sd / Math.Sqrt(1000), last.Se, 10);
    }

    [Fact]
    public void Missing_values_do_not_count()
    {
        var trace = ConvergenceLoop.Run(new SeTarget("x", 1e-9), 4, 4, (_, _) => [1, double.NaN, 3, double.NaN]);
        Assert.Equal(2, trace.Points[0].Count);
        Assert.Equal(2.0, trace.Points[0].Mean);
    }

    [Theory]
    [InlineData("cloud_revenue_cny_bn=0.05", "cloud_revenue_cny_bn", 0.05)]
    [InlineData("roi = 1e-3", "roi", 0.001)]
    public void A_target_reads_metric_equals_value(string text, string metric, double se)
    {
        var target = SeTarget.TryParse(text, out var error);
        Assert.Null(error);
        Assert.Equal(new SeTarget(metric, se), target);
    }

    [Theory]
    [InlineData("roi")]
    [InlineData("=0.1")]
    [InlineData("roi=")]
    [InlineData("roi=0")]
    [InlineData("roi=0,5")]
    public void A_malformed_target_is_refused_with_a_message(string text)
    {
        Assert.Null(SeTarget.TryParse(text, out var error));
        Assert.Contains("--until-se", error);
    }
}
