using System.CommandLine;
using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Cli.Reporting;
using Alibaba.ChipSim.Cli;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Tests.Scenarios;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Cli;

/// <summary>Regression tests of issue 15 at the command line: each bad argument is exit 2 with a message, never a crash.</summary>
public sealed class HostileArgumentTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose() => _dir.Dispose();

    private static RootCommand Root()
    {
        var root = new RootCommand();
        foreach (var c in CommandCatalog.All()) root.Subcommands.Add(c);
        return root;
    }

    private int Chipsim(params string[] args) => Root().Parse(args).Invoke(new InvocationConfiguration { Output = _out, Error = _err });

    private static string[] ParseErrors(params string[] args) => [.. Root().Parse(args).Errors.Select(e => e.Message)];

    [Fact]
    public void Validate_of_dev_zero_exits_2_without_reading_it()
    {
        Assert.Equal(2, Chipsim("validate", "/dev/zero"));
        Assert.Equal("/dev/zero: /dev/zero is not a regular file (a character device); chipsim reads only regular files\n",
            _err.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Run_of_an_empty_scenario_path_is_an_error_not_the_embedded_base_scenario()
    {
        using var console = new Spectre.Console.Testing.TestConsole();
        var settings = new Alibaba.ChipSim.Cli.Running.RunSettings(100, 1, 1, null, ["csv"], Quiet: true, Json: false);

        Assert.Equal(2, RunCommand.Execute([""], settings, console, _out, _err, outputRedirected: true));
        Assert.Contains("the scenario path is empty", _err.ToString());
        Assert.Equal("", console.Output);
    }

    [Theory]
    [InlineData("graph")]
    [InlineData("validate")]
    public void An_empty_scenario_path_is_an_error_not_the_embedded_base_scenario(string command)
    {
        Assert.Equal(2, Chipsim(command, ""));
        Assert.Contains("the scenario path is empty", _err.ToString());
        Assert.Equal("", _out.ToString());
    }

    [Fact]
    public void Report_of_an_empty_scenario_path_is_an_error_and_writes_nothing()
    {
        var outDir = Path.Combine(_dir.Path, "out");

        Assert.Equal(2, ReportCommand.Run(new ReportSettings([""], outDir, 100, null, 1, null), TimeProvider.System, _out, _err));
        Assert.Contains("the scenario path is empty", _err.ToString());
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("run", "--out", "")]
    [InlineData("report", "--out", "")]
    [InlineData("merge", "shard-0", "--out", "")]
    public void An_empty_out_folder_is_an_argument_error_not_an_unhandled_exception(params string[] args) =>
        Assert.Contains("--out needs a folder name (got an empty value)", ParseErrors(args));

    [Theory]
    [InlineData("report", "--out", "x", "--trials", "3000000000")]
    [InlineData("run", "--trials", "3000000000")]
    [InlineData("bench", "--trials", "3000000000")]
    public void A_trial_count_above_the_engine_bound_is_an_argument_error_in_every_command(params string[] args) =>
        Assert.Contains("--trials must be between 1 and 2147483591 (got 3000000000)", ParseErrors(args));

    [Fact]
    public void A_diagnostic_in_an_extended_file_says_which_input_led_to_it()
    {
        _dir.Write("parent.yaml", ScenarioTexts.SpecExample.Replace("usd_cny: 7.05", "usd_cny: -1"));
        var a = _dir.Write("a.yaml", "extends: parent.yaml\nname: a\n");
        var b = _dir.Write("b.yaml", "extends: parent.yaml\nname: b\n");

        Assert.Equal(2, Chipsim("validate", a, b));

        var lines = _err.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith($"(in a file extended by {a})", lines[0]);
        Assert.EndsWith($"(in a file extended by {b})", lines[1]);
    }

    [Fact]
    public void Extends_outside_the_tree_is_refused_unless_allow_extends_outside_is_given()
    {
        var child = _dir.Write("child.yaml", $"extends: {Path.Combine(RepoRoot.Scenarios, "base.yaml")}\nname: child\n");

        Assert.Equal(2, Chipsim("validate", child));
        Assert.Contains("pass --allow-extends-outside to allow it", _err.ToString());
        Assert.Equal(0, Chipsim("validate", "--allow-extends-outside", child));
    }

    [Fact]
    public void An_interrupted_report_exits_130_and_leaves_no_folder_and_no_staging_folder()
    {
        var outDir = Path.Combine(_dir.Path, "out");
        using var stop = new CancellationTokenSource();
        stop.Cancel();

        var code = ReportCommand.Run(new ReportSettings([], outDir, 20_000, null, 1, null), TimeProvider.System, _out, _err, stop.Token);

        Assert.Equal(130, code);
        Assert.Contains("report: interrupted; nothing was written", _err.ToString());
        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public void The_reports_reproduce_line_quotes_a_hostile_file_name_for_the_shell()
    {
        var hostile = _dir.Write("a;id;$(whoami).yaml", File.ReadAllText(Path.Combine(RepoRoot.Scenarios, "base.yaml")));
        var outDir = Path.Combine(_dir.Path, "out");

        Assert.Equal(0, ReportCommand.Run(new ReportSettings([hostile], outDir, 200, 1, 1, null), TimeProvider.System, _out, _err));

        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains($"chipsim run '{hostile}' --seed 1 --trials 200", System.Net.WebUtility.HtmlDecode(html));
    }

    [Theory]
    [InlineData("scenarios/base.yaml", "scenarios/base.yaml")]
    [InlineData("a;id;$(whoami).yaml", "'a;id;$(whoami).yaml'")]
    [InlineData("it's.yaml", "'it'\\''s.yaml'")]
    [InlineData("", "''")]
    public void A_word_is_quoted_for_a_posix_shell_only_when_it_needs_it(string word, string quoted) =>
        Assert.Equal(quoted, ShellQuote.Word(word));
}
