using System.Collections.Immutable;
using Alibaba.ChipSim.Cli.Running;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Tests.Support;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

public sealed class ScenarioRunnerTests
{
    private static RunSettings Settings(long? trials = 3_000, ulong? seed = 9) =>
        new(trials, seed, 0, null, ["csv"], Quiet: false, Json: false);

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
        var results = ScenarioRunner.RunAll([spec, variant], Settings(trials: null, seed: null), new TestConsole(), showProgress: false, CancellationToken.None);
        Assert.All(results, r => Assert.Equal(spec.Simulation.Trials, r.Trials));
        Assert.All(results, r => Assert.Equal(spec.Simulation.Seed, r.Seed));
        Assert.Equal(results[0].Column(MetricNames.ChipsDelivered)!.Values, results[1].Column(MetricNames.ChipsDelivered)!.Values);
    }

    [Fact]
    public void The_progress_bar_path_gives_the_same_numbers()
    {
        var spec = TestScenarios.SpecExample();
        var console = new TestConsole().Interactive();
        var shown = ScenarioRunner.RunAll([spec], Settings(), console, showProgress: true, CancellationToken.None);
        var plain = ScenarioRunner.RunAll([spec], Settings(), new TestConsole(), showProgress: false, CancellationToken.None);
        Assert.Equal(plain[0].Column(MetricNames.CloudRevenueCnyBn)!.Values, shown[0].Column(MetricNames.CloudRevenueCnyBn)!.Values);
    }

    [Fact]
    public void A_cancelled_run_throws_instead_of_returning_partial_results()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ScenarioRunner.RunAll([TestScenarios.SpecExample()], Settings(trials: 1_000_000), new TestConsole().Interactive(), showProgress: true, cancel.Token));
    }

    [Fact]
    public void The_progress_bar_shows_only_on_a_terminal_without_quiet_or_json()
    {
        var s = Settings();
        Assert.True(s.ShowProgress(outputRedirected: false));
        Assert.False(s.ShowProgress(outputRedirected: true));
        Assert.False((s with { Quiet = true }).ShowProgress(false));
        Assert.False((s with { Json = true }).ShowProgress(false));
    }
}
