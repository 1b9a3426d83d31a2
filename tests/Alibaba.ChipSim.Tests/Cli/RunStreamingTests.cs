using System.Collections.Immutable;
using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Cli.Running;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

/// <summary><c>run</c> keeps per-trial columns only when a per-trial file is written; either way summary.json, summary.csv and the table are the same.</summary>
public sealed class RunStreamingTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "chipsim-stream-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    private (string Folder, string Table) Run(string folder, long streamAbove, params string[] formats)
    {
        using var console = new TestConsole().Width(160);
        var dir = Path.Combine(_out, folder);
        var settings = new RunSettings(3_000, 5, 2, dir, formats.ToImmutableArray(), Quiet: true, Json: false)
        {
            StreamAbove = streamAbove,
            Targets = [Alibaba.ChipSim.Scenarios.TargetSpec.TryParse("chips_delivered>10000", out _)!],
        };
        var errors = new StringWriter();
        Assert.Equal(0, RunCommand.Execute([Path.Combine(RepoRoot.Scenarios, "fee-raised.yaml")], settings, console, new StringWriter(), errors, outputRedirected: true));
        Assert.Equal("", errors.ToString());
        return (dir, console.Output);
    }

    [Fact]
    public void A_summary_only_run_above_stream_above_writes_the_summary_files_and_table_of_a_run_with_per_trial_files()
    {
        var kept = Run("kept", 0, "csv");
        var streamed = Run("streamed", 0, "json");
        foreach (var file in new[] { "summary.json", "summary.csv" })
            Assert.Equal(File.ReadAllText(Path.Combine(kept.Folder, file)), File.ReadAllText(Path.Combine(streamed.Folder, file)));
        Assert.Equal(kept.Table, streamed.Table);
        Assert.True(File.Exists(Path.Combine(kept.Folder, "trials.csv")));
        Assert.False(File.Exists(Path.Combine(streamed.Folder, "trials.csv")));
    }

    [Theory]
    [InlineData(null, false, "csv")]
    [InlineData("out", true, "csv")]
    [InlineData("out", true, "parquet")]
    [InlineData("out", true, "xlsx")]
    [InlineData("out", false, "json")]
    public void Only_a_file_with_a_row_per_trial_keeps_the_columns(string? outDir, bool keeps, string format)
    {
        var settings = new RunSettings(10, 1, 1, outDir, [format], Quiet: true, Json: false);
        Assert.Equal(keeps, settings.ToRequest(CancellationToken.None).TrialColumns);
    }
}
