using System.Globalization;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Output;

/// <summary>summary.csv holds summary.json's numbers, bit for bit, one row per metric, share and target.</summary>
public sealed class SummaryCsvWriterTests
{
    private static readonly Lazy<(Scenario Scenario, SimulationResult Result, RunSummary Summary)> Run = new(() =>
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepoRoot.Scenarios, "base.yaml")).Scenario! with
        {
            Targets = [new TargetSpec("roi", true, 0.1, "loses money, in the horizon", SourceLocation.None("<test>"))],
        };
        var result = SimulationEngine.Run(scenario, new RunOptions { Trials = 3_000, Seed = 5 });
        return (scenario, result, SummaryBuilder.Build(result));
    });

    private static List<Dictionary<string, string>> Rows(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => Fields(l).Select((f, i) => (header[i], f)).ToDictionary(p => p.Item1, p => p.f)).ToList();
    }

    /// <summary>RFC 4180 fields of one line (labels may hold commas).</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var sb = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields;
    }

    private static string Csv(CultureInfo? culture = null)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (new CultureScope(culture?.Name ?? "en-US"))
            SummaryCsvWriter.Write(writer, Run.Value.Summary, Run.Value.Scenario);
        return writer.ToString();
    }

    [Fact]
    public void The_columns_are_metric_label_unit_count_then_the_statistics_of_summary_json()
    {
        Assert.Equal(
            "metric,label,unit,count,mean,sd,se,min,p1,p5,p10,p25,p50,p75,p90,p95,p99,max,var5,cvar5,var95,cvar95,probability,ci95_low,ci95_high",
            Csv().Split('\n')[0]);
    }

    [Fact]
    public void Every_numeric_metric_has_a_row_with_the_numbers_of_summary_json_bit_for_bit()
    {
        var rows = Rows(Csv(CultureInfo.GetCultureInfo("de-DE"))).ToDictionary(r => r["metric"]);
        var numeric = Run.Value.Summary.Metrics.OfType<MetricSummary>().ToList();
        Assert.True(numeric.Count > 50);
        foreach (var m in numeric)
        {
            var row = rows[m.Name];
            Assert.Equal(m.Count.ToString(CultureInfo.InvariantCulture), row["count"]);
            Assert.Equal(m.Mean, Parse(row["mean"]));
            Assert.Equal(m.Sd, Parse(row["sd"]));
            Assert.Equal(m.P50, Parse(row["p50"]));
            Assert.Equal(m.Cvar95, Parse(row["cvar95"]));
            Assert.Equal(m.Probability, Parse(row["probability"]));
            Assert.False(string.IsNullOrEmpty(row["label"]), m.Name);
        }
        Assert.Equal("CNY bn", rows["incremental_revenue_cny_bn"]["unit"]);
        Assert.Equal("Cloud revenue (CNY bn), FY2027Q1", rows["cloud_revenue_cny_bn_FY2027Q1"]["label"]);
        Assert.Equal("Alibaba's cost", rows["cost_usd"]["label"]); // values in USD, so no "(USD m)"
    }

    [Fact]
    public void Final_states_are_rows_actor_final_equals_state_with_the_share_as_mean_and_probability()
    {
        var rows = Rows(Csv()).ToDictionary(r => r["metric"]);
        var shares = Run.Value.Summary.Shares("beijing_final")!;
        for (var i = 0; i < shares.States.Length; i++)
        {
            var row = rows["beijing_final=" + shares.States[i]];
            Assert.Equal(shares.Shares[i], Parse(row["mean"]));
            Assert.Equal(shares.Shares[i], Parse(row["probability"]));
            var ci = ProportionInterval.Wilson((long)Math.Round(shares.Shares[i] * 3000), 3000);
            Assert.Equal(ci.Low, Parse(row["ci95_low"]));
            Assert.Equal("", row["p50"]);
        }
    }

    [Fact]
    public void Targets_are_rows_with_their_probability_and_interval()
    {
        var row = Rows(Csv()).Single(r => r["metric"] == "P(roi<0.1)");
        var t = Run.Value.Summary.Targets[0];

        Assert.Equal("P(roi < 0.1): loses money, in the horizon", row["label"]);
        Assert.Equal(t.Probability, Parse(row["probability"]));
        Assert.Equal(t.Ci95!.Value.High, Parse(row["ci95_high"]));
        Assert.Equal(t.Count.ToString(CultureInfo.InvariantCulture), row["count"]);
    }

    [Fact]
    public void Summary_csv_is_written_with_every_summary_json()
    {
        using var dir = new Support.TempFolder();
        var written = RunOutputWriter.Write(dir.Path, Run.Value.Result, Run.Value.Summary, OutputFormats.Json);

        Assert.Equal(["summary.json", "summary.csv"], written.Select(Path.GetFileName));
    }

    private static double? Parse(string s) => s.Length == 0 ? null : double.Parse(s, CultureInfo.InvariantCulture);
}
