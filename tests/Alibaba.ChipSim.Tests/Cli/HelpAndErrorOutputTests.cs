using Alibaba.ChipSim.Cli;
using Snapshooter;
using Snapshooter.Xunit;

namespace Alibaba.ChipSim.Tests.Cli;

/// <summary>What the command line prints for help, version and invalid arguments, under snapshot.</summary>
public sealed class HelpAndErrorOutputTests
{
    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error);
        return (exit, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("top", new string[] { "--help" })]
    [InlineData("run", new[] { "run", "--help" })]
    [InlineData("diff", new[] { "diff", "--help" })]
    [InlineData("validate", new[] { "validate", "--help" })]
    public async Task Help_matches_the_snapshot(string name, string[] args)
    {
        var (exit, output, error) = await Run(args);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Snapshot.Match(output, SnapshotNameExtension.Create(name));
    }

    [Theory]
    [InlineData("misspelt-command", new[] { "rnu" })]
    [InlineData("misspelt-option", new[] { "run", "--trails", "5" })]
    [InlineData("misspelt-option-of-validate", new[] { "validate", "--strcit", "a.yaml" })]
    [InlineData("diff-without-arguments", new[] { "diff" })]
    [InlineData("bad-target", new[] { "run", "--target", "roi<<0.1" })]
    [InlineData("bad-trials", new[] { "run", "--trials", "many" })]
    [InlineData("no-command", new string[0])]
    public async Task Invalid_arguments_exit_2_with_an_error_that_matches_the_snapshot(string name, string[] args)
    {
        var (exit, output, error) = await Run(args);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Snapshot.Match(error, SnapshotNameExtension.Create(name));
    }

    [Fact]
    public async Task A_misspelt_command_is_reported_without_the_missing_command_line_and_with_a_suggestion()
    {
        var (_, _, error) = await Run("rnu");

        Assert.Equal("chipsim: Unrecognized command 'rnu'. Did you mean 'run'?\nRun 'chipsim --help' for usage.\n", error);
    }

    [Fact]
    public async Task A_misspelt_option_gets_the_closest_option()
    {
        var (_, _, error) = await Run("run", "--trails", "5");

        Assert.Contains("Unrecognized option '--trails'. Did you mean '--trials'?", error);
    }

    [Fact]
    public async Task Diff_without_arguments_prints_its_error_once()
    {
        var (_, _, error) = await Run("diff");

        Assert.Equal(1, error.Split('\n').Count(l => l.Contains("Required argument missing", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Version_and_the_version_option_print_the_same_string()
    {
        var (_, option, _) = await Run("--version");

        Assert.Equal(EngineInfo.Name + "\n", option);
        Assert.StartsWith("chipsim ", option);
    }

    [Fact]
    public async Task Top_level_help_shows_optional_arguments_as_optional_with_examples_and_exit_codes()
    {
        var (_, output, _) = await Run("--help");

        Assert.Contains("  run [<scenario>...]", output);
        Assert.Contains("  diff <A> <B>", output);
        Assert.Contains("Examples:\n", output);
        Assert.Contains("  130  interrupted", output);
    }
}
