using System.Text.Json;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Tests.Support;
using Snapshooter.Xunit;

namespace Alibaba.ChipSim.Tests.Output;

public sealed class SummaryJsonTests
{
    private static RunSummary FourTrials() => SummaryBuilder.Build(HandMadeResults.FourTrials());

    [Fact]
    public void Summary_json_of_four_hand_made_trials_matches_the_snapshot()
    {
        var json = SummaryJsonWriter.ToJson(FourTrials() with { Engine = "chipsim test" });

        Snapshot.Match(json);
    }

    [Fact]
    public void Summary_json_has_the_shape_of_spec_section_5()
    {
        using var document = JsonDocument.Parse(SummaryJsonWriter.ToJson(FourTrials()));
        var root = document.RootElement;

        Assert.Equal(["scenario", "scenario_sha256", "seed", "trials", "engine", "calendar", "metrics", "quarters"], root.EnumerateObject().Select(p => p.Name));
        var cost = root.GetProperty("metrics").GetProperty("cost_cny");
        Assert.Equal(
            [
                "count", "mean", "sd", "se", "min", "max", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "p99",
                "var5", "cvar5", "var95", "cvar95",
            ],
            cost.EnumerateObject().Select(p => p.Name));
        var delivered = root.GetProperty("metrics").GetProperty("delivered_by_deadline");
        Assert.Equal(0.75, delivered.GetProperty("probability").GetDouble());
        Assert.Equal(2, delivered.GetProperty("ci95").GetArrayLength());
        var shares = root.GetProperty("metrics").GetProperty("washington_final").GetProperty("shares");
        Assert.Equal(0.0, shares.GetProperty("rescinded").GetDouble());
    }

    [Fact]
    public void A_metric_defined_once_has_null_sd_and_se_and_one_defined_nowhere_only_a_count()
    {
        var summary = FourTrials() with
        {
            Metrics = [ColumnStatistics.Summarize("once", [double.NaN, 5]), ColumnStatistics.Summarize("never", [double.NaN])],
        };
        using var document = JsonDocument.Parse(SummaryJsonWriter.ToJson(summary));
        var metrics = document.RootElement.GetProperty("metrics");

        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("once").GetProperty("sd").ValueKind);
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("once").GetProperty("se").ValueKind);
        Assert.Equal(["count"], metrics.GetProperty("never").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Reading_a_written_summary_gives_back_every_value_bit_for_bit()
    {
        var summary = SummaryBuilder.Build(HandMadeResults.Random(5_000, seed: 11));

        var json = SummaryJsonWriter.ToJson(summary);
        var read = SummaryJsonReader.Parse(json);

        Assert.Equal(json, SummaryJsonWriter.ToJson(read));
        Assert.Equal(summary.Metrics.Length, read.Metrics.Length);
        for (var i = 0; i < summary.Metrics.Length; i++)
        {
            if (summary.Metrics[i] is MetricSummary m) Assert.Equal(m, read.Metrics[i]);
        }
        Assert.Equal(summary.Quarters.ToArray(), read.Quarters.ToArray());
        Assert.Equal(summary with { Metrics = read.Metrics, Quarters = read.Quarters }, read);
    }

    [Theory]
    [InlineData(0.1 + 0.2)]
    [InlineData(1.0 / 3)]
    [InlineData(double.Epsilon)]
    [InlineData(double.MaxValue)]
    [InlineData(-123456789.123456789e-200)]
    [InlineData(double.PositiveInfinity)]
    public void Doubles_reparse_bit_identical(double value)
    {
        var summary = FourTrials() with { Metrics = [new MetricSummary("x", 1, Mean: value, Min: value, Max: value)] };

        var read = SummaryJsonReader.Parse(SummaryJsonWriter.ToJson(summary)).Metric("x")!;

        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(read.Mean!.Value));
    }

    [Fact]
    public void Summary_json_is_the_same_under_a_culture_with_decimal_commas()
    {
        var invariant = SummaryJsonWriter.ToJson(FourTrials());
        using (new CultureScope("de-DE"))
        {
            Assert.Equal(invariant, SummaryJsonWriter.ToJson(FourTrials()));
        }
    }

    [Theory]
    [InlineData("{", "<summary>:")]
    [InlineData("""{ "scenario": "a", "scenario_sha256": "", "seed": 1, "trials": 2, "engine": "e" }""", "metrics: missing")]
    [InlineData("""{ "scenario": "a", "scenario_sha256": "", "seed": -1, "trials": 2, "engine": "e", "metrics": {} }""", "seed:")]
    [InlineData("""{ "scenario": "a", "scenario_sha256": "", "seed": 1, "trials": 2, "engine": "e", "metrics": { "x": { "count": 2, "mean": "high" } } }""", "metrics.x.mean:")]
    [InlineData("""{ "scenario": "a", "scenario_sha256": "", "seed": 1, "trials": 2, "engine": "e", "metrics": { "x": { "mean": 1 } } }""", "metrics.x.count:")]
    public void A_malformed_summary_is_reported_with_the_file_and_key(string json, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => SummaryJsonReader.Parse(json));

        Assert.StartsWith("<summary>:", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Unknown_top_level_sections_are_ignored_when_reading()
    {
        var json = SummaryJsonWriter.ToJson(FourTrials()).TrimEnd().TrimEnd('}') + """, "later_section": { "a": 1 } }""";

        var read = SummaryJsonReader.Parse(json);

        Assert.Equal(7, read.Metrics.Length);
    }
}
