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
        Assert.Equal("quarter,metric,mean,sd,p5,p25,p50,p75,p95", lines[0]);
        Assert.StartsWith("FY2026Q4,cloud_revenue_cny_bn,40.8125,", lines[1]);
        Assert.StartsWith("FY2027Q1,cloud_revenue_cny_bn,43.15625,", lines[2]);
        Assert.Equal("43.5625", lines[2].Split(',')[6]);
        Assert.Equal(4, lines.Length);
        Assert.Equal(9, lines[1].Split(',').Length);
    }
}
