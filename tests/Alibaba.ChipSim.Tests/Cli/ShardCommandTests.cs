using System.Collections.Immutable;
using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Cli.Running;
using Alibaba.ChipSim.Runs;
using Alibaba.ChipSim.Runs.Shards;
using Alibaba.ChipSim.Tests.Support;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

/// <summary><c>run --shard</c> and <c>merge</c>: the merged files are those of the run in one process, byte for byte.</summary>
public sealed class ShardCommandTests : IDisposable
{
    // A prime: no shard count above 1 divides it, so the slices differ in size.
    private const long Trials = 3001;

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

    private static RunSettings Settings(string outDir, long trials = Trials) =>
        new(trials, 7, 2, outDir, ["csv", "parquet"], Quiet: true, Json: false);

    private int Run(RunSettings settings, params string[] paths) =>
        RunCommand.Execute(paths, settings, _console, _stdout, _stderr, outputRedirected: true);

    private int Merge(string outDir, IEnumerable<string> shards, bool sensitivity = false, string[]? formats = null) =>
        MergeCommand.Execute(shards.ToList(), Settings(outDir) with { Sensitivity = sensitivity, Formats = formats?.ToImmutableArray() ?? ["csv", "parquet"] },
            _console, _stdout, _stderr);

    private List<string> Shards(int count, string[] scenario, long trials = Trials)
    {
        var folders = new List<string>();
        for (var k = 0; k < count; k++)
        {
            var folder = _temp.File($"shard-{count}-{k}");
            Assert.Equal(0, Run(Settings(folder, trials) with { Shard = new ShardRequest(k, count) }, scenario));
            folders.Add(folder);
        }
        return folders;
    }

    private static void AssertSameFiles(string expected, string actual, params string[] files)
    {
        foreach (var f in files)
            Assert.True(File.ReadAllBytes(Path.Combine(expected, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, f))), $"{f} differs");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    public void Merged_files_are_byte_identical_to_the_one_process_run_for_any_shard_count(int shards)
    {
        string[] scenario = [Scenario("fee-raised.yaml")];
        var single = _temp.File("single");
        Assert.Equal(0, Run(Settings(single), scenario));
        var folders = Shards(shards, scenario);
        folders.Reverse(); // any order
        var merged = _temp.File("merged");
        Assert.Equal(0, Merge(merged, folders));
        Assert.Equal("", _stderr.ToString());
        AssertSameFiles(single, merged, "summary.json", "summary.csv", "trials.csv", "quarters.csv", "trials.parquet");
    }

