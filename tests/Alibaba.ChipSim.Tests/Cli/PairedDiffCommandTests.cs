using System.CommandLine;
using System.Text.Json;
using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Tests.Output;
using Alibaba.ChipSim.Tests.Support;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

public sealed class PairedDiffCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        var error = new StringWriter();
        var root = new RootCommand { DiffCommand.Build(console, error) };
        var exit = root.Parse(["diff", .. args]).Invoke();
        return (exit, console.Output, error.ToString());
    }

    [Fact]
    public void Two_run_folders_at_one_seed_are_compared_with_the_paired_test_and_the_header_says_so()
    {
        using var runs = new PairedRunFolders();

        var (exit, output, _) = Run(runs.A, runs.B, "--threshold", "3");

        Assert.Equal(3, exit);
        Assert.Contains("Test paired (common random numbers, 4 trials)", output, StringComparison.Ordinal);
        var x = output.Split('\n').Single(l => l.Contains("│ x ", StringComparison.Ordinal));
        Assert.Contains("3.873", x, StringComparison.Ordinal);
        Assert.Contains("yes", x, StringComparison.Ordinal);
        var roi = output.Split('\n').Single(l => l.Contains("│ roi ", StringComparison.Ordinal));
        Assert.Contains("identical in every trial", roi, StringComparison.Ordinal);
        var flag = output.Split('\n').Single(l => l.Contains("│ flag ", StringComparison.Ordinal));
        Assert.Contains("2 (↑1 ↓1)", flag, StringComparison.Ordinal);
    }

    [Fact]
    public void With_unpaired_the_same_folders_show_no_move_and_exit_0_at_threshold_5()
    {
        using var runs = new PairedRunFolders();

        // Paired: c moves with z = +∞ whatever the threshold; unpaired: c's z = 5/√(2·0.6455²) = 5.48, x's 0.26.
        Assert.Equal(3, Run(runs.A, runs.B, "--threshold", "6").Exit);
        var (exit, output, _) = Run(runs.A, runs.B, "--threshold", "6", "--unpaired");

        Assert.Equal(0, exit);
        Assert.Contains("Test unpaired: two-sample z from the summaries", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_seeds_print_a_one_line_note_and_use_the_unpaired_test()
    {
        using var runs = new PairedRunFolders(seedB: 8);

        var (_, output, _) = Run(runs.A, runs.B);

        Assert.Contains("unpaired: the seeds differ (7 and 8)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("trials changed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_carries_the_test_and_each_metrics_paired_figures()
    {
        using var runs = new PairedRunFolders();

        var (exit, output, _) = Run(runs.A, runs.B, "--json");

        Assert.Equal(3, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("paired", json.RootElement.GetProperty("test").GetString());
        Assert.Equal(4, json.RootElement.GetProperty("paired_trials").GetInt64());
        var metrics = json.RootElement.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        var x = metrics["x"].GetProperty("paired");
        Assert.Equal(4, x.GetProperty("pairs").GetInt64());
        Assert.Equal(4, x.GetProperty("changed").GetInt64());
        Assert.Equal(2.5, x.GetProperty("mean_difference").GetDouble(), 12);
        Assert.Equal(Math.Sqrt(5.0 / 3) / 2, x.GetProperty("se_difference").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, metrics["c"].GetProperty("z").ValueKind); // +∞
        Assert.Equal(1, metrics["flag"].GetProperty("paired").GetProperty("up").GetInt64());
        Assert.Equal("identical in every trial", metrics["roi"].GetProperty("note").GetString());
    }

    [Fact]
    public void A_malformed_trials_file_exits_2_naming_the_file_and_line()
    {
        using var runs = new PairedRunFolders(trialsB: "trial,x,c,flag,roi,washington_final\n0,11,6\n");

        var (exit, output, error) = Run(runs.A, runs.B);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains($"{Path.Combine(runs.B, "trials.csv")}:2: 3 fields, but the header has 6", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_per_trial_parquet_file_that_is_not_parquet_exits_2_naming_the_file()
    {
        using var runs = new PairedRunFolders();
        foreach (var side in new[] { runs.A, runs.B })
        {
            File.Delete(Path.Combine(side, "trials.csv"));
            File.WriteAllText(Path.Combine(side, "trials.parquet"), "trial,x\n0,1\n");
        }

        var (exit, output, error) = Run(runs.A, runs.B);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith($"diff: {Path.Combine(runs.A, "trials.parquet")}: not a readable Parquet file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paired_change_that_overflows_is_shown_as_nan_instead_of_a_stack_trace()
    {
        using var dir = new TempFolder();
        string Folder(string name, string x)
        {
            dir.Write(name + "/trials.csv", $"trial,x\n0,{x}\n1,{x}\n");
            dir.Write(name + "/summary.json",
                $$"""{ "scenario": "hand", "scenario_sha256": "0", "seed": 7, "trials": 2, "engine": "t", "metrics": { "x": { "count": 2, "mean": {{x}}, "se": 0 } } }""");
            return dir.File(name);
        }

        // d = 1e308 − (−1e308) overflows to ∞ in every trial, and the mean of ∞ and ∞ by Welford's update is ∞ − ∞ = NaN.
        var (exit, output, error) = Run(Folder("low", "-1e308"), Folder("high", "1e308"));

        Assert.Equal("", error);
        Assert.Equal(3, exit);
        Assert.Contains("NaN", output.Split('\n').Single(l => l.Contains("│ x ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
