using Alibaba.ChipSim.Snapshots;
using Alibaba.ChipSim.Output;

namespace Alibaba.ChipSim.Tests.Snapshots;

public sealed class SnapshotWriterTests
{
    private const string Summary = """
        { "scenario": "base", "scenario_sha256": "abc123", "seed": 20251223, "trials": 100000, "engine": "chipsim 0.1.0",
          "metrics": {
            "roi": { "count": 61234, "mean": 3.14159, "sd": 2.71828, "se": 0.0109846, "min": -1, "max": 40,
                     "p1": 0, "p5": 0.123456, "p50": 2.5, "p95": 9.87654, "p99": 20, "var5": 0.1, "cvar5": 0.05 },
            "chips_delivered": { "count": 100000, "mean": 12345.6789, "sd": 8000, "se": 25.2982, "p5": 0, "p50": 12000, "p95": 30000 },
            "delivered_by_deadline": { "count": 100000, "mean": 0.31, "sd": 0.46, "se": 0.00146, "p5": 0, "p50": 0, "p95": 1,
                                       "probability": 0.3104, "ci95": [0.3075, 0.3133] },
            "washington_final": { "shares": { "rescinded": 0, "licensed": 0.76712, "suspended": 0.058, "reinstated": 0.17488 } },
            "months_to_first_delivery": { "count": 1, "mean": 4, "sd": null, "se": null }
          } }
        """;

    [Fact]
    public void A_snapshot_has_sorted_keys_one_metric_per_line_and_four_significant_digits()
    {
        var expected = """
            {
              "engine": "chipsim 0.1.0",
              "metrics": {
                "chips_delivered": {"count": 100000, "mean": 12350, "p5": 0, "p50": 12000, "p95": 30000, "sd": 8000, "se": 25.3},
                "delivered_by_deadline": {"count": 100000, "probability": 0.3104},
                "months_to_first_delivery": {"count": 1, "mean": 4, "sd": null, "se": null},
                "roi": {"count": 61234, "mean": 3.142, "p5": 0.1235, "p50": 2.5, "p95": 9.877, "sd": 2.718, "se": 0.01098},
                "washington_final": {"shares": {"licensed": 0.7671, "reinstated": 0.1749, "rescinded": 0, "suspended": 0.058}}
              },
              "scenario": "base",
              "scenario_sha256": "abc123",
              "seed": 20251223,
              "trials": 100000
            }

            """.Replace("\r\n", "\n");
        Assert.Equal(expected, SnapshotWriter.FromSummaryJson(Summary));
    }

    [Fact]
    public void A_snapshot_is_the_same_under_a_culture_with_decimal_commas()
    {
        var invariant = SnapshotWriter.FromSummaryJson(Summary);
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(invariant, SnapshotWriter.FromSummaryJson(Summary));
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = saved; }
    }

    [Fact]
    public void A_snapshot_reads_back_as_the_summary_rounded()
    {
        var fromSummary = ComparableRunReader.Parse(Summary, "summary.json");
        var fromSnapshot = ComparableRunReader.Parse(SnapshotWriter.FromSummaryJson(Summary), "base.snapshot.json");

        Assert.Equal(fromSummary.Metrics.Keys, fromSnapshot.Metrics.Keys);
        Assert.Equal(3.142, fromSnapshot.Metrics["roi"].Mean);
        Assert.Equal(0.01098, fromSnapshot.Metrics["roi"].Se);
        Assert.Equal(61234, fromSnapshot.Metrics["roi"].Count);
        Assert.Equal(0.3104, fromSnapshot.Metrics["delivered_by_deadline"].Probability);
        Assert.Equal(100000, fromSnapshot.Metrics["washington_final"].Count);
        Assert.Equal(0.7671, fromSnapshot.Metrics["washington_final"].Shares!["licensed"]);
        Assert.Equal(20251223UL, fromSnapshot.Seed);
        Assert.Equal("abc123", fromSnapshot.ScenarioSha256);
    }

    [Theory]
    [InlineData("scenarios/base.yaml", "scenarios/base.snapshot.json")]
    [InlineData("fee-raised.yml", "fee-raised.snapshot.json")]
    public void The_snapshot_lives_beside_its_scenario(string scenario, string snapshot) =>
        Assert.Equal(snapshot.Replace('/', Path.DirectorySeparatorChar), SnapshotWriter.PathFor(scenario));
}
