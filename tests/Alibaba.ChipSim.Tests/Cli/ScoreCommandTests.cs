using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Cli.Running;
using Alibaba.ChipSim.Tests.Support;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

public sealed class ScoreCommandTests
{
    private static (int Exit, string Out, string Err) Score(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 220;
        var error = new StringWriter();
        var root = new RootCommand { ScoreCommand.Build(console, error) };
        var exit = root.Parse(["score", .. args]).Invoke();
        return (exit, console.Output, error.ToString());
    }

    private static string SmallRun(TempFolder dir, string format)
    {
        var settings = new RunSettings(2_000, 7, 0, dir.Path, [format], Quiet: true, Json: false);
        var exit = RunCommand.Execute([Path.Combine(RepoRoot.Scenarios, "base.yaml")], settings, new TestConsole(),
            new StringWriter(), new StringWriter(), outputRedirected: true);
        Assert.Equal(0, exit);
        return Directory.GetFiles(dir.Path, "summary.json", SearchOption.AllDirectories).Select(Path.GetDirectoryName).Single()!;
    }

    private static string Actuals => Path.Combine(RepoRoot.Scenarios, "actuals", "actuals-2026.yaml");

    [Fact]
    public void Scoring_a_base_run_against_the_2026_facts_gives_the_shares_read_off_its_trials()
    {
        using var dir = new TempFolder();
        var run = SmallRun(dir, "csv");

        var (exit, output, error) = Score(run, Actuals, "--json");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.False(root.GetProperty("weighted").GetBoolean());
        Assert.Equal("2025-12", root.GetProperty("start").GetString());
        // The independent reading of trials.csv: first delivery by 2026-02 is months_to_first_delivery ≤ 2 (2025-12 is month 0).
        var lines = File.ReadAllLines(Path.Combine(run, "trials.csv"));
        var header = lines[0].Split(',');
        int months = Array.IndexOf(header, "months_to_first_delivery"), quarter = Array.IndexOf(header, "cloud_revenue_cny_bn_FY2026Q4");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        double ByMonth(int index) => rows.Count(r => r[months].Length > 0 && double.Parse(r[months], CultureInfo.InvariantCulture) <= index) / (double)rows.Length;
        var events = root.GetProperty("events").EnumerateArray().ToArray();
        Assert.Equal(ByMonth(2), events[0].GetProperty("probability").GetDouble(), 12);
        Assert.Equal(ByMonth(6), events[1].GetProperty("probability").GetDouble(), 12);
        Assert.Equal(Math.Pow(ByMonth(6), 2), events[1].GetProperty("brier").GetDouble(), 12);
        Assert.Equal(-Math.Log(1 - ByMonth(6)), events[1].GetProperty("log_score").GetDouble(), 12);
        var values = root.GetProperty("values").EnumerateArray().ToArray();
        Assert.Contains("not in this run", values[0].GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, values[0].GetProperty("crps").ValueKind);
        var below = rows.Count(r => double.Parse(r[quarter], CultureInfo.InvariantCulture) < 41.6) / (double)rows.Length;
        Assert.Equal(below, values[1].GetProperty("pit").GetDouble(), 12);
        Assert.True(values[1].GetProperty("crps").GetDouble() > 0);
    }

    [Fact]
    public void A_parquet_run_scores_exactly_as_its_csv_twin()
    {
        using var csvDir = new TempFolder();
        using var parquetDir = new TempFolder();
        var csv = Score(SmallRun(csvDir, "csv"), Actuals, "--json");
        var parquet = Score(SmallRun(parquetDir, "parquet"), Actuals, "--json");

        Assert.Equal(0, parquet.Exit);
        static string Scores(string json) => JsonDocument.Parse(json).RootElement.GetProperty("values").GetRawText()
            + JsonDocument.Parse(json).RootElement.GetProperty("events").GetRawText();
        Assert.Equal(Scores(csv.Out), Scores(parquet.Out).Replace("trials.parquet", "trials.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void The_table_names_each_actual_and_flags_one_outside_p1_to_p99()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File("trials.csv"), "trial,x,weight\n0,1,1\n1,2,1\n2,3,1\n3,4,5\n");
        File.WriteAllText(dir.File("facts.yaml"), "values:\n  x: 3.5\n  missing_metric: 1\n");

        var (exit, output, _) = Score(dir.Path, dir.File("facts.yaml"));

        Assert.Equal(0, exit);
        var row = output.Split('\n').Single(l => l.Contains("│ x ", StringComparison.Ordinal));
        // Weighted (weights 1, 1, 1, 5): weight 3 of 8 lies below 3.5.
        Assert.Contains("0.375", row, StringComparison.Ordinal);
        Assert.Contains("weighted", output, StringComparison.Ordinal);
        Assert.Contains("not in this run: trials.csv has no column missing_metric", output, StringComparison.Ordinal);

        File.WriteAllText(dir.File("facts.yaml"), "values:\n  x: 9\n");
        Assert.Contains("above the forecast's P99", Score(dir.Path, dir.File("facts.yaml")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_actuals_exit_2_with_their_position_and_print_nothing_else()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File("trials.csv"), "trial,x\n0,1\n");
        File.WriteAllText(dir.File("facts.yaml"), "values:\n  x: one\n");

        var (exit, output, error) = Score(dir.Path, dir.File("facts.yaml"));

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith(dir.File("facts.yaml") + ":2:6: values.x: expected a finite number", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_per_trial_files_exits_2_naming_it()
    {
        using var dir = new TempFolder();

        var (exit, output, error) = Score(dir.Path, Actuals);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("no trials.csv or trials.parquet", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Actuals_none_of_which_the_run_holds_exit_2_saying_why()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File("trials.csv"), "trial,x\n0,1\n");
        File.WriteAllText(dir.File("facts.yaml"), "values:\n  y: 1\n");

        var (exit, _, error) = Score(dir.Path, dir.File("facts.yaml"));

        Assert.Equal(2, exit);
        Assert.Contains("y: not in this run", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_by_a_month_needs_the_calendar_of_summary_json()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File("trials.csv"), "trial,months_to_first_delivery,x\n0,2,1\n1,,2\n");
        File.WriteAllText(dir.File("facts.yaml"), "values:\n  x: 1\nevents:\n  - { first_delivery_by: 2026-06, happened: false }\n");

        var (exit, output, _) = Score(dir.Path, dir.File("facts.yaml"));

        Assert.Equal(0, exit);
        Assert.Contains("does not give its calendar", output, StringComparison.Ordinal);
    }
}
