using System.CommandLine;
using Alibaba.ChipSim.Cli;
using Alibaba.ChipSim.Tests.Scenarios;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Runs the real command line (as Program.cs does) with captured output.</summary>
    private int Chipsim(params string[] args)
    {
        var root = new RootCommand();
        foreach (var c in CommandCatalog.All()) root.Subcommands.Add(c);
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = _out, Error = _err });
    }

    private static string[] Lines(StringWriter w) => w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void A_valid_file_prints_ok_on_stdout_and_exits_0()
    {
        var file = _dir.Write("good.yaml", ScenarioTexts.SpecExample);

        var exit = Chipsim("validate", file);

        Assert.Equal(0, exit);
        Assert.Equal([$"{file}: ok"], Lines(_out));
        Assert.Equal("", _err.ToString());
    }

    [Fact]
    public void Every_problem_goes_to_stderr_one_per_line_and_the_exit_code_is_2()
    {
        var text = ScenarioTexts.SpecExample.Replace("months: 25", "months: 0").Replace("ai_share: 0.2", "ai_share: 2");
        var file = _dir.Write("bad.yaml", text);

        var exit = Chipsim("validate", file);

        Assert.Equal(2, exit);
        Assert.Equal("", _out.ToString());
        Assert.Equal(
            [
                $"{file}:{ScenarioTexts.LineOf(text, "months:")}:11: calendar.months: expected a whole number from 1 to 1200 (got 0)",
                $"{file}:{ScenarioTexts.LineOf(text, "ai_share:")}:13: revenue.ai_share: must be in [0, 1] (got 2)",
            ],
            Lines(_err));
    }

    [Fact]
    public void A_missing_file_is_named_and_the_others_are_still_checked()
    {
        var good = _dir.Write("good.yaml", ScenarioTexts.SpecExample);
        var missing = Path.Combine(_dir.Path, "missing.yaml");

        var exit = Chipsim("validate", missing, good);

        Assert.Equal(2, exit);
        Assert.Equal([$"{missing}: file not found: {missing}"], Lines(_err));
        Assert.Equal([$"{good}: ok"], Lines(_out));
    }

    [Fact]
    public void Warnings_are_printed_but_pass_and_strict_turns_them_into_a_failure()
    {
        var file = _dir.Write("variant.yaml", ScenarioTexts.SpecExample.Replace("at: 2026-09", "at: 2029-01"));

        Assert.Equal(0, Chipsim("validate", file));
        var warning = Assert.Single(Lines(_err));
        Assert.Contains(": warning: actors.beijing.transitions[3].at: 2029-01 is outside the simulated months", warning);

        Assert.Equal(2, Chipsim("validate", "--strict", file));
        Assert.DoesNotContain("warning:", Lines(_err)[^1]);
        Assert.Equal([$"{file}: ok"], Lines(_out)); // only from the first, lenient run
    }

    [Fact]
    public void Validate_without_files_is_invalid_input()
    {
        Assert.Equal(2, Chipsim("validate"));
        Assert.Contains("give at least one scenario file", _err.ToString());
    }

    [Fact]
    public void Scenario_input_loads_all_files_or_none()
    {
        var good = _dir.Write("good.yaml", ScenarioTexts.SpecExample);
        var bad = _dir.Write("bad.yaml", "name: x\n");

        Assert.Null(ScenarioInput.LoadAll([good, bad], _err));
        Assert.Contains($"{bad}:1:1: calendar: missing required key 'calendar'", _err.ToString());

        var both = ScenarioInput.LoadAll([good, good], TextWriter.Null);
        Assert.NotNull(both);
        Assert.Equal(2, both.Count);
    }

    [Fact]
    public void Scenario_input_prints_warnings_and_still_returns_the_scenario()
    {
        var file = _dir.Write("variant.yaml", ScenarioTexts.SpecExample.Replace("initial: under_review", "initial: banned"));

        var scenario = ScenarioInput.Load(file, _err);

        Assert.NotNull(scenario);
        Assert.Equal(4, Lines(_err).Length);
        Assert.Null(ScenarioInput.Load(file, TextWriter.Null, strict: true));
    }
}
