using System.Collections.Immutable;
using Alibaba.ChipSim.Cli.Running;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Runs;
using Alibaba.ChipSim.Tests.Support;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

public sealed class ScenarioRunnerTests
{
    private static RunSettings Settings(long? trials = 3_000, ulong? seed = 9) =>
        new(trials, seed, 0, null, ["csv"], Quiet: false, Json: false);

    private static RunSet Set(RunSettings settings, CancellationToken cancel = default) =>
        RunSet.For([TestScenarios.SpecExample()], settings.ToRequest(cancel));

    [Fact]
    public void The_progress_bar_path_gives_the_same_numbers()
    {
        var console = new TestConsole().Interactive();
        var shown = ScenarioRunner.RunAll(Set(Settings()), console, showProgress: true);
        var plain = ScenarioRunner.RunAll(Set(Settings()), new TestConsole(), showProgress: false);
        Assert.Equal(plain[0].Result.Column(MetricNames.CloudRevenueCnyBn)!.Values, shown[0].Result.Column(MetricNames.CloudRevenueCnyBn)!.Values);
    }

    [Fact]
    public void A_cancelled_run_throws_instead_of_returning_partial_results()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ScenarioRunner.RunAll(Set(Settings(trials: 1_000_000), cancel.Token), new TestConsole().Interactive(), showProgress: true));
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
