using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Cli.Running;
using Alibaba.ChipSim.Tests.Support;
using DuckDB.NET.Data;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

public sealed class RunParquetExportTests
{
    [Fact]
    public void Run_with_format_parquet_writes_trials_parquet_and_the_summary_files_only()
    {
        using var dir = new TempFolder();
        var settings = new RunSettings(2_000, null, 0, dir.Path, ["parquet"], Quiet: true, Json: false);

        var exit = RunCommand.Execute([Path.Combine(RepoRoot.Scenarios, "base.yaml")], settings, new TestConsole(),
            new StringWriter(), new StringWriter(), outputRedirected: true);

        Assert.Equal(0, exit);
        var written = Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["summary.csv", "summary.json", "trials.parquet"], written);
        var parquet = Directory.GetFiles(dir.Path, "trials.parquet", SearchOption.AllDirectories).Single();
        using var duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        using var command = duck.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM read_parquet('{parquet}')";
        Assert.Equal(2_000L, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
