using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Tests.Scenarios;

public sealed class MonthTests
{
    [Theory]
    [InlineData("2025-12", 2025, 12)]
    [InlineData("2026-02", 2026, 2)]
    [InlineData("0001-01", 1, 1)]
    public void Parses_year_and_month(string text, int year, int month)
    {
        Assert.True(Month.TryParse(text, out var m));
        Assert.Equal(year, m.Year);
        Assert.Equal(month, m.MonthOfYear);
        Assert.Equal(text, m.ToString());
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("2025-1")]
    [InlineData("25-12")]
    [InlineData("2025/12")]
    [InlineData("2025-12-01")]
    [InlineData("")]
    public void Rejects_anything_but_YYYY_MM(string text) => Assert.False(Month.TryParse(text, out _));

    [Fact]
    public void Counts_whole_months_across_years()
    {
        // 2025-08 → 2025-12 is 4 months; → 2026-02 is 6.
        var baseMonth = Month.Parse("2025-08");
        Assert.Equal(4, Month.Parse("2025-12").MonthsSince(baseMonth));
        Assert.Equal(6, Month.Parse("2026-02").MonthsSince(baseMonth));
        Assert.Equal(Month.Parse("2027-01"), Month.Parse("2025-12").AddMonths(13));
    }
}
