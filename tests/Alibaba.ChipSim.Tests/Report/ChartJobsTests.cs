using Alibaba.ChipSim.Report;

namespace Alibaba.ChipSim.Tests.Report;

public sealed class ChartJobsTests
{
    private static ReportChart Chart(int i) => new($"chart-{i}", $"title {i}", "", [(byte)i], $"<svg>{i}</svg>");

    [Fact]
    public void Charts_come_back_in_the_order_they_were_added_whatever_finishes_first()
    {
        var jobs = new ChartJobs();
        for (var i = 0; i < 40; i++)
        {
            var k = i;
            Assert.Equal(k, jobs.Add(() =>
            {
                Thread.Sleep((40 - k) % 7); // later jobs tend to finish first
                return Chart(k);
            }));
        }
        var drawn = jobs.Draw(4);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"chart-{i}"), drawn.Select(c => c!.FileStem));
    }

    [Fact]
    public void A_failing_chart_throws_its_own_exception_not_an_aggregate()
    {
        var jobs = new ChartJobs();
        jobs.Add(() => Chart(0));
        jobs.Add(() => throw new InvalidOperationException("no axis"));
        var e = Assert.Throws<InvalidOperationException>(() => jobs.Draw(2));
        Assert.Equal("no axis", e.Message);
    }

    [Fact]
    public void A_sections_charts_are_the_same_bytes_drawn_on_one_thread_or_several()
    {
        var run = SyntheticResults.AsReportScenario(SyntheticResults.Make("base", 500, 1), SyntheticResults.Date);
        var scales = new ChartScales([run.Summary], MetricDisplay.All);
        var one = ScenarioCharts.Render("base", run, scales, threads: 1).All().ToList();
        var several = ScenarioCharts.Render("base", run, scales, threads: 4).All().ToList();
        Assert.True(one.Count >= 8, $"{one.Count} charts");
        Assert.Equal(one.Select(c => c.FileStem), several.Select(c => c.FileStem));
        for (var i = 0; i < one.Count; i++)
        {
            Assert.Equal(one[i].Svg, several[i].Svg);
            Assert.Equal(one[i].Png, several[i].Png);
            Assert.Equal((one[i].Title, one[i].Caption), (several[i].Title, several[i].Caption));
        }
    }
}
