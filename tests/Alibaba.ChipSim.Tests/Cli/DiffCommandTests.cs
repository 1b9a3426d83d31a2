using System.CommandLine;
using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Tests.Support;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

public sealed class DiffCommandTests
{
    private const string Old = """
        { "scenario": "base", "seed": 7, "trials": 10000, "engine": "chipsim 0.1.0", "metrics": {
          "chips_delivered": { "count": 10000, "mean": 20000, "se": 100 },
          "cost_usd": { "count": 10000, "mean": 1.0e9, "se": 1.0e7 },
          "delivered_by_deadline": { "count": 10000, "probability": 0.30 },
          "washington_final": { "shares": { "licensed": 0.8, "reinstated": 0.2 } },
          "retired_metric": { "count": 10000, "mean": 1, "se": 0.1 } } }
        """;

    // cost_usd up by 1.25e8 against noise √2 · 1e7 = 1.414e7: z = 8.84 (moved); chips_delivered identical (z = 0);
    // the probability and shares are unchanged.
    private const string New = """
        { "scenario": "fee-raised", "seed": 7, "trials": 10000, "engine": "chipsim 0.1.0", "metrics": {
          "chips_delivered": { "count": 10000, "mean": 20000, "se": 100 },
          "cost_usd": { "count": 10000, "mean": 1.125e9, "se": 1.0e7 },
          "delivered_by_deadline": { "count": 10000, "probability": 0.30 },
          "washington_final": { "shares": { "licensed": 0.8, "reinstated": 0.2 } },
          "new_metric": { "count": 10000, "mean": 1, "se": 0.1 } } }
        """;

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
    public void A_metric_that_moved_beyond_monte_carlo_error_is_flagged_and_the_exit_code_is_3()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File("a.json"), Old);
        Directory.CreateDirectory(dir.File("run"));
        File.WriteAllText(Path.Combine(dir.File("run"), "summary.json"), New);

        var (exit, output, _) = Run(dir.File("a.json"), dir.File("run"));

        Assert.Equal(3, exit);
        var costRow = output.Split('\n').Single(l => l.Contains("cost_usd", StringComparison.Ordinal));
        Assert.Contains("+1.25e+08", costRow, StringComparison.Ordinal);
        Assert.Contains("8.839", costRow, StringComparison.Ordinal);
        Assert.Contains("yes", costRow, StringComparison.Ordinal);
        var chipsRow = output.Split('\n').Single(l => l.Contains("chips_delivered", StringComparison.Ordinal));
        Assert.Contains("no", chipsRow, StringComparison.Ordinal);
        Assert.Contains("Only in A: retired_metric", output, StringComparison.Ordinal);
        Assert.Contains("Only in B: new_metric", output, StringComparison.Ordinal);
        Assert.Contains("1 of 4 metrics moved beyond Monte Carlo error", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_human_table_matches_its_snapshot()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File("a.json"), Old.Replace("\"licensed\": 0.8, \"reinstated\": 0.2", "\"licensed\": 0.7, \"reinstated\": 0.3"));
        File.WriteAllText(dir.File("b.json"), New);

        var (exit, output, _) = Run(dir.File("a.json"), dir.File("b.json"));

        Assert.Equal(3, exit);
        Snapshooter.Xunit.Snapshot.Match(output.Replace(dir.Path + Path.DirectorySeparatorChar, "").Replace("\r\n", "\n"));
    }

    [Fact]
    public void Nothing_moved_exits_0_and_a_higher_threshold_can_absorb_a_move()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File("a.json"), Old);
        File.WriteAllText(dir.File("b.json"), New);

        Assert.Equal(0, Run(dir.File("a.json"), dir.File("a.json")).Exit);
        Assert.Equal(0, Run(dir.File("a.json"), dir.File("b.json"), "--threshold", "9").Exit);
        Assert.Equal(3, Run(dir.File("a.json"), dir.File("b.json"), "--threshold", "8.8").Exit);
    }

    [Fact]
    public void The_json_form_is_machine_readable_and_carries_the_verdict()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File("a.json"), Old);
        File.WriteAllText(dir.File("b.json"), New);

        var (exit, output, _) = Run(dir.File("a.json"), dir.File("b.json"), "--json");

        Assert.Equal(3, exit);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var moved = json.RootElement.GetProperty("metrics").EnumerateArray()
            .Where(m => m.GetProperty("significant").GetBoolean()).Select(m => m.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["cost_usd"], moved);
    }

    [Fact]
    public void An_unreadable_side_is_invalid_input_exit_2_with_the_file_named()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File("a.json"), Old);
        File.WriteAllText(dir.File("bad.json"), "{ \"metrics\": ");

        var (exit, output, error) = Run(dir.File("a.json"), dir.File("bad.json"));

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith("diff: " + dir.File("bad.json") + ":1:", error, StringComparison.Ordinal);
        Assert.Equal(2, Run(dir.File("a.json"), dir.File("missing")).Exit);
        Assert.Equal(2, Run(dir.File("a.json"), dir.File("a.json"), "--threshold", "-1").Exit);
    }
}
