using System.Collections.Immutable;
using System.Text.Json;
using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Cli.Running;
using Alibaba.ChipSim.Statistics.Convergence;
using Alibaba.ChipSim.Tests.Support;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

/// <summary><c>run --sensitivity</c> and <c>run --until-se</c>.</summary>
public sealed class RunSamplingOptionsTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "chipsim-run-se-" + Guid.NewGuid().ToString("N"));
    private readonly TestConsole _console = new TestConsole().Width(160);
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public void Dispose()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
        _console.Dispose();
    }

    private static RunSettings Settings(long? trials = 2_000, string? outDir = null, bool json = false) =>
        new(trials, 11, 2, outDir, ["csv"], Quiet: false, Json: json);

    private int Run(RunSettings settings, params string[] paths) =>
        RunCommand.Execute(paths, settings, _console, _stdout, _stderr, outputRedirected: true);

    [Fact]
    public void Sensitivity_prints_a_ranked_table_and_adds_the_section_to_summary_json()
    {
        Assert.Equal(0, Run(Settings(outDir: _out) with { Sensitivity = true }));
        Assert.Contains("base: what moves cloud_revenue_cny_bn", _console.Output);
        Assert.Contains("Spearman ρ", _console.Output);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "summary.json")));
        var outputs = doc.RootElement.GetProperty("sensitivity").GetProperty("outputs");
        var first = outputs.GetProperty("cloud_revenue_cny_bn").GetProperty("inputs")[0];
        Assert.True(first.GetProperty("spearman").GetDouble() != 0);
    }

    [Fact]
    public void Until_se_stops_at_the_same_trial_count_on_repeated_runs_and_records_the_trace()
    {
        var settings = Settings(trials: null, json: true) with
        {
            UntilSe = new SeTarget("cloud_revenue_cny_bn", 2.0), BatchTrials = 500, MaxTrials = 20_000,
        };
        Assert.Equal(0, Run(settings));
        var first = _stdout.ToString();
        _stdout.GetStringBuilder().Clear();
        Assert.Equal(0, Run(settings));
        Assert.Equal(first, _stdout.ToString());
        using var doc = JsonDocument.Parse(first);
        var convergence = doc.RootElement.GetProperty("convergence");
        var trace = convergence.GetProperty("trace");
        Assert.True(convergence.GetProperty("converged").GetBoolean());
        Assert.Equal(doc.RootElement.GetProperty("trials").GetInt64(), trace[trace.GetArrayLength() - 1].GetProperty("trials").GetInt64());
        Assert.True(trace[trace.GetArrayLength() - 1].GetProperty("se").GetDouble() <= 2.0);
    }

    [Fact]
    public void Until_se_with_trials_is_refused()
    {
        Assert.Equal(2, Run(Settings() with { UntilSe = new SeTarget("roi", 0.1) }));
        Assert.Contains("--until-se chooses the number of trials", _stderr.ToString());
    }

    [Fact]
    public void Until_se_on_an_unknown_metric_is_refused_with_exit_code_2()
    {
        Assert.Equal(2, Run(Settings(trials: null) with { UntilSe = new SeTarget("revenue", 0.1) }));
        Assert.Contains("'revenue' is not a per-trial metric", _stderr.ToString());
    }
}
