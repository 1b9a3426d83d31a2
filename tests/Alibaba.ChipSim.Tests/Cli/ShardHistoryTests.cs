using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Cli.Running;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Output.Shards;
using Alibaba.ChipSim.Runs;
using Alibaba.ChipSim.Runs.Shards;
using Alibaba.ChipSim.Tests.Support;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

/// <summary>
/// <c>run --shard</c> and <c>merge</c> of a run conditioned on history: the shards carry the trials' weights, the weighted
/// occupancy and the observation matches, and the merged files are those of the weighted run in one process, byte for byte.
/// </summary>
public sealed class ShardHistoryTests : IDisposable
{
    // A prime: the slices differ in size.
    private const long Trials = 3001;

    // Actor states (hazard products) and a reported quarter (a likelihood): every trial weighs differently.
    private const string History = """
        history:
          as_of: 2026-06
          actors:
            washington:
              - { from: 2025-12, state: rescinded }
              - { from: 2026-03, state: licensed }
          revenue:
            residual_sd: 0.03
            quarters: { FY2026Q4: 41.6 }
        """;

    private readonly TempFolder _temp = new();
    private readonly TestConsole _console = new TestConsole().Width(160);
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public void Dispose()
    {
        _temp.Dispose();
        _console.Dispose();
    }

    private static string Scenario(string name) => Path.Combine(RepoRoot.Scenarios, name);

    private static RunSettings Settings(string outDir, string? historyFile = null) =>
        new(Trials, 11, 2, outDir, ["csv", "parquet"], Quiet: true, Json: false) { HistoryFile = historyFile };

    private int Run(RunSettings settings, string scenario) =>
        RunCommand.Execute([scenario], settings, _console, _stdout, _stderr, outputRedirected: true);

    private List<string> Shards(int count, string scenario, string? historyFile = null, long streamAbove = RunRequest.DefaultColumnTrialsLimit, string tag = "")
    {
        var folders = new List<string>();
        for (var k = 0; k < count; k++)
        {
            var folder = _temp.File($"shard{tag}-{count}-{k}");
            var code = Run(Settings(folder, historyFile) with { Shard = new ShardRequest(k, count), StreamAbove = streamAbove }, scenario);
            Assert.True(code == 0, _stderr.ToString());
            folders.Add(folder);
        }
        return folders;
    }

    private int Merge(string outDir, IReadOnlyList<string> shards, string[] formats, long streamAbove = RunRequest.DefaultColumnTrialsLimit) =>
        MergeCommand.Execute(shards, Settings(outDir) with { Formats = [.. formats], StreamAbove = streamAbove }, _console, _stdout, _stderr);

    private static void AssertSameFiles(string expected, string actual, params string[] files)
    {
        foreach (var f in files)
            Assert.True(File.ReadAllBytes(Path.Combine(expected, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, f))), $"{f} differs");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public void Merged_files_of_a_scenario_with_its_own_history_are_those_of_the_weighted_run_in_one_process(int shards)
    {
        var scenario = Scenario("as-of-2026-06.yaml");
        var single = _temp.File("single");
        Assert.Equal(0, Run(Settings(single), scenario));
        var folders = Shards(shards, scenario);
        folders.Reverse(); // any order

        var merged = _temp.File("merged");
        Assert.True(Merge(merged, folders, ["csv", "parquet"]) == 0, _stderr.ToString());
        AssertSameFiles(single, merged, "summary.json", "summary.csv", "trials.csv", "quarters.csv", "trials.parquet");
        Assert.Contains("weight", File.ReadLines(Path.Combine(merged, "trials.csv")).First().Split(','));

        // Summary only: the run rebuilt whole (below --stream-above), or its weighted statistics streamed back from the files.
        var singleJson = _temp.File("single-json");
        Assert.Equal(0, Run(Settings(singleJson) with { Formats = ["json"] }, scenario));
        foreach (var streamAbove in new[] { RunRequest.DefaultColumnTrialsLimit, 0L })
        {
            var summaryOnly = _temp.File($"summary-only-{streamAbove}");
            Assert.True(Merge(summaryOnly, folders, ["json"], streamAbove) == 0, _stderr.ToString());
            AssertSameFiles(singleJson, summaryOnly, "summary.json", "summary.csv");
        }
        Assert.Equal("", _stderr.ToString());
    }

