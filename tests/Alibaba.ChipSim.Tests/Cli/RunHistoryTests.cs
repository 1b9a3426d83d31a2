using System.Text.Json;
using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Cli.Running;
using Alibaba.ChipSim.Tests.Support;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

public sealed class RunHistoryTests
{
    private const string History = """
        history:
          as_of: 2026-06
          actors:
            washington:
              - { from: 2025-12, state: rescinded }
              - { from: 2026-03, state: licensed }
          shipments:
            - { from: 2025-12, to: 2026-06, modules: 0 }
          revenue:
            residual_sd: 0.03
            quarters: { FY2026Q4: 41.6 }
        """;

    private static (int Exit, string Out, string Err) Run(TempFolder dir, string history, params string[] scenarios)
    {
        File.WriteAllText(dir.File("history.yaml"), history);
        var settings = new RunSettings(2_000, 7, 0, dir.File("out"), ["csv"], Quiet: true, Json: false) { HistoryFile = dir.File("history.yaml") };
        var console = new TestConsole();
        console.Profile.Width = 200;
        var errors = new StringWriter();
        var exit = RunCommand.Execute([.. scenarios.Select(s => Path.Combine(RepoRoot.Scenarios, s))], settings, console, new StringWriter(), errors, outputRedirected: true);
        return (exit, console.Output, errors.ToString());
    }

    [Fact]
    public void Sensitivity_under_a_history_is_weighted_and_says_so_and_a_shard_keeps_a_copy_of_the_history_file()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File("history.yaml"), History);
        var scenario = Path.Combine(RepoRoot.Scenarios, "base.yaml");
        var settings = new RunSettings(2_000, 7, 0, dir.File("out"), ["json"], Quiet: true, Json: false)
        {
            HistoryFile = dir.File("history.yaml"), Sensitivity = true,
        };
        var errors = new StringWriter();
        var exit = RunCommand.Execute([scenario], settings, new TestConsole(), new StringWriter(), errors, outputRedirected: true);

        Assert.True(exit == 0, errors.ToString());
        using (var summary = JsonDocument.Parse(File.ReadAllText(dir.File("out/summary.json"))))
            Assert.StartsWith("weighted by the trials' weights", summary.RootElement.GetProperty("sensitivity").GetProperty("method").GetString(), StringComparison.Ordinal);

        errors = new StringWriter();
        exit = RunCommand.Execute([scenario], settings with { OutDir = dir.File("shard"), Sensitivity = false, Shard = new ShardRequest(0, 2) },
            new TestConsole(), new StringWriter(), errors, outputRedirected: true);
        // A shard of a run conditioned on history carries its weights and a copy of the history file (ShardHistoryTests).
        Assert.True(exit == 0, errors.ToString());
        Assert.True(File.Exists(Path.Combine(dir.File("shard"), "shard.bin")));
        Assert.Equal(File.ReadAllBytes(dir.File("history.yaml")), File.ReadAllBytes(Path.Combine(dir.File("shard"), "history", "history.yaml")));
    }

    [Fact]
    public void The_summary_names_the_history_file_and_hashes_its_bytes_so_other_facts_give_another_hash()
    {
        using var dir = new TempFolder();

        var (exit, _, error) = Run(dir, History, "base.yaml");
        Assert.True(exit == 0, error);
        var first = ReadHistory(dir);
        Assert.Equal("history.yaml", first.GetProperty("file").GetString());
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(dir.File("history.yaml"))));
        Assert.Equal(expected, first.GetProperty("sha256").GetString());

        // The same facts in other bytes (a comment) are another file: another hash, the same weights.
        Directory.Delete(dir.File("out"), recursive: true);
        (exit, _, error) = Run(dir, "# reread on 1 Dec 2026\n" + History, "base.yaml");
        Assert.True(exit == 0, error);
        var second = ReadHistory(dir);
        Assert.NotEqual(expected, second.GetProperty("sha256").GetString());
        Assert.Equal(first.GetProperty("log_evidence").GetDouble(), second.GetProperty("log_evidence").GetDouble());
    }

    private static JsonElement ReadHistory(TempFolder dir)
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(dir.File("out/summary.json")));
        return summary.RootElement.GetProperty("history").Clone();
    }

    [Fact]
    public void A_history_file_conditions_the_run_weighted_trials_a_history_block_and_a_weight_column()
    {
        using var dir = new TempFolder();

        var (exit, output, error) = Run(dir, History, "base.yaml");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("conditioned on history through 2026-06", output, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllText(dir.File("out/summary.json")));
        var history = summary.RootElement.GetProperty("history");
        Assert.Equal("2026-06", history.GetProperty("as_of").GetString());
        Assert.True(history.GetProperty("ess").GetDouble() is > 0 and < 2000);
        Assert.True(history.GetProperty("log_evidence").GetDouble() < 0);
        var metrics = summary.RootElement.GetProperty("metrics");
        Assert.True(metrics.GetProperty("chips_delivered").TryGetProperty("ess", out _));
        // Nothing shipped through June 2026 in any trial with weight: no delivery by the February deadline.
        Assert.Equal(0, metrics.GetProperty("delivered_by_deadline").GetProperty("probability").GetDouble());
        var lines = File.ReadAllLines(dir.File("out/trials.csv"));
        Assert.Contains("weight", lines[0].Split(','));
        Assert.Equal(2_001, lines.Length);
    }

    [Fact]
    public void Several_scenarios_under_one_history_show_their_log_bayes_factor_against_the_first()
    {
        using var dir = new TempFolder();

        var (exit, output, _) = Run(dir, History, "base.yaml", "fast-approval.yaml");

        Assert.Equal(0, exit);
        Assert.Contains("log Bayes factor against base", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_history_file_exits_2_at_its_position_and_writes_nothing()
    {
        using var dir = new TempFolder();

        var (exit, _, error) = Run(dir, "history:\n  as_of: 2026-06\n  actors:\n    washington:\n      - { from: 2026-01, state: licenced }\n", "base.yaml");

        Assert.Equal(2, exit);
        Assert.Contains("history.yaml:5:33: history.actors.washington[0].state: washington has no state 'licenced'", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public void A_history_no_trial_can_match_exits_1_naming_the_observation()
    {
        using var dir = new TempFolder();

        // base.yaml's review returns Beijing from discouraged to under_review at 2026-04.
        var (exit, _, error) = Run(dir, "history:\n  as_of: 2026-06\n  actors:\n    beijing:\n      - { from: 2026-01, state: discouraged }\n", "base.yaml");

        Assert.Equal(1, exit);
        Assert.Contains("no trial matched the history", error, StringComparison.Ordinal);
        Assert.Contains("history.actors.beijing[0]", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out")));
    }
}
