using System.Collections.Immutable;
using System.Text.Json;
using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Cli.Running;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Tests.Support;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

public sealed class RunTargetsTests : IDisposable
{
    private readonly Support.TempFolder _out = new();
    private readonly TestConsole _console = new TestConsole().Width(160);
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public void Dispose()
    {
        _out.Dispose();
        _console.Dispose();
    }

    private static RunSettings Settings(string? outDir, params string[] targets) =>
        new(2_000, 11, 2, outDir, ["csv"], Quiet: false, Json: false)
        {
            Targets = [.. targets.Select(t => TargetSpec.TryParse(t, out _)!)],
        };

    private int Run(RunSettings settings) => RunCommand.Execute([], settings, _console, _stdout, _stderr, outputRedirected: true);

    [Fact]
    public void Targets_show_in_a_targets_section_and_in_summary_json()
    {
        Assert.Equal(0, Run(Settings(_out.Path, "roi<0.1", "incremental_revenue_cny_bn>5")));

        Assert.Contains("Targets", _console.Output);
        Assert.Contains("P(roi<0.1)", _console.Output);
        using var doc = JsonDocument.Parse(File.ReadAllText(_out.File("summary.json")));
        var targets = doc.RootElement.GetProperty("targets");
        Assert.Equal(2, targets.GetArrayLength());
        Assert.Equal("roi", targets[0].GetProperty("metric").GetString());
        Assert.Equal("<", targets[0].GetProperty("op").GetString());
        Assert.Equal(0.1, targets[0].GetProperty("threshold").GetDouble());
        Assert.Equal(">", targets[1].GetProperty("op").GetString());
        Assert.Equal(2_000, targets[1].GetProperty("count").GetInt64());
        var p = targets[1].GetProperty("probability").GetDouble();
        var ci = targets[1].GetProperty("ci95");
        Assert.InRange(p, ci[0].GetDouble(), ci[1].GetDouble());
    }

    [Fact]
    public void A_target_on_an_unknown_metric_exits_2_naming_the_argument_and_suggesting_a_metric()
    {
        Assert.Equal(2, Run(Settings(_out.Path, "incremental_revenue_cny<5")));

        Assert.Contains("--target 'incremental_revenue_cny<5'", _stderr.ToString());
        Assert.Contains("did you mean 'incremental_revenue_cny_bn'?", _stderr.ToString());
        Assert.False(File.Exists(_out.File("summary.json")));
    }

    [Fact]
    public void The_wrote_line_goes_to_stderr_not_stdout()
    {
        Assert.Equal(0, Run(Settings(_out.Path)));

        Assert.Contains("Wrote summary.json", _stderr.ToString());
        Assert.DoesNotContain("Wrote", _console.Output);
        Assert.Equal("", _stdout.ToString());
    }

    [Fact]
    public void Format_without_out_exits_2_even_for_csv()
    {
        var settings = new RunSettings(2_000, 11, 2, null, ImmutableArray.Create("csv"), Quiet: false, Json: false) { FormatsGiven = true };

        Assert.Equal(2, Run(settings));
        Assert.Contains("--format chooses the files written with --out", _stderr.ToString());
    }

    [Fact]
    public void With_the_progress_bar_the_statistics_are_announced_on_stderr()
    {
        var exit = RunCommand.Execute([], Settings(null), _console, _stdout, _stderr, outputRedirected: false);

        Assert.Equal(0, exit);
        Assert.Contains(RunCommand.ComputingStatistics, _stderr.ToString());
    }

    [Theory]
    [InlineData(0L, true)]
    [InlineData(1_048_576L, false)]
    public void A_streamed_run_conditioned_on_history_announces_its_further_passes(long streamAbove, bool streamed)
    {
        var scenario = Path.Combine(RepoRoot.Scenarios, "as-of-2026-06.yaml");
        var exit = RunCommand.Execute([scenario], Settings(null) with { StreamAbove = streamAbove }, _console, _stdout, _stderr, outputRedirected: false);

        Assert.Equal(0, exit);
        var announced = _stderr.ToString();
        Assert.Contains(streamed ? RunCommand.ComputingWeightedStatistics : RunCommand.ComputingStatistics + Environment.NewLine, announced);
        if (!streamed) Assert.DoesNotContain(RunCommand.ComputingWeightedStatistics, announced);
    }

    [Fact]
    public void Without_the_progress_bar_nothing_is_announced()
    {
        Assert.Equal(0, Run(Settings(null)));

        Assert.DoesNotContain(RunCommand.ComputingStatistics, _stderr.ToString());
    }
}
