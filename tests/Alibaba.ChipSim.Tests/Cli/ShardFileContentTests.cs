using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Cli.Running;
using Alibaba.ChipSim.Tests.Support;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

/// <summary>
/// <c>merge</c> of shard files whose checksum matches but whose header or columns no run writes (a shard edited and
/// its SHA-256 recomputed, as anyone can): exit 2 with a message naming the shard and what is wrong, nothing written,
/// never an exception, whether the merge rebuilds the run (csv) or reads it a column at a time (json).
/// </summary>
public sealed class ShardFileContentTests : IDisposable
{
    private const long Trials = 400;

    private readonly TempFolder _temp = new();
    private readonly TestConsole _console = new TestConsole().Width(160);
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();
    private readonly List<string> _shards = [];

    public ShardFileContentTests()
    {
        for (var k = 0; k < 2; k++)
        {
            var folder = _temp.File($"shard-{k}");
            var settings = new RunSettings(Trials, 7, 1, folder, ["csv"], Quiet: true, Json: false) { Shard = new ShardRequest(k, 2) };
            Assert.Equal(0, RunCommand.Execute([Path.Combine(RepoRoot.Scenarios, "base.yaml")], settings, _console, _stdout, _stderr, outputRedirected: true));
            _shards.Add(folder);
        }
    }