    [Fact]
    public void A_summary_only_merge_prints_what_a_full_merge_prints_with_its_wrote_line_on_stderr()
    {
        var folders = Shards(3, [Scenario("fee-raised.yaml")]);
        var full = _temp.File("full");
        var summaryOnly = _temp.File("summary-only");

        Assert.Equal(0, MergeCommand.Execute(folders, Settings(full) with { Quiet = false, Formats = ["csv"] }, _console, _stdout, _stderr));
        var (fullConsole, fullErrors) = (_console.Output, _stderr.ToString());
        _stderr.GetStringBuilder().Clear();
        using var console = new TestConsole().Width(160);
        Assert.Equal(0, MergeCommand.Execute(folders, Settings(summaryOnly) with { Quiet = false, Formats = ["json"] }, console, _stdout, _stderr));

        Assert.Equal(fullConsole, console.Output);
        Assert.Equal("", _stdout.ToString());
        Assert.Equal($"Wrote summary.json, summary.csv, trials.csv, quarters.csv to {full}\n", fullErrors.Replace("\r\n", "\n"));
        Assert.Equal($"Wrote summary.json, summary.csv to {summaryOnly}\n", _stderr.ToString().Replace("\r\n", "\n"));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public void A_merge_into_a_folder_that_takes_no_files_fails_before_it_reads_a_shard(string format)
    {
        if (!OperatingSystem.IsLinux()) return; // /proc takes no new files, even for root
        var target = "/proc/chipsim-test-" + Guid.NewGuid().ToString("N");

        // The shard folders do not exist: a merge that read them first would report them (exit 2).
        var code = MergeCommand.Execute([_temp.File("no-shard-0"), _temp.File("no-shard-1")], Settings(target) with { Formats = [format] },
            _console, _stdout, _stderr);

        Assert.Equal(1, code);
        Assert.StartsWith($"merge: cannot write the output to {target}: files cannot be created in /proc", _stderr.ToString());
    }

    private static string[] FilesIn(string folder) => [.. Directory.GetFiles(folder).Select(Path.GetFileName).Order()!];

    [Theory]
    [InlineData(3, RunRequest.DefaultColumnTrialsLimit)]
    [InlineData(7, RunRequest.DefaultColumnTrialsLimit)]
    [InlineData(3, 0)]
    [InlineData(7, 3000)]
    public void A_summary_only_merge_a_column_at_a_time_or_streamed_writes_the_files_of_a_run_with_format_json(int shards, long streamAbove)
    {
        string[] scenario = [Scenario("base.yaml")];
        var single = _temp.File("single");
        Assert.Equal(0, Run(Settings(single) with { Formats = ["json"] }, scenario));
        var merged = _temp.File("merged");
        var settings = Settings(merged) with { Formats = ["json"], StreamAbove = streamAbove };
        Assert.Equal(0, MergeCommand.Execute(Shards(shards, scenario), settings, _console, _stdout, _stderr));
        Assert.Equal("", _stderr.ToString());
        Assert.Equal(["summary.csv", "summary.json"], FilesIn(single));
        Assert.Equal(FilesIn(single), FilesIn(merged));
        AssertSameFiles(single, merged, "summary.json", "summary.csv");
    }

    [Theory]
    [InlineData(300, false)]
    [InlineData(97, true)]
    public void A_summary_only_merge_read_back_in_small_chunks_or_in_further_passes_gives_the_one_process_summary(int chunkRows, bool tinyWindows)
    {
        // Chunks that end inside shards and cross the squared deviations' 1,024-trial blocks; windows too small to hold
        // their ranks send the columns back over the shard files (further passes), as a streamed run replays its trials.
        var scenario = ShippedScenarios.Load("base.yaml");
        var single = Alibaba.ChipSim.Runs.RunPipeline.Run(scenario, Trials, 7, new Alibaba.ChipSim.Runs.RunRequest { Threads = 2 });
        var folders = Shards(4, [Scenario("base.yaml")]);
        var merged = Alibaba.ChipSim.Output.Shards.ShardMerger.Summarize(folders, 2, CancellationToken.None, columnTrialsLimit: 0, chunkRows,
            tinyWindows ? (2, 16) : null);
        Assert.Empty(merged.Errors);
        Assert.True(merged.Streamed);
        if (tinyWindows) Assert.True(merged.Passes > 1, $"{merged.Passes} passes");
        else Assert.Equal(1, merged.Passes);
        Assert.Equal(Alibaba.ChipSim.Output.SummaryJsonWriter.ToJson(single.Summary), Alibaba.ChipSim.Output.SummaryJsonWriter.ToJson(merged.Summary!));
        Assert.Equal(single.Summary.Years.Length, merged.Summary!.Years.Length);
    }

    [Fact]
    public void A_summary_only_merge_into_an_earlier_runs_folder_replaces_its_files_as_run_does()
    {
        string[] scenario = [Scenario("base.yaml")];
        var folders = Shards(2, scenario);
        var merged = _temp.File("merged");
        Assert.Equal(0, Merge(merged, folders));
        Assert.Contains("trials.csv", FilesIn(merged));

        Assert.Equal(0, Merge(merged, folders, formats: ["json"]));

        Assert.Equal(["summary.csv", "summary.json"], FilesIn(merged)); // no trials.csv of the earlier merge left beside them
    }

    [Fact]
    public void A_summary_only_merge_finds_a_damaged_shard_before_it_summarises()
    {
        var folders = Shards(2, [Scenario("base.yaml")]);
        var file = Path.Combine(folders[0], "shard.bin");
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(file, bytes);
        var merged = _temp.File("merged");
        Assert.Equal(2, Merge(merged, folders, formats: ["json"]));
        Assert.Contains($"shard {folders[0]}: damaged", _stderr.ToString());
        Assert.False(Directory.Exists(merged));
    }

    [Theory]
    [InlineData("base.yaml", false, 300)]
    [InlineData("bench/base-first-wave.yaml", false, 4096)]
    [InlineData("base.yaml", true, 97)]
    public void A_shard_written_as_it_simulates_is_byte_for_byte_the_shard_of_its_columns(string file, bool designed, int chunkSize)
    {
        var scenario = ShippedScenarios.Load(file);
        if (designed)
            scenario = scenario with
            {
                Simulation = scenario.Simulation with { Sampling = Alibaba.ChipSim.Scenarios.SamplingMethod.LatinHypercube },
                Correlations = [new("economics.price_per_chip_usd", "shipments.buyer_share", -0.6, Alibaba.ChipSim.Scenarios.SourceLocation.None("<test>"))],
            };
        foreach (var slice in new[] { new ShardSlice(0, 3), new ShardSlice(2, 3) })
        {
            var kept = _temp.File($"kept-{slice.Index}");
            var streamed = _temp.File($"streamed-{slice.Index}");
            Alibaba.ChipSim.Output.Shards.ShardFolder.Write(kept, ShardPipeline.Simulate(scenario, Trials, 7, slice, threads: 2), slice, Trials);
            Alibaba.ChipSim.Output.Shards.ShardFolder.WriteStreamed(streamed, scenario, Trials, 7, slice, threads: 2, CancellationToken.None, chunkSize);
            AssertSameFiles(kept, streamed, "shard.bin");
            Assert.Equal(FilesIn(kept), FilesIn(streamed)); // no temporary file left beside it
        }
    }

    [Fact]
    public void A_streamed_shard_that_is_interrupted_leaves_nothing_behind_and_an_earlier_shard_in_its_folder_as_it_was()
    {
        var scenario = ShippedScenarios.Load("base.yaml");
        var slice = new ShardSlice(1, 3);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var fresh = _temp.File("fresh");
        Assert.ThrowsAny<OperationCanceledException>(() =>
            Alibaba.ChipSim.Output.Shards.ShardFolder.WriteStreamed(fresh, scenario, Trials, 7, slice, threads: 2, cancelled.Token, 97));
        Assert.False(Directory.Exists(fresh));

        var earlier = _temp.File("earlier");
        Alibaba.ChipSim.Output.Shards.ShardFolder.WriteStreamed(earlier, scenario, Trials, 7, slice, threads: 2);
        var before = File.ReadAllBytes(Path.Combine(earlier, "shard.bin"));
        Assert.ThrowsAny<OperationCanceledException>(() =>
            Alibaba.ChipSim.Output.Shards.ShardFolder.WriteStreamed(earlier, scenario, Trials, 8, slice, threads: 2, cancelled.Token, 97));
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(earlier, "shard.bin")));
        Assert.Equal(["scenario", "shard.bin"], Directory.EnumerateFileSystemEntries(earlier).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Shards_run_above_stream_above_merge_into_the_files_of_the_one_process_run()
    {
        string[] scenario = [Scenario("base.yaml")];
        var single = _temp.File("single");
        Assert.Equal(0, Run(Settings(single), scenario));
        var folders = new List<string>();
        for (var k = 0; k < 3; k++)
        {
            var folder = _temp.File($"streamed-shard-{k}");
            Assert.Equal(0, Run(Settings(folder) with { Shard = new ShardRequest(k, 3), StreamAbove = 500 }, scenario));
            folders.Add(folder);
        }
        var merged = _temp.File("merged");
        Assert.Equal(0, Merge(merged, folders));
        AssertSameFiles(single, merged, "summary.json", "summary.csv", "trials.csv", "quarters.csv", "trials.parquet");
    }

    [Fact]
    public void Latin_hypercube_and_correlations_are_laid_over_the_whole_run_so_shards_and_sensitivity_merge_identically()
    {
        // The variant extends a file in a subfolder of its own (extends stays inside the named scenario's folder
        // tree): the shard's copy of the scenario keeps that layout.
        var root = _temp.File("scenarios");
        Directory.CreateDirectory(Path.Combine(root, "common"));
        File.Copy(Scenario("base.yaml"), Path.Combine(root, "common", "base.yaml"));
        var variant = Path.Combine(root, "designed.yaml");
        File.WriteAllText(variant, """
            extends: common/base.yaml
            name: designed
            simulation: { sampling: latin-hypercube }
            correlations:
              - { between: [economics.price_per_chip_usd, shipments.buyer_share], rho: -0.6 }
              - { between: [compute.utilization, compute.h200_vs_h20], rho: 0.4 }
            """);
        var single = _temp.File("single");
        Assert.Equal(0, Run(Settings(single) with { Sensitivity = true }, variant));
        var folders = Shards(3, [variant]);
        var merged = _temp.File("merged");
        Assert.Equal(0, Merge(merged, folders, sensitivity: true));
        Assert.Equal("", _stderr.ToString());
        Assert.Contains("\"sensitivity\"", File.ReadAllText(Path.Combine(merged, "summary.json")));
        AssertSameFiles(single, merged, "summary.json", "trials.csv", "quarters.csv");
    }

    [Fact]
    public void The_embedded_base_scenario_shards_and_merges_without_a_file()
    {
        var single = _temp.File("single");
        Assert.Equal(0, Run(Settings(single)));
        var merged = _temp.File("merged");
        Assert.Equal(0, Merge(merged, Shards(2, [])));
        AssertSameFiles(single, merged, "summary.json", "trials.csv");
    }

    [Fact]
    public void A_shard_says_which_trials_it_wrote_on_one_plain_line()
    {
        var folder = _temp.File("shard");
        Assert.Equal(0, Run(new RunSettings(Trials, 7, 2, folder, ["csv"], Quiet: false, Json: false) { Shard = new ShardRequest(1, 3) }, Scenario("base.yaml")));
        Assert.Equal($"Wrote shard 1/3 of base (trials 1000-1999 of 3001, seed 7) to {folder}\n", _stdout.ToString().Replace("\r\n", "\n"));
        Assert.Equal("", _console.Output);
    }

    [Fact]
    public void Running_a_shard_again_into_its_folder_replaces_it()
    {
        string[] scenario = [Scenario("base.yaml")];
        var folders = Shards(2, scenario);
        // A retried array task: the same shard into the same folder, once with another seed and once as it should be.
        Assert.Equal(0, Run(Settings(folders[1]) with { Seed = 8, Shard = new ShardRequest(1, 2) }, scenario));
        Assert.Equal(2, Merge(_temp.File("mixed"), folders));
        Assert.Contains("its seed is 8, not 7", _stderr.ToString());
        Assert.Equal(0, Run(Settings(folders[1]) with { Shard = new ShardRequest(1, 2) }, scenario));
        var single = _temp.File("single");
        Assert.Equal(0, Run(Settings(single), scenario));
        var merged = _temp.File("merged");
        Assert.Equal(0, Merge(merged, folders, formats: ["json"]));
        AssertSameFiles(single, merged, "summary.json");
        Assert.Equal(["scenario", "shard.bin"], Directory.EnumerateFileSystemEntries(folders[1]).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_shard_whose_scenario_copy_was_edited_is_an_error()
    {
        var folders = Shards(2, [Scenario("fee-raised.yaml")]);
        File.AppendAllText(Path.Combine(folders[0], "scenario", "fee-raised.yaml"), "\n# edited\n");
        Assert.Equal(2, Merge(_temp.File("merged"), folders));
        Assert.Contains($"shard {folders[0]}: its copy of the scenario (scenario/fee-raised.yaml) hashes to", _stderr.ToString());
    }

    [Fact]
    public void A_missing_shard_is_an_error_naming_it_and_nothing_is_written()
    {
        var folders = Shards(3, [Scenario("base.yaml")]);
        folders.RemoveAt(1);
        var merged = _temp.File("merged");
        Assert.Equal(2, Merge(merged, folders));
        Assert.Contains("missing shard 1/3 (trials 1000-1999)", _stderr.ToString());
        Assert.False(Directory.Exists(merged));
    }

    [Fact]
    public void A_shard_given_twice_overlaps()
    {
        var folders = Shards(2, [Scenario("base.yaml")]);
        var copy = _temp.File("copy-of-0");
        Directory.CreateDirectory(copy);
        File.Copy(Path.Combine(folders[0], "shard.bin"), Path.Combine(copy, "shard.bin"));
        Assert.Equal(2, Merge(_temp.File("merged"), [.. folders, copy]));
        Assert.Contains($"shards {folders[0]} and {copy} overlap: each is shard 0/2 (trials 0-1499)", _stderr.ToString());
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("trials")]
    [InlineData("shards")]
    [InlineData("scenario")]
    public void A_shard_of_another_run_is_foreign(string what)
    {
        var folders = Shards(2, [Scenario("base.yaml")]);
        var other = _temp.File("other");
        var settings = Settings(other) with { Shard = new ShardRequest(1, 2) };
        var scenario = Scenario("base.yaml");
        switch (what)
        {
            case "seed": settings = settings with { Seed = 8 }; break;
            case "trials": settings = settings with { Trials = Trials + 1 }; break;
            case "shards": settings = settings with { Shard = new ShardRequest(1, 3) }; break;
            default: scenario = Scenario("fee-raised.yaml"); break;
        }
        Assert.Equal(0, Run(settings, scenario));
        Assert.Equal(2, Merge(_temp.File("merged"), [folders[0], other]));
        var expected = what switch
        {
            "seed" => "its seed is 8, not 7",
            "trials" => "its trial count is 3002, not 3001",
            "shards" => "its shard count M is 3, not 2",
            _ => "its scenario is fee-raised, not base",
        };
        Assert.Contains($"shard {other} is not of the same run as shard {folders[0]}: {expected}", _stderr.ToString());
    }

    [Fact]
    public void A_damaged_or_truncated_shard_is_an_error_naming_it()
    {
        var folders = Shards(2, [Scenario("base.yaml")]);
        var file = Path.Combine(folders[1], "shard.bin");
        var bytes = File.ReadAllBytes(file);
        bytes[^100] ^= 1;
        File.WriteAllBytes(file, bytes);
        Assert.Equal(2, Merge(_temp.File("merged"), folders));
        Assert.Contains($"shard {folders[1]}: damaged (its checksum does not match its contents)", _stderr.ToString());

        File.WriteAllBytes(file, bytes[..^1000]);
        Assert.Equal(2, Merge(_temp.File("merged"), folders));
        Assert.Contains($"shard {folders[1]}: it is {bytes.Length - 1000} bytes where its header implies {bytes.Length} (truncated", _stderr.ToString());
    }

    [Fact]
    public void A_folder_without_a_shard_is_named()
    {
        var empty = _temp.File("empty");
        Directory.CreateDirectory(empty);
        Assert.Equal(2, Merge(_temp.File("merged"), [empty, _temp.File("nowhere")]));
        Assert.Contains($"shard {empty}: no shard.bin in it", _stderr.ToString());
        Assert.Contains($"shard {_temp.File("nowhere")}: no such folder", _stderr.ToString());
    }

    [Fact]
    public void A_shard_needs_an_output_folder_and_one_scenario_without_sensitivity()
    {
        var shard = new ShardRequest(0, 2);
        Assert.Equal(2, Run(new RunSettings(100, 7, 1, null, ["csv"], true, false) { Shard = shard }));
        Assert.Contains("give --out DIR", _stderr.ToString());
        Assert.Equal(2, Run(Settings(_temp.File("s")) with { Shard = shard, Sensitivity = true }));
        Assert.Contains("give it to chipsim merge instead", _stderr.ToString());
        Assert.Equal(2, Run(Settings(_temp.File("s")) with { Shard = shard }, Scenario("base.yaml"), Scenario("fee-raised.yaml")));
        Assert.Contains("one scenario", _stderr.ToString());
        Assert.False(Directory.Exists(_temp.File("s")));
    }

    [Theory]
    [InlineData("xlsx", "--format xlsx: a shard writes only shard.bin, and chipsim merge writes csv, parquet or json, not run.xlsx")]
    [InlineData("parquet", "--format chooses the files chipsim merge writes (a shard writes only shard.bin): give it to chipsim merge instead")]
    public void A_shard_refuses_a_format_the_merge_chooses(string format, string message)
    {
        var folder = _temp.File("s");
        Assert.Equal(2, Run(Settings(folder) with { Shard = new ShardRequest(0, 2), Formats = [format], FormatsGiven = true }, Scenario("base.yaml")));
        Assert.Equal($"run: {message}", _stderr.ToString().Split('\n')[0].TrimEnd('\r').Split("; leave")[0]);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Auto_reads_the_shard_from_slurm_or_kubernetes_and_rejects_a_missing_or_out_of_range_index()
    {
        var auto = ShardRequest.TryParse("auto/4", out _)!;
        Assert.Equal(new ShardSlice(2, 4), auto.Resolve(v => v == "SLURM_ARRAY_TASK_ID" ? "2" : null, 100, out _));
        Assert.Equal(new ShardSlice(3, 4), auto.Resolve(v => v == "JOB_COMPLETION_INDEX" ? "3" : null, 100, out _));
        Assert.Null(auto.Resolve(_ => null, 100, out var none));
        Assert.Contains("neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set", none);
        Assert.Null(auto.Resolve(v => v == "SLURM_ARRAY_TASK_ID" ? "4" : null, 100, out var outside));
        Assert.Contains("SLURM_ARRAY_TASK_ID is '4', not a shard number from 0 to 3", outside);
        Assert.Null(auto.Resolve(_ => "0", 3, out var tooMany));
        Assert.Contains("use at most 3 shards", tooMany);
    }

    [Theory]
    [InlineData("4/4", "K from 0 to M - 1 = 3")]
    [InlineData("1/0", "M a whole number from 1")]
    [InlineData("one/4", "K, a shard number from 0 to M - 1 = 3, or auto: K is not a number (got 'one/4')")]
    [InlineData("abc/4", "K is not a number")]
    [InlineData("/4", "K is missing")]
    [InlineData("99999999999/4", "K from 0 to M - 1 = 3")]
    [InlineData("3", "K/M or auto/M")]
    public void A_malformed_shard_option_says_what_it_takes(string text, string message)
    {
        Assert.Null(ShardRequest.TryParse(text, out var error));
        Assert.Contains(message, error);
    }

    [Fact]
    public void Slices_tile_the_trials_and_differ_by_at_most_one()
    {
        long next = 0;
        for (var k = 0; k < 7; k++)
        {
            var (first, count) = new ShardSlice(k, 7).Range(Trials);
            Assert.Equal(next, first);
            Assert.InRange(count, Trials / 7, Trials / 7 + 1);
            next = first + count;
        }
        Assert.Equal(Trials, next);
    }
}
