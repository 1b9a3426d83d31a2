using Alibaba.ChipSim.Statistics.Convergence;
using Alibaba.ChipSim.Statistics.Weighted;

namespace Alibaba.ChipSim.Tests.Statistics.Weighted;

public sealed class WeightedConvergenceTests
{
    [Fact]
    public void The_weighted_loop_stops_on_the_ess_based_se_of_every_trial_so_far()
    {
        var random = new Random(5);
        const int n = 50_000;
        var values = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.1 ? double.NaN : random.NextDouble() * 10).ToArray();
        var weights = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.3 ? 0 : random.NextDouble()).ToArray();

        var trace = ConvergenceLoop.RunWeighted(new SeTarget("x", 0.0), 7_000, n,
            (first, count) => (values[(int)first..((int)first + count)], weights[(int)first..((int)first + count)]));

        // Never reaches se 0: one point per batch, each the weighted statistics of the trials so far.
        Assert.False(trace.Converged);
        Assert.Equal(8, trace.Points.Length);
        foreach (var p in trace.Points)
        {
            var s = WeightedColumnStatistics.Summarize("x", values[..(int)p.Trials], weights[..(int)p.Trials]);
            Assert.Equal(s.Count, p.Count);
            Assert.Equal(s.Mean!.Value, p.Mean, 10);
            Assert.Equal(s.Se!.Value, p.Se, 10);
        }
    }
}