    public void Dispose()
    {
        _temp.Dispose();
        _console.Dispose();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

    /// <summary>Merges the two shards with <paramref name="format"/>; asserts exit 2, nothing written, and returns stderr.</summary>
    private string MergeFails(string format)
    {
        var merged = _temp.File("merged-" + format);
        var settings = new RunSettings(null, null, 1, merged, [format], Quiet: true, Json: false);
        var code = MergeCommand.Execute(_shards, settings, _console, _stdout, _stderr);
        var errors = _stderr.ToString();
        Assert.True(code == 2, errors);
        Assert.False(Directory.Exists(merged));
        _stderr.GetStringBuilder().Clear();
        return errors;
    }

    /// <summary>
    /// Rewrites shard <paramref name="k"/>'s file with its header and columns edited, and the SHA-256 recomputed as
    /// the product writes it: 16 bytes (magic, format, header length), the header, the columns, then the hash of all that.
    /// </summary>
    private void Edit(int k, Func<JsonNode, JsonNode?>? header = null, Action<JsonObject, byte[]>? body = null, string? rawHeader = null)
    {
        var file = Path.Combine(_shards[k], "shard.bin");
        var bytes = File.ReadAllBytes(file);
        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        var json = JsonNode.Parse(bytes.AsSpan(16, length))!;
        var columns = bytes[(16 + length)..^32];
        body?.Invoke(json.AsObject(), columns);
        if (header is not null) json = header(json)!;
        var text = rawHeader is null ? Encoding.UTF8.GetBytes(json.ToJsonString()) : Encoding.UTF8.GetBytes(rawHeader);
        var prefix = bytes[..16];
        BinaryPrimitives.WriteInt32LittleEndian(prefix.AsSpan(12), text.Length);
        byte[] content = [.. prefix, .. text, .. columns];
        File.WriteAllBytes(file, [.. content, .. SHA256.HashData(content)]);
    }

    private static int Count(JsonObject h) => (int)h["count"]!;

    /// <summary>Where numeric column <paramref name="name"/> starts in the columns.</summary>
    private static int NumericAt(JsonObject h, string name) =>
        h["numeric"]!.AsArray().Select(c => (string)c!["name"]!).ToList().IndexOf(name) * Count(h) * 8;

    private static int CategoricalAt(JsonObject h, int column) => (h["numeric"]!.AsArray().Count * 8 + column) * Count(h);

    private static int OccupancyAt(JsonObject h)
    {
        var quarters = h["quarterly"]!.AsArray().Sum(q => q!["quarters"]!.AsArray().Count);
        return (h["numeric"]!.AsArray().Count * 8 + h["categorical"]!.AsArray().Count + quarters * 8) * Count(h);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public void A_final_state_code_outside_its_states_is_refused_naming_the_column_and_trial(string format)
    {
        Edit(1, body: (h, b) => b[CategoricalAt(h, 0)] = 200);
        Assert.Contains($"merge: shard {_shards[1]}: its column washington_final holds state code 200 at trial 200, but has 4 states (codes 0 to 3)",
            MergeFails(format));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public void An_empty_category_list_is_a_header_error(string format)
    {
        for (var k = 0; k < 2; k++) Edit(k, h => { h["categorical"]![0]!["categories"] = new JsonArray(); return h; });
        Assert.Contains($"shard {_shards[0]}: its header's 'categorical[0].categories' holds 0 categories", MergeFails(format));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public void A_month_that_is_no_month_in_the_header_is_refused_by_both_merges(string format)
    {
        for (var k = 0; k < 2; k++) Edit(k, h => { h["occupancy"]![0]!["start"] = "2025-13"; return h; });
        Assert.Contains($"shard {_shards[0]}: its header's 'occupancy[0].start' is not a month in the form YYYY-MM", MergeFails(format));
    }

    [Theory]
    [InlineData("delivered_by_deadline", 5.0, "holds 5 at trial 200, not 0 or 1")]
    [InlineData("delivered_by_deadline", double.NaN, "holds NaN at trial 200, not 0 or 1")]
    [InlineData("months_to_first_delivery", 2.5, "holds 2.5 at trial 200, not a whole number")]
    [InlineData("months_to_first_delivery", 1e300, "holds 1E+300 at trial 200, not a whole number within ±2^63")]
    [InlineData("chips_delivered", double.PositiveInfinity, "holds Infinity at trial 200, not a whole number")]
    public void A_value_its_column_kind_does_not_allow_is_refused(string column, double value, string message)
    {
        Edit(1, body: (h, b) => BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(NumericAt(h, column)), value));
        foreach (var format in new[] { "csv", "json" })
            Assert.Contains($"shard {_shards[1]}: its column {column} {message}", MergeFails(format));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public void Values_a_run_may_write_still_merge(string format)
    {
        Edit(1, body: (h, b) =>
        {
            // A whole-number column may be undefined (NaN) in a trial: months to the first delivery when nothing is delivered.
            BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(NumericAt(h, "months_to_first_delivery")), double.NaN);
            // A count beyond 2^53 is still whole (an int64 in trials.parquet); an amount may overflow to infinity.
            BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(NumericAt(h, "chips_delivered")), 1e18);
            BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(NumericAt(h, "fee_borne_usd")), double.PositiveInfinity);
        });
        var settings = new RunSettings(null, null, 1, _temp.File("merged"), [format], Quiet: true, Json: false);
        Assert.True(MergeCommand.Execute(_shards, settings, _console, _stdout, _stderr) == 0, _stderr.ToString());
    }

    [Theory]
    [InlineData(-5L, "hold -5 trials in state rescinded after 2025-12, not a count ≥ 0")]
    [InlineData(1L << 62, "after 2025-12 add up to")]
    public void Occupancy_counts_that_are_not_the_shards_trials_are_refused(long count, string message)
    {
        Edit(1, body: (h, b) => BinaryPrimitives.WriteInt64LittleEndian(b.AsSpan(OccupancyAt(h)), count));
        foreach (var format in new[] { "csv", "json" })
            Assert.Contains($"shard {_shards[1]}: its occupancy counts of washington {message}", MergeFails(format));
    }

    [Theory]
    [InlineData("trials_string", "its header's 'trials' is a string, not a whole number")]
    [InlineData("seed_negative", "its header's 'seed' is not a whole number from 0 to 18446744073709551615")]
    [InlineData("no_format", "its header has no 'format'")]
    [InlineData("empty_object", "its header has no 'numeric'")]
    [InlineData("array", "its header is an array, not a JSON object")]
    [InlineData("not_json", "its header is not valid JSON (line 1")]
    [InlineData("whole_missing", "its header has no 'numeric[3].whole'")]
    [InlineData("f32", "its header's 'numeric[0].kind' is not f64")]
    [InlineData("engine", "it was written by engine 'chipsim 9.9', not by this chipsim ")]
    public void A_malformed_header_says_which_key_is_wrong(string edit, string message)
    {
        for (var k = 0; k < 2; k++)
            switch (edit)
            {
                case "trials_string": Edit(k, h => { h["trials"] = "400"; return h; }); break;
                case "seed_negative": Edit(k, h => { h["seed"] = -7; return h; }); break;
                case "no_format": Edit(k, h => { h.AsObject().Remove("format"); return h; }); break;
                case "empty_object": Edit(k, rawHeader: "{}"); break;
                case "array": Edit(k, rawHeader: "[]"); break;
                case "not_json": Edit(k, rawHeader: "{\"format\": 1,"); break;
                case "whole_missing": Edit(k, h => { h["numeric"]![3]!.AsObject().Remove("whole"); return h; }); break;
                case "f32": Edit(k, h => { h["numeric"]![0]!["kind"] = "f32"; return h; }); break;
                default: Edit(k, h => { h["engine"] = "chipsim 9.9"; return h; }); break;
            }
        var errors = MergeFails("json");
        Assert.Contains($"merge: shard {_shards[0]}: {message}", errors);
        Assert.DoesNotContain("Exception", errors);
    }

    [Fact]
    public void A_header_with_more_shards_than_run_shard_writes_is_refused_and_missing_shards_are_listed_in_bounded_lines()
    {
        // Two shards consistent with each other as slices 0 and 1 of 2·10⁹: listing the missing ones would never end.
        for (var k = 0; k < 2; k++) Edit(k, h => { h["shards"] = 2_000_000_000; h["trials"] = 400_000_000_000; return h; });
        Assert.Contains($"shard {_shards[0]}: shard 0/2000000000 of 400000000000 trials is not a slice run --shard writes", MergeFails("json"));

        for (var k = 0; k < 2; k++) Edit(k, h => { h["shards"] = 100_000; h["trials"] = 20_000_000; return h; });
        var lines = MergeFails("json").ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(21, lines.Length);
        Assert.StartsWith("merge: missing shard 2/100000 (trials 400-599)", lines[0]);
        Assert.Equal("merge: and 99978 more missing shards of the 100000 of run 'base' seed 7", lines[^1]);
    }

    [Theory]
    [InlineData("binary", "column 1 is 'f64 delivered_by_deadline False True' where the scenario gives 'f64 delivered_by_deadline True True'")]
    [InlineData("renamed", "column 18 is 'f64 rio False False' where the scenario gives 'f64 roi False False'")]
    [InlineData("state", "is 'u8 washington_final rescinded,licensed' where the scenario gives 'u8 washington_final rescinded,licensed,suspended,reinstated'")]
    public void A_header_whose_columns_are_not_those_of_its_scenario_is_refused(string edit, string message)
    {
        // Consistent across the shards and with the file's length, but not the columns a run of the scenario writes.
        for (var k = 0; k < 2; k++)
            Edit(k, h =>
            {
                if (edit == "binary") h["numeric"]![0]!["binary"] = false;
                else if (edit == "renamed") h["numeric"]![17]!["name"] = "rio";
                else h["categorical"]![0]!["categories"] = new JsonArray("rescinded", "licensed");
                return h;
            });
        foreach (var format in new[] { "csv", "json" })
        {
            var errors = MergeFails(format);
            Assert.Contains($"shard {_shards[0]}: its columns are not those of scenario 'base': ", errors);
            Assert.Contains(message, errors);
        }
    }

    [Fact]
    public void A_long_header_text_is_shown_clipped_and_without_control_characters()
    {
        for (var k = 0; k < 2; k++) Edit(k, h => { h["engine"] = "\u001b[31m" + new string('x', 100_000); return h; });
        var errors = MergeFails("json");
        Assert.Contains($"shard {_shards[0]}: it was written by engine '?[31m{new string('x', 59)}…', not by this chipsim", errors);
        Assert.False(errors.Contains('\u001b', StringComparison.Ordinal), "a control character of the header is printed");
        Assert.True(errors.Length < 1000, "the header's text is quoted whole");
    }

    [Fact]
    public void A_header_that_names_another_scenario_than_its_copy_or_a_copy_outside_its_folder_is_refused()
    {
        for (var k = 0; k < 2; k++) Edit(k, h => { h["scenario"] = "elsewhere"; return h; });
        Assert.Contains($"shard {_shards[0]}: its header names scenario 'elsewhere', but its copy of the scenario", MergeFails("json"));

        for (var k = 0; k < 2; k++) Edit(k, h => { h["scenario"] = "base"; h["scenario_file"] = "../../base.yaml"; return h; });
        Assert.Contains($"shard {_shards[0]}: its header's scenario_file is not inside its scenario/ folder", MergeFails("json"));
    }

    [Fact]
    public async Task A_shard_file_that_is_a_fifo_is_refused_at_once_instead_of_hanging_the_merge()
    {
        if (!OperatingSystem.IsLinux()) return; // mkfifo is POSIX
        var file = Path.Combine(_shards[0], "shard.bin");
        File.Delete(file);
        Assert.Equal(0, mkfifo(file, Convert.ToUInt32("600", 8)));

        var merge = Task.Run(() => MergeFails("csv"));
        var errors = await merge.WaitAsync(TimeSpan.FromSeconds(30)); // a merge that opens the FIFO waits for a writer
        Assert.Contains($"shard {_shards[0]}: {file} is not a regular file (a FIFO)", errors);
    }

    [Fact]
    public void A_shard_file_that_is_a_folder_is_named_as_a_folder()
    {
        var file = Path.Combine(_shards[0], "shard.bin");
        File.Delete(file);
        Directory.CreateDirectory(file);
        Assert.Contains($"shard {_shards[0]}: {file} is a folder, not a file", MergeFails("json"));
    }
}
