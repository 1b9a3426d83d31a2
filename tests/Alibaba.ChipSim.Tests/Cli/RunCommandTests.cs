using System.Collections.Immutable;
using System.CommandLine;
using System.Text.Json;
using Alibaba.ChipSim.Cli;
using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Cli.Running;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

public sealed class RunCommandTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "chipsim-run-" + Guid.NewGuid().ToString("N"));
    private readonly TestConsole _console = new TestConsole().Width(160);
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public void Dispose()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
        _console.Dispose();
    }

    private static string Scenario(string name) => Path.Combine(RepoRoot.Scenarios, name);

    private static RunSettings Settings(long trials = 2_000, string? outDir = null, bool json = false, params string[] formats) =>
        new(trials, 11, 2, outDir, formats.Length == 0 ? ["csv"] : formats.ToImmutableArray(), Quiet: false, Json: json);

    private int Run(RunSettings settings, params string[] paths) =>
        RunCommand.Execute(paths, settings, _console, _stdout, _stderr, outputRedirected: true);

    [Fact]
    public void With_no_scenario_the_embedded_base_is_run_and_summarised()
    {
        Assert.Equal(0, Run(Settings()));
        Assert.Contains("base: 2,000 trials, seed 11", _console.Output);
        Assert.Contains("Delivered by the deadline", _console.Output);
        Assert.Equal("", _stderr.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_console_output_has_no_trailing_spaces_on_any_line(bool several)
    {
        // Given a run with every table (summary, sensitivity, targets), of one scenario or two side by side
        string[] paths = several ? [Scenario("base.yaml"), Scenario("fee-raised.yaml")] : [Scenario("base.yaml")];
        Assert.Equal(0, Run(Settings() with { Sensitivity = true, Targets = [Alibaba.ChipSim.Scenarios.TargetSpec.TryParse("roi<0.1", out _)!] }, paths));

        // Then no line ends in whitespace, the centred titles and captions included
        var lines = _console.Output.Split('\n');
        Assert.Contains(lines, l => l.Contains("trials", StringComparison.Ordinal) && l.StartsWith(' '));
        Assert.All(lines, l => Assert.Equal(l.TrimEnd(), l));
    }

    [Fact]
    public void Json_prints_the_summary_json_on_stdout_and_nothing_on_the_console()
    {
        Assert.Equal(0, Run(Settings(json: true), Scenario("base.yaml")));
        using var doc = JsonDocument.Parse(_stdout.ToString());
        Assert.Equal("base", doc.RootElement.GetProperty("scenario").GetString());
        Assert.Equal(2_000, doc.RootElement.GetProperty("trials").GetInt64());
        Assert.True(doc.RootElement.GetProperty("metrics").GetProperty("delivered_by_deadline").TryGetProperty("ci95", out _));
        Assert.Equal("", _console.Output);
    }

    [Fact]
    public void Several_scenarios_write_one_folder_each_and_share_the_seed()
    {
        Assert.Equal(0, Run(Settings(outDir: _out), Scenario("base.yaml"), Scenario("fee-raised.yaml")));
        foreach (var name in new[] { "base", "fee-raised" })
        {
            Assert.True(File.Exists(Path.Combine(_out, name, "summary.json")), name);
            Assert.True(File.Exists(Path.Combine(_out, name, "trials.csv")), name);
            Assert.True(File.Exists(Path.Combine(_out, name, "quarters.csv")), name);
        }
        // The fee variant changes only money: the chips column of trials.csv is the same, line for line.
        static IEnumerable<string> Chips(string file)
        {
            var lines = File.ReadLines(file).ToList();
            var col = Array.IndexOf(lines[0].Split(','), "chips_delivered");
            return lines.Skip(1).Select(l => l.Split(',')[col]);
        }
        Assert.Equal(Chips(Path.Combine(_out, "base", "trials.csv")), Chips(Path.Combine(_out, "fee-raised", "trials.csv")));
        Assert.Contains("fee-raised", _console.Output);
    }

    [Fact]
    public void Json_format_alone_writes_only_the_summary()
    {
        Assert.Equal(0, Run(Settings(outDir: _out, formats: "json")));
        Assert.Equal(["summary.csv", "summary.json"], Directory.GetFiles(_out).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void An_invalid_scenario_exits_2_and_writes_nothing()
    {
        var bad = Path.Combine(Path.GetTempPath(), "chipsim-bad-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(bad, "name: bad\ncalendar: { start: 2025-13, months: 0 }\n");
        try
        {
            Assert.Equal(2, Run(Settings(outDir: _out), bad));
            Assert.Contains(Path.GetFileName(bad), _stderr.ToString());
            Assert.False(Directory.Exists(_out));
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public void An_interrupted_run_exits_130_and_leaves_no_output_folder()
    {
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        var code = RunCommand.Execute([], Settings(trials: 200_000, outDir: _out), _console, _stdout, _stderr, outputRedirected: true, stop.Token);
        Assert.Equal(ExitCode.Interrupted, code);
        Assert.Contains("interrupted", _stderr.ToString());
        Assert.False(Directory.Exists(_out));
        Assert.Equal("", _stdout.ToString());
    }

    [Fact]
    public void Format_without_an_output_folder_is_invalid()
    {
        Assert.Equal(2, Run(Settings(formats: "json")));
        Assert.Contains("--out", _stderr.ToString());
    }

    [Theory]
    [InlineData("--trials", "0")]
    [InlineData("--trials", "many")]
    [InlineData("--threads", "-1")]
    [InlineData("--format", "xls")]
    [InlineData("--bogus", "1")]
    [InlineData("--threads", "2000")]
    public void Invalid_arguments_are_parse_errors(string option, string value)
    {
        foreach (var command in new[] { RunCommand.Build(), BenchCommand.Build() })
        {
            var root = new RootCommand();
            root.Subcommands.Add(command);
            if (option == "--format" && command.Name == "bench") continue;
            Assert.NotEmpty(root.Parse([command.Name, option, value]).Errors);
        }
    }

    [Fact]
    public void Valid_arguments_parse_cleanly()
    {
        var root = new RootCommand();
        root.Subcommands.Add(RunCommand.Build());
        Assert.Empty(root.Parse(["run", "a.yaml", "b.yaml", "--trials", "1000", "--seed", "7", "--threads", "2", "--out", "x", "--format", "csv", "parquet", "--quiet"]).Errors);
    }

    [Fact]
    public void An_output_folder_whose_parent_takes_no_files_is_found_before_the_trials_run_and_named_with_the_reason()
    {
        if (!OperatingSystem.IsLinux()) return; // /proc takes no new files, even for root (CI runs as root, so chmod would not do)
        var target = "/proc/chipsim-test-" + Guid.NewGuid().ToString("N");

        // Stopped before it starts: a run that checked the folder only after its trials would report the interruption (130).
        using var stopped = new CancellationTokenSource();
        stopped.Cancel();
        Assert.Equal(1, RunCommand.Execute([], Settings(outDir: target), _console, _stdout, _stderr, outputRedirected: true, stop: stopped.Token));

        var message = _stderr.ToString();
        Assert.Contains($"run: cannot write the output to {target}: files cannot be created in /proc", message);
        Assert.DoesNotContain("write-check", message);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public void An_unwritable_output_folder_is_a_runtime_failure()
    {
        File.WriteAllText(_out, "a file where the folder should be");
        try
        {
            Assert.Equal(1, Run(Settings(outDir: _out)));
            Assert.Contains("cannot write", _stderr.ToString());
        }
        finally
        {
            File.Delete(_out);
        }
    }
}
