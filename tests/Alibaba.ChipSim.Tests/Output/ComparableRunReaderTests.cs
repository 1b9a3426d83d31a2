using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Statistics.Comparison;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Output;

public sealed class ComparableRunReaderTests
{
    [Fact]
    public void A_run_folder_is_read_through_its_summary_json()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File("summary.json"), """{ "trials": 10, "metrics": { "x": { "count": 10, "mean": 1.5, "se": 0.1 } } }""");

        var run = ComparableRunReader.Read(dir.Path);

        Assert.Equal(dir.File("summary.json"), run.Source);
        Assert.Equal(new ComparableMetric("x", 10, 1.5, 0.1, null, null), run.Metrics["x"]);
        Assert.Equal(MetricKind.Mean, run.Metrics["x"].Kind);
    }

    [Fact]
    public void A_folder_without_a_summary_is_refused_with_a_message_that_says_what_was_expected()
    {
        using var dir = new TempFolder();
        var e = Assert.Throws<InvalidDataException>(() => ComparableRunReader.Read(dir.Path));
        Assert.Contains("no summary.json in this folder", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"metrics\": [1] }", "f.json: not a chipsim summary or snapshot")]
    [InlineData("{ \"metrics\": { \"x\": 3 } }", "f.json: metrics.x: expected an object")]
    [InlineData("{ \"metrics\": { \"x\": { \"mean\": 1 } } }", "f.json: metrics.x: no \"count\"")]
    [InlineData("{ \"metrics\": { \"x\": { \"count\": 2, \"mean\": \"big\" } } }", "f.json: metrics.x.mean: expected a number or null, got string")]
    [InlineData("{ \"metrics\": { \"x\": { \"count\": -2 } } }", "f.json: metrics.x.count: expected a whole number ≥ 0, got -2")]
    [InlineData("{ \"metrics\": {\n  \"x\": { \"count\": 2,, } } }", "f.json:2:")]
    public void Malformed_files_are_refused_naming_the_file_and_the_key(string json, string messageStart)
    {
        var e = Assert.Throws<InvalidDataException>(() => ComparableRunReader.Parse(json, "f.json"));
        Assert.StartsWith(messageStart, e.Message, StringComparison.Ordinal);
    }

    // The position is that of the first byte that cannot be JSON (the _ of tru_, the i of trial).
    [Theory]
    [InlineData("{\"token\": tru_hunter2}", "f.json:1:14: not valid JSON")]
    [InlineData("trial,delivered_by_deadline,nothing_delivered\n0,1,0\n", "f.json:1:3: not valid JSON")]
    public void A_file_that_is_not_json_is_named_by_its_position_without_quoting_it(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<InvalidDataException>(() => ComparableRunReader.Parse(text, "f.json")).Message);
        Assert.Equal(message, Assert.Throws<InvalidDataException>(() => SummaryJsonReader.Parse(text, "f.json")).Message);
    }

    [Fact]
    public void A_count_that_is_a_long_string_is_described_by_its_kind_not_quoted()
    {
        var json = $$"""{ "trials": "{{new string('s', 10_000)}}", "metrics": {} }""";

        var e = Assert.Throws<InvalidDataException>(() => ComparableRunReader.Parse(json, "f.json"));

        Assert.Equal("f.json: trials: expected a whole number ≥ 0, got string", e.Message);
    }
}
