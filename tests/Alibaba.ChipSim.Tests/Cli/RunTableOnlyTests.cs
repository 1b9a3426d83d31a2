using System.Collections.Immutable;
using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Cli.Running;
using Alibaba.ChipSim.Scenarios;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

/// <summary>
/// A <c>run</c> that only prints the table keeps only the columns the table reads; the table is the one a run that writes
/// <c>summary.json</c> (every column) prints, character for character.
/// </summary>
public sealed class RunTableOnlyTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "chipsim-table-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    private static readonly ImmutableArray<TargetSpec> Targets =
    [
        TargetSpec.TryParse("modules_shipped>5000", out _)!,
        TargetSpec.TryParse("incremental_revenue_cny_bn_FY2027Q2>1", out _)!,
        TargetSpec.TryParse("beijing_approved_month<6", out _)!,
    ];

    private string Table(string[] scenarios, string? outDir, long streamAbove = RunRequestLimit, string? history = null)
    {
        using var console = new TestConsole().Width(200);
        var settings = new RunSettings(3_000, 9, 2, outDir, outDir is null ? [] : ["json"], Quiet: true, Json: false)
        {
            Targets = Targets, StreamAbove = streamAbove, HistoryFile = history,
        };
        Assert.Equal(outDir is null, settings.PrintsTableOnly);
        var errors = new StringWriter();
        var exit = RunCommand.Execute([.. scenarios.Select(s => Path.Combine(RepoRoot.Scenarios, s))], settings, console, new StringWriter(), errors, outputRedirected: true);
        Assert.True(exit == 0, errors.ToString());
        return console.Output;
    }

    private const long RunRequestLimit = Alibaba.ChipSim.Runs.RunRequest.DefaultColumnTrialsLimit;

    [Theory]
    [MemberData(nameof(ShippedScenarios.Files), MemberType = typeof(ShippedScenarios))]
    public void The_table_of_a_table_only_run_is_the_table_of_a_run_that_keeps_every_column(string file)
    {
        var full = Table([file], Path.Combine(_out, "full"));
        Assert.Contains("P(modules_shipped>5000)", full);
        Assert.Equal(full, Table([file], null));
        // Streamed in chunks (no column kept) too.
        Assert.Equal(full, Table([file], null, streamAbove: 0));
    }

    [Fact]
    public void Scenarios_side_by_side_and_conditioned_on_history_print_the_same_table()
    {
        string[] files = ["base.yaml", "fee-raised.yaml", "as-of-2026-06.yaml"];
        Assert.Equal(Table(files, Path.Combine(_out, "side")), Table(files, null));
        var history = Path.Combine(RepoRoot.Scenarios, "history", "history-2026-06.yaml");
        Assert.Equal(Table(["base.yaml", "cap-75k.yaml"], Path.Combine(_out, "history"), history: history), Table(["base.yaml", "cap-75k.yaml"], null, history: history));
    }

    [Theory]
    [InlineData("out", false, false, false)]
    [InlineData(null, true, false, false)]
    [InlineData(null, false, true, false)]
    [InlineData(null, false, false, true)]
    public void Only_a_run_that_prints_nothing_but_the_table_narrows_its_columns(string? outDir, bool json, bool sensitivity, bool untilSe)
    {
        var settings = new RunSettings(10, 1, 1, outDir, [], Quiet: true, Json: json)
        {
            Sensitivity = sensitivity,
            UntilSe = untilSe ? new Alibaba.ChipSim.Statistics.Convergence.SeTarget("roi", 0.01) : null,
        };
        Assert.False(settings.PrintsTableOnly);
        Assert.True((settings with { OutDir = null, Json = false, Sensitivity = false, UntilSe = null }).PrintsTableOnly);
    }
}
