using Alibaba.ChipSim.Model;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Tests.Model;

public sealed class QuarterCalendarTests
{
    [Theory]
    [InlineData("2025-07", "FY2026Q2")]
    [InlineData("2025-09", "FY2026Q2")]
    [InlineData("2025-12", "FY2026Q3")]
    [InlineData("2026-01", "FY2026Q4")]
    [InlineData("2026-03", "FY2026Q4")]
    [InlineData("2026-04", "FY2027Q1")]
    [InlineData("2026-06", "FY2027Q1")]
    [InlineData("2026-10", "FY2027Q3")]
    public void Fiscal_quarters_are_named_by_the_year_in_which_the_fiscal_year_ends(string month, string expected) =>
        Assert.Equal(expected, QuarterCalendar.NameOf(Month.Parse(month), QuarterConvention.Fiscal));

    [Theory]
    [InlineData("2026-01", "CY2026Q1")]
    [InlineData("2026-05", "CY2026Q2")]
    [InlineData("2026-09", "CY2026Q3")]
    [InlineData("2026-12", "CY2026Q4")]
    public void Calendar_quarters_are_named_by_calendar_year(string month, string expected) =>
        Assert.Equal(expected, QuarterCalendar.NameOf(Month.Parse(month), QuarterConvention.Calendar));

    [Fact]
    public void Only_quarters_whose_three_months_lie_in_the_horizon_are_reported()
    {
        // 2025-12 for 25 months ends 2027-12: Dec 2025 alone is a partial FY2026Q3; Jan 2026 … Dec 2027
        // are eight whole quarters, FY2026Q4 … FY2028Q3.
        var layout = QuarterCalendar.Layout(Month.Parse("2025-12"), 25, QuarterConvention.Fiscal);
        Assert.Equal(["FY2026Q4", "FY2027Q1", "FY2027Q2", "FY2027Q3", "FY2027Q4", "FY2028Q1", "FY2028Q2", "FY2028Q3"], layout.Names.ToArray());
        Assert.Equal(-1, layout.QuarterOfMonth[0]);
        Assert.Equal([0, 0, 0, 1], layout.QuarterOfMonth[1..5]);
        Assert.Equal(7, layout.QuarterOfMonth[24]);
    }

    [Fact]
    public void A_horizon_ending_mid_quarter_drops_the_partial_quarter()
    {
        // 2026-02 for 7 months: Feb–Mar partial, Apr–Jun whole, Jul–Aug partial.
        var layout = QuarterCalendar.Layout(Month.Parse("2026-02"), 7, QuarterConvention.Calendar);
        Assert.Equal(["CY2026Q2"], layout.Names.ToArray());
        Assert.Equal([-1, -1, 0, 0, 0, -1, -1], layout.QuarterOfMonth);
    }
}
