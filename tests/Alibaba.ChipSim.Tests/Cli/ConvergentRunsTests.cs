using Alibaba.ChipSim.Cli.Running;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Statistics.Convergence;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Cli;

public sealed class ConvergentRunsTests
{
    private static readonly RunOptions Options = new() { Trials = 1, Seed = 11, Threads = 2 };

    [Fact]
    public void An_unknown_metric_is_refused_before_anything_runs_listing_the_metrics()
    {
        var errors = new StringWriter();
        var outcome = ConvergentRuns.RunAll([TestScenarios.SpecExample()], new SeTarget("cloud_revenue", 0.1), Options, 100, 1000, errors);
        Assert.Null(outcome);
        Assert.Contains("'cloud_revenue' is not a per-trial metric of scenario 'example'", errors.ToString());
        Assert.Contains("cloud_revenue_cny_bn", errors.ToString());
    }

    [Fact]
    public void Each_scenario_gets_its_own_trace()
    {
        var variant = TestScenarios.SpecExample() with { Name = "variant" };
        var outcome = ConvergentRuns.RunAll([TestScenarios.SpecExample(), variant], new SeTarget("roi", 1e-9), Options, 300, 600, TextWriter.Null);
        var (results, traces) = outcome!.Value;
        Assert.Equal(2, traces.Count);
        Assert.All(results, r => Assert.Equal(600, r.Trials));
        Assert.All(traces, t => Assert.False(t.Converged));
    }
}
