using System.Globalization;
using Alibaba.ChipSim.Output;

namespace Alibaba.ChipSim.Tests.Output;

public sealed class SignificantDigitsTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(12346.0, "12350")]
    [InlineData(0.76749, "0.7675")]
    [InlineData(0.767, "0.767")]
    [InlineData(1.0, "1")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.0012344, "0.001234")]
    [InlineData(999949.0, "999900")]
    [InlineData(999950.0, "1e+06")]
    [InlineData(3212345678.0, "3.212e+09")]
    [InlineData(0.0000123456, "1.235e-05")]
    [InlineData(-4.5e10, "-4.5e+10")]
    public void Numbers_are_rounded_to_four_significant_digits_and_written_plainly_in_the_usual_range(double x, string expected) =>
        Assert.Equal(expected, SignificantDigits.Format(x));

    [Fact]
    public void The_format_does_not_depend_on_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("0.7675", SignificantDigits.Format(0.76749));
            Assert.Equal("3.212e+09", SignificantDigits.Format(3212345678.0));
        }
        finally { CultureInfo.CurrentCulture = saved; }
    }

    [Fact]
    public void What_is_written_parses_back_to_the_rounded_value()
    {
        foreach (var x in new[] { 1.0 / 3, 2.0 / 3 * 1e7, -123.456789, 9.87654e-8, 42.0 })
            Assert.Equal(SignificantDigits.Round(x), double.Parse(SignificantDigits.Format(x), CultureInfo.InvariantCulture));
    }
}
