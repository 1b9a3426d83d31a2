using Alibaba.ChipSim.Model;

namespace Alibaba.ChipSim.Tests.Model;

public sealed class QuarterDatesTests
{
    [Theory]
    [InlineData("FY2026Q4", "2026-01-01", "2026-03-31")] // Jan-Mar 2026 closes fiscal 2026
    [InlineData("FY2027Q1", "2026-04-01", "2026-06-30")]
    [InlineData("FY2027Q2", "2026-07-01", "2026-09-30")]
    [InlineData("FY2027Q3", "2026-10-01", "2026-12-31")]
    [InlineData("CY2026Q1", "2026-01-01", "2026-03-31")]
    [InlineData("CY2028Q1", "2028-01-01", "2028-03-31")]
    [InlineData("FY2027", "2026-04-01", "2027-03-31")]
    [InlineData("CY2026", "2026-01-01", "2026-12-31")]
    [InlineData("FY2028Q4", "2028-01-01", "2028-03-31")]
    public void Quarters_and_years_start_and_end_on_the_days_their_names_say(string name, string start, string end)
    {
        var (s, e) = QuarterDates.Of(name)!.Value;

        Assert.Equal((start, end), (s.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("FY2027Q5")]
    [InlineData("XY2027Q1")]
    [InlineData("FY27Q1")]
    [InlineData("")]
    public void Other_names_have_no_dates(string name) => Assert.Null(QuarterDates.Of(name));

    [Fact]
    public void The_names_of_the_quarter_calendar_all_have_dates_that_contain_their_months()
    {
        var start = Alibaba.ChipSim.Scenarios.Month.Parse("2025-12");
        foreach (var convention in new[] { Alibaba.ChipSim.Scenarios.QuarterConvention.Fiscal, Alibaba.ChipSim.Scenarios.QuarterConvention.Calendar })
            for (var i = 0; i < 40; i++)
            {
                var m = start.AddMonths(i);
                var (s, e) = QuarterDates.Of(Alibaba.ChipSim.Scenarios.QuarterCalendar.NameOf(m, convention))!.Value;
                var first = new DateOnly(m.Year, m.MonthOfYear, 1);
                Assert.InRange(first, s, e);
            }
    }
}
