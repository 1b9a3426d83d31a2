using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Runs;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Runs;

public sealed class RunSetTests
{
    [Fact]
    public void Several_scenarios_run_at_the_first_ones_trials_and_seed_and_share_draws()
    {
        var spec = TestScenarios.SpecExample();
        var variant = spec with
        {
            Name = "variant",
            Simulation = spec.Simulation with { Seed = 123, Trials = 99 },
            Economics = spec.Economics with { ExportFeeRate = TestScenarios.P("economics.export_fee_rate", 0.5) },
        };
        var runs = RunSet.For([spec, variant], new RunRequest { Threads = 2 }).RunAll();
        Assert.All(runs, r => Assert.Equal(spec.Simulation.Trials, r.Result.Trials));
        Assert.All(runs, r => Assert.Equal(spec.Simulation.Seed, r.Summary.Seed));
        Assert.Equal(runs[0].Result.Column(MetricNames.ChipsDelivered)!.Values, runs[1].Result.Column(MetricNames.ChipsDelivered)!.Values);
    }

    [Fact]
    public void A_scenario_run_on_its_own_runs_at_its_own_seed_and_trial_count()
    {
        var variant = TestScenarios.SpecExample() with { Simulation = TestScenarios.SpecExample().Simulation with { Seed = 123, Trials = 99 } };
        var set = RunSet.For([variant], new RunRequest());
        Assert.Equal((99L, 123UL), (set.Trials, set.Seed));
    }

    [Fact]
    public void The_request_overrides_the_first_scenarios_trials_and_seed_for_all()
    {
        var set = RunSet.For([TestScenarios.SpecExample(), TestScenarios.SpecExample()], new RunRequest { Trials = 77, Seed = 5 });
        Assert.Equal((77L, 5UL), (set.Trials, set.Seed));
    }

    [Fact]
    public void A_convergence_target_that_is_no_per_trial_metric_is_found_before_anything_runs()
    {
        var request = new RunRequest { Convergence = new ConvergenceRequest(new("cloud_revenue", 0.1), 100, 1000) };
        var missing = RunSet.For([TestScenarios.SpecExample()], request).MissingConvergenceMetric();
        Assert.NotNull(missing);
        Assert.Equal("example", missing.Value.Scenario.Name);
        Assert.Contains(MetricNames.CloudRevenueCnyBn, missing.Value.Metrics);
        Assert.Null(RunSet.For([TestScenarios.SpecExample()], request with { Convergence = new(new(MetricNames.Roi, 0.1)) }).MissingConvergenceMetric());
    }

    [Fact]
    public void Each_scenario_under_convergence_gets_its_own_trace()
    {
        var variant = TestScenarios.SpecExample() with { Name = "variant" };
        var request = new RunRequest { Seed = 11, Threads = 2, Convergence = new ConvergenceRequest(new(MetricNames.Roi, 1e-9), 300, 600) };
        var runs = RunSet.For([TestScenarios.SpecExample(), variant], request).RunAll();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal(600, r.Result.Trials));
        Assert.All(runs, r => Assert.False(r.Summary.Convergence!.Converged));
    }
}
