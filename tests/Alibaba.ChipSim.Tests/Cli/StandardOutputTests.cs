using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Cli;

/// <summary>
/// Standard output that cannot be written, in a fresh process: a full disk (<c>&gt; /dev/full</c>) is exit 1 with one line
/// for every command; a reader that went away (a closed pipe, <c>| head -c1</c>) is no error.
/// </summary>
public sealed class StandardOutputTests
{
    private static string Base => Path.Combine(RepoRoot.Scenarios, "base.yaml");

    private static string BaseSnapshot => Path.Combine(RepoRoot.Scenarios, "base.snapshot.json");

    public static TheoryData<string[]> Commands => new()
    {
        new[] { "run", Base, "--json", "--trials", "200" },
        new[] { "run", Base, "--trials", "200" },
        new[] { "schema" },
        new[] { "graph", Base },
        new[] { "validate", Base },
        new[] { "--help" },
        new[] { "diff", BaseSnapshot, BaseSnapshot, "--json" },
        new[] { "diff", BaseSnapshot, BaseSnapshot },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_full_standard_output_is_exit_1_with_one_line_and_no_stack_trace(string[] args)
    {
        if (!File.Exists("/dev/full")) return; // Linux only

        var (exit, error) = CliSummary.Exec("/dev/full", null, args);

        Assert.Equal(1, exit);
        Assert.Equal("chipsim: cannot write to standard output: No space left on device\n", error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_closed_standard_output_ends_the_command_as_usual_without_a_message()
    {
        if (OperatingSystem.IsWindows()) return;

        var (exit, error) = CliSummary.Exec(null, null, "run", Base, "--json", "--trials", "200");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("exception", error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", error);
    }
}
