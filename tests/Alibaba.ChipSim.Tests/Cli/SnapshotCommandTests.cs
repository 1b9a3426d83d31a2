using System.CommandLine;
using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Tests.Support;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

/// <summary>
/// The reviewer's workflow end to end on a copy of the base scenario at 20,000 trials: snapshot, check, edit the
/// fee, see the check fail with a diff, regenerate, and let <c>diff</c> name exactly the metrics the fee moves.
/// </summary>
public sealed class SnapshotCommandTests
{
    /// <summary>What the export fee reaches (docs/model.md#cost-and-fee): the fee itself, the cost it adds, ROI through cost, and the value over the chips' life (docs/deal.md).</summary>
    private static readonly string[] FeeMetrics =
        [MetricNames.CostCny, MetricNames.CostUsd, MetricNames.FeeBorneUsd, MetricNames.FeeTotalUsd, MetricNames.LifetimeRoi, MetricNames.NpvCnyBn, MetricNames.NpvPerAdsUsd, MetricNames.PaybackMonth, MetricNames.Roi];

    // extends stays inside the scenario's folder tree, so each test extends a copy of the shipped base kept beside it.
    private static string Scenario(TempFolder dir, string feeLine, string folder = "")
    {
        var lib = Path.Combine(dir.Path, folder, "lib");
        Directory.CreateDirectory(lib);
        File.Copy(Path.Combine(RepoRoot.Scenarios, "base.yaml"), Path.Combine(lib, "base.yaml"), overwrite: true);
        return ScenarioText(Path.Combine(lib, "base.yaml"), feeLine);
    }

    private static string ScenarioText(string baseFile, string feeLine) => $"""
        name: mine
        description: The shipped base at 20,000 trials.
        extends: {baseFile}
        simulation:
          trials: 20000
        {feeLine}
        """;

    private static (int Exit, string Out, string Err) Snapshot(TempFolder dir, bool check, params string[] files)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = SnapshotCommand.Run(files, check, threads: 0, dir.Path, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static (int Exit, string Out) Diff(params string[] args)
    {
        var console = new TestConsole();
        var root = new RootCommand { DiffCommand.Build(console, new StringWriter()) };
        var exit = root.Parse(["diff", .. args]).Invoke();
        return (exit, console.Output);
    }

    [Fact]
    public void Raising_the_fee_makes_the_check_fail_and_diff_flags_exactly_cost_fee_and_roi()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File("mine.yaml"), Scenario(dir, ""));

        // Given a fresh snapshot, the check passes.
        Assert.Equal(0, Snapshot(dir, check: false, "mine.yaml").Exit);
        Assert.True(File.Exists(dir.File("mine.snapshot.json")));
        var (okExit, okOut, _) = Snapshot(dir, check: true, "mine.yaml");
        Assert.Equal(0, okExit);
        Assert.Equal("ok mine.snapshot.json\n", okOut.Replace("\r\n", "\n"));
        File.Copy(dir.File("mine.snapshot.json"), dir.File("old.snapshot.json"));

        // When the fee rises from 25% to 40%, the committed snapshot is stale and the check shows which lines moved.
        File.WriteAllText(dir.File("mine.yaml"), Scenario(dir, "economics:\n  export_fee_rate: 0.4"));
        var (staleExit, staleOut, staleErr) = Snapshot(dir, check: true, "mine.yaml");
        Assert.Equal(3, staleExit);
        Assert.StartsWith("stale mine.snapshot.json\n--- mine.snapshot.json\n+++ mine.snapshot.json (recomputed)\n", staleOut.Replace("\r\n", "\n"), StringComparison.Ordinal);
        var changedMetrics = staleOut.Split('\n')
            .Where(l => l.StartsWith("+    \"", StringComparison.Ordinal))
            .Select(l => l[6..l.IndexOf('"', 6)]).ToArray();
        // scenario_sha256 moves too (the file changed), but it is a header line, not a metric line.
        Assert.Equal(FeeMetrics, changedMetrics);
        Assert.Contains("1 of 1 snapshots are stale", staleErr, StringComparison.Ordinal);

        // Then regenerating makes the check pass again.
        Assert.Equal("wrote mine.snapshot.json\n", Snapshot(dir, check: false, "mine.yaml").Out.Replace("\r\n", "\n"));
        Assert.Equal(0, Snapshot(dir, check: true, "mine.yaml").Exit);

        // And diff between the two snapshots flags the fee metrics and nothing else (common random numbers: the
        // other metrics are bit-identical, so they score exactly 0).
        var (diffExit, diffJson) = Diff(dir.File("old.snapshot.json"), dir.File("mine.snapshot.json"), "--json");
        Assert.Equal(3, diffExit);
        using var json = System.Text.Json.JsonDocument.Parse(diffJson);
        var metrics = json.RootElement.GetProperty("metrics").EnumerateArray().ToList();
        var moved = metrics.Where(m => m.GetProperty("significant").GetBoolean()).Select(m => m.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(FeeMetrics, moved);
        foreach (var m in metrics.Where(m => !FeeMetrics.Contains(m.GetProperty("name").GetString())))
        {
            var change = m.GetProperty(m.GetProperty("kind").GetString() == "shares" ? "total_variation" : "change");
            Assert.True(change.GetDouble() == 0, m.GetProperty("name").GetString() + " moved");
        }
        Assert.True(metrics.Count > 40, "every metric of the summary is compared");
    }

    [Fact]
    public void A_missing_snapshot_fails_the_check_and_an_invalid_scenario_writes_nothing()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File("mine.yaml"), Scenario(dir, ""));
        File.WriteAllText(dir.File("bad.yaml"), Scenario(dir, "economics:\n  export_fee_rat: 0.4"));

        var (missingExit, missingOut, _) = Snapshot(dir, check: true, "mine.yaml");
        Assert.Equal(3, missingExit);
        Assert.StartsWith("missing mine.snapshot.json\n--- /dev/null\n", missingOut.Replace("\r\n", "\n"), StringComparison.Ordinal);

        var (badExit, badOut, badErr) = Snapshot(dir, check: false, "mine.yaml", "bad.yaml");
        Assert.Equal(2, badExit);
        Assert.Equal("", badOut);
        Assert.Contains("economics.export_fee_rat", badErr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("mine.snapshot.json")));
    }

    [Fact]
    public void With_no_scenario_named_every_yaml_under_scenarios_is_snapshotted()
    {
        using var dir = new TempFolder();
        Directory.CreateDirectory(dir.File("scenarios"));
        File.WriteAllText(Path.Combine(dir.File("scenarios"), "b.yaml"), Scenario(dir, "", "scenarios").Replace("name: mine", "name: b"));
        File.WriteAllText(Path.Combine(dir.File("scenarios"), "a.yaml"), Scenario(dir, "", "scenarios").Replace("name: mine", "name: a"));

        var (exit, output, _) = Snapshot(dir, check: false);

        Assert.Equal(0, exit);
        var sep = Path.DirectorySeparatorChar;
        Assert.Equal($"wrote scenarios{sep}a.snapshot.json\nwrote scenarios{sep}b.snapshot.json\n", output.Replace("\r\n", "\n"));
        using var empty = new TempFolder();
        Assert.Equal(2, Snapshot(empty, check: true).Exit);
    }
}