    [Fact]
    public void Shards_of_a_history_file_carry_a_copy_of_it_and_a_streamed_shard_is_the_shard_of_its_columns()
    {
        var history = _temp.File("observed.yaml");
        File.WriteAllText(history, History);
        var scenario = Scenario("base.yaml");
        var kept = Shards(2, scenario, history, tag: "-kept");
        var streamed = Shards(2, scenario, history, streamAbove: 0, tag: "-streamed");
        for (var k = 0; k < 2; k++)
        {
            AssertSameFiles(kept[k], streamed[k], "shard.bin");
            AssertSameFiles(_temp.Path, Path.Combine(kept[k], "history"), "observed.yaml");
        }
        // The merge reads the history from the shard folders: the original may be gone.
        File.Delete(history);
        File.WriteAllText(_temp.File("observed-again.yaml"), History);

        var single = _temp.File("single");
        Assert.Equal(0, Run(Settings(single, _temp.File("observed-again.yaml")) with { Formats = ["json"] }, scenario));
        var merged = _temp.File("merged");
        Assert.True(Merge(merged, streamed, ["json"], streamAbove: 0) == 0, _stderr.ToString());
        // The same facts under another file name: the summary names the file, so only that differs.
        Assert.Equal(File.ReadAllText(Path.Combine(single, "summary.json")).Replace("observed-again.yaml", "observed.yaml"),
            File.ReadAllText(Path.Combine(merged, "summary.json")));
    }

