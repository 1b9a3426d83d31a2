using System.Globalization;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Tests.Support;
using Snapshooter.Xunit;

namespace Alibaba.ChipSim.Tests.Output;

public sealed class QuartersCsvWriterTests
{
    [Fact]
    public void Quarters_csv_of_four_hand_made_trials_matches_the_snapshot()
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        QuartersCsvWriter.Write(writer, SummaryBuilder.Build(HandMadeResults.FourTrials()));

        Snapshot.Match(writer.ToString());
    }

    [Fact]
    public void Quarters_csv_has_one_row_per_quarter_and_metric_in_time_order()
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (new CultureScope("de-DE"))
        {
            QuartersCsvWriter.Write(writer, SummaryBuilder.Build(HandMadeResults.FourTrials()));
        }
        var lines = writer.ToString().Split('\n');

        // FY2027Q1 values [43.125, 44, 40, 45.5]: mean 43.15625; sorted [40, 43.125, 44, 45.5], p50 = (43.125 + 44)/2 = 43.5625.
        Assert.Equal("quarter,metric,mean,sd,p5,p25,p50,p75,p95,start,end,p10,p90", lines[0]);
        Assert.StartsWith("FY2026Q4,cloud_revenue_cny_bn,40.8125,", lines[1]);
        Assert.StartsWith("FY2027Q1,cloud_revenue_cny_bn,43.15625,", lines[2]);
        Assert.Equal("43.5625", lines[2].Split(',')[6]);
        Assert.Equal(4, lines.Length);
        Assert.Equal(13, lines[1].Split(',').Length);
        Assert.Equal(["2026-04-01", "2026-06-30"], lines[2].Split(',')[9..11]);
    }

    [Fact]
    public void Fiscal_year_rows_follow_the_quarters_with_the_statistics_of_each_trials_four_quarter_sum()
    {
        var scenario = Alibaba.ChipSim.Scenarios.ScenarioLoader.Load(System.IO.Path.Combine(RepoRoot.Scenarios, "base.yaml")).Scenario!;
        var result = Alibaba.ChipSim.Engine.SimulationEngine.Run(scenario, new Alibaba.ChipSim.Engine.RunOptions { Trials = 2_000, Seed = 9 });
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        QuartersCsvWriter.Write(writer, SummaryBuilder.Build(result));
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // base runs Dec 2025 - Mar 2028: FY2027 and FY2028 are complete, FY2026 is not (only its Q4 is reported).
        var years = lines.Where(l => !l.Split(',')[0].Contains('Q')).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["FY2027", "FY2028"], years.Select(y => y[0]).Distinct());
        Assert.Equal(lines.Length - years.Count, Array.FindLastIndex(lines, l => l.Split(',')[0].Contains('Q')) + 1); // years after quarters

        var revenue = result.Quarterly.Single(q => q.Metric == "incremental_revenue_cny_bn");
        var fy2027 = new[] { "FY2027Q1", "FY2027Q2", "FY2027Q3", "FY2027Q4" }.Select(q => revenue.Values[revenue.Quarters.IndexOf(q)]).ToArray();
        var sums = new double[2_000];
        foreach (var q in fy2027)
            for (var t = 0; t < sums.Length; t++) sums[t] += q[t];
        var expected = ColumnStatistics.Summarize("x", sums);
        var row = years.Single(y => y[0] == "FY2027" && y[1] == "incremental_revenue_cny_bn");
        Assert.Equal(expected.Mean, double.Parse(row[2], CultureInfo.InvariantCulture));
        Assert.Equal(expected.P50, double.Parse(row[6], CultureInfo.InvariantCulture));
        Assert.Equal(expected.P90, double.Parse(row[12], CultureInfo.InvariantCulture));
        Assert.Equal(["2026-04-01", "2027-03-31"], row[9..11]);
        // A percentile of the sum is not the sum of the quarters' percentiles (H200s arrive in some trials only).
        var quarterP50s = fy2027.Sum(q => ColumnStatistics.Summarize("q", q).P50!.Value);
        Assert.NotEqual(quarterP50s, expected.P50!.Value, 6);
    }
}