    [Fact]
    public void A_merge_with_sensitivity_gives_the_weighted_sensitivity_of_the_run_in_one_process()
    {
        var scenario = Scenario("as-of-2026-06.yaml");
        var single = _temp.File("single");
        Assert.Equal(0, Run(Settings(single) with { Formats = ["json"], Sensitivity = true }, scenario));
        var merged = _temp.File("merged");
        var code = MergeCommand.Execute(Shards(3, scenario), Settings(merged) with { Formats = ["json"], Sensitivity = true }, _console, _stdout, _stderr);
        Assert.True(code == 0, _stderr.ToString());
        AssertSameFiles(single, merged, "summary.json", "summary.csv");
        Assert.Contains("\"method\": \"weighted by the trials", File.ReadAllText(Path.Combine(merged, "summary.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_streamed_merge_whose_histograms_split_again_over_further_passes_gives_the_one_process_summary()
    {
        var scenario = ShippedScenarios.Load("as-of-2026-06.yaml");
        var single = RunPipeline.Run(scenario, Trials, 11, new RunRequest { Threads = 2 });
        var folders = Shards(3, Scenario("as-of-2026-06.yaml"));
        var plain = ShardMerger.Summarize(folders, 2, CancellationToken.None, columnTrialsLimit: 0, chunkRows: 97, windowLimit: null);
        var merged = ShardMerger.Summarize(folders, 2, CancellationToken.None, columnTrialsLimit: 0, chunkRows: 97, windowLimit: null, buckets: 4, gatherLimit: 5);
        Assert.Empty(merged.Errors);
        Assert.True(merged.Streamed);
        Assert.True(merged.Passes > plain.Passes, $"{merged.Passes} passes against {plain.Passes}");
        Assert.Equal(SummaryJsonWriter.ToJson(single.Summary), SummaryJsonWriter.ToJson(plain.Summary!));
        Assert.Equal(SummaryJsonWriter.ToJson(single.Summary), SummaryJsonWriter.ToJson(merged.Summary!));
    }

    [Theory]
    [InlineData("csv", 1_048_576L)]
    [InlineData("json", 1_048_576L)]
    [InlineData("json", 0L)]
    public void A_merge_in_which_no_trial_of_any_shard_has_weight_fails_as_the_run_in_one_process_does(string format, long streamAbove)
    {
        var history = _temp.File("impossible.yaml");
        File.WriteAllText(history, """
            history:
              as_of: 2026-02
              shipments:
                - { from: 2025-12, to: 2026-02, modules: { min: 50000000, max: 60000000 } }
            """);
        var scenario = Scenario("base.yaml");
        var folders = Shards(2, scenario, history); // each slice is written: another slice might have held weight

        var single = _temp.File("single");
        Assert.Equal(1, Run(Settings(single, history), scenario));
        var runMessage = _stderr.ToString();
        _stderr.GetStringBuilder().Clear();
        var merged = _temp.File("merged");
        Assert.Equal(1, Merge(merged, folders, [format], streamAbove));

        Assert.False(Directory.Exists(merged));
        Assert.StartsWith("merge: no trial matched the history: none of the 3,001 trials could make history.shipments[0]", _stderr.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("run: no trial matched the history: none of the 3,001 trials could make history.shipments[0]", runMessage, StringComparison.Ordinal);
    }

    /// <summary>Rewrites <paramref name="folder"/>'s shard file with <paramref name="edit"/> applied to its columns (from the header's end) and its checksum recomputed.</summary>
    private static void EditColumns(string folder, Action<ShardHeader, byte[]> edit)
    {
        var file = Path.Combine(folder, ShardFile.FileName);
        ShardHeader header;
        using (var reader = ShardFile.Open(file, out var error) ?? throw new InvalidOperationException(error)) header = reader.Header;
        var bytes = File.ReadAllBytes(file);
        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        var columns = bytes[(16 + length)..^32];
        edit(header, columns);
        byte[] content = [.. bytes[..(16 + length)], .. columns];
        File.WriteAllBytes(file, [.. content, .. SHA256.HashData(content)]);
    }

    private string MergeFails(IReadOnlyList<string> folders, string format)
    {
        var merged = _temp.File("merged-" + format + Guid.NewGuid().ToString("N")[..6]);
        var code = Merge(merged, folders, [format], format == "json" ? 0 : RunRequest.DefaultColumnTrialsLimit);
        var errors = _stderr.ToString();
        Assert.True(code == 2, errors);
        Assert.False(Directory.Exists(merged));
        _stderr.GetStringBuilder().Clear();
        return errors;
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public void Weights_outside_0_to_1_or_weighted_occupancy_and_matches_that_do_not_add_up_are_refused(string format)
    {
        var folders = Shards(2, Scenario("as-of-2026-06.yaml"));
        var file = Path.Combine(folders[1], ShardFile.FileName);
        var original = File.ReadAllBytes(file);

        EditColumns(folders[1], (h, c) => BinaryPrimitives.WriteDoubleLittleEndian(c.AsSpan((int)h.WeightsAt + 8 * 5), 1.5));
        Assert.Contains("its weights hold 1.5 at trial 1505, not a weight from 0 to 1", MergeFails(folders, format), StringComparison.Ordinal);

        File.WriteAllBytes(file, original);
        EditColumns(folders[1], (h, c) => BinaryPrimitives.WriteDoubleLittleEndian(c.AsSpan((int)h.WeightsAt), 0));
        var errors = MergeFails(folders, format);
        Assert.Contains("its weighted occupancy of washington after 2025-12 does not add up to the weights of its trials", errors, StringComparison.Ordinal);

        File.WriteAllBytes(file, original);
        EditColumns(folders[1], (h, c) =>
        {
            var last = (int)h.MatchesAt + 8 * h.History!.Observations;
            BinaryPrimitives.WriteInt64LittleEndian(c.AsSpan(last), BinaryPrimitives.ReadInt64LittleEndian(c.AsSpan(last)) - 1);
        });
        Assert.Contains("trials match every observation, but", MergeFails(folders, format), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"history\": 5", "its header's 'history' is a number, not an object")]
    [InlineData("\"history\": { \"observations\": -1, \"file\": null, \"sha256\": null }", "its header's 'history.observations' is -1, not from 0 to")]
    [InlineData("\"history\": { \"observations\": 3, \"file\": \"../x.yaml\", \"sha256\": \"ab\" }", "its header's 'history.file' is not a plain file name")]
    [InlineData("\"history\": { \"observations\": 3, \"file\": \"x.yaml\", \"sha256\": null }", "names a file without its sha256")]
    [InlineData("\"history\": { \"observations\": 3, \"sha256\": null }", "its header has no 'history.file'")]
    public void A_malformed_history_in_a_shard_header_says_which_key_is_wrong(string history, string message)
    {
        var folders = Shards(2, Scenario("as-of-2026-06.yaml"));
        var file = Path.Combine(folders[0], ShardFile.FileName);
        var bytes = File.ReadAllBytes(file);
        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        var header = System.Text.Encoding.UTF8.GetString(bytes, 16, length);
        var at = header.IndexOf("\"history\"", StringComparison.Ordinal);
        Assert.True(at > 0, header);
        var edited = System.Text.Encoding.UTF8.GetBytes(header[..at] + history + "\n}");
        var prefix = bytes[..16];
        BinaryPrimitives.WriteInt32LittleEndian(prefix.AsSpan(12), edited.Length);
        byte[] content = [.. prefix, .. edited, .. bytes[(16 + length)..^32]];
        File.WriteAllBytes(file, [.. content, .. SHA256.HashData(content)]);

        foreach (var format in new[] { "csv", "json" })
            Assert.Contains(message, MergeFails(folders, format), StringComparison.Ordinal);
    }

    [Fact]
    public void Shards_conditioned_on_other_facts_are_foreign_and_an_edited_copy_of_the_history_is_refused()
    {
        var scenario = Scenario("base.yaml");
        File.WriteAllText(_temp.File("a.yaml"), History);
        File.WriteAllText(_temp.File("b.yaml"), History.Replace("41.6", "41.9"));
        var a = Shards(2, scenario, _temp.File("a.yaml"), tag: "-a");
        var b = Shards(2, scenario, _temp.File("b.yaml"), tag: "-b");
        var plain = Shards(2, scenario, tag: "-plain");

        Assert.Contains("is not of the same run as shard", MergeFails([a[0], b[1]], "csv"), StringComparison.Ordinal);
        Assert.Contains("its history file is b.yaml, not a.yaml", MergeFails([a[0], b[1]], "json"), StringComparison.Ordinal);
        Assert.Contains("its history file is none, not a.yaml", MergeFails([a[0], plain[1]], "csv"), StringComparison.Ordinal);

        File.AppendAllText(Path.Combine(a[0], "history", "a.yaml"), "\n# edited\n");
        Assert.Contains("its copy of the history file (history/a.yaml) hashes to", MergeFails(a, "csv"), StringComparison.Ordinal);
        File.Delete(Path.Combine(a[0], "history", "a.yaml"));
        Assert.Contains("but the folder holds no history/a.yaml", MergeFails(a, "json"), StringComparison.Ordinal);
    }
}
