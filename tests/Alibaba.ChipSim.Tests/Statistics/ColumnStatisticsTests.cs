using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Tests.Statistics;

public sealed class ColumnStatisticsTests
{
    [Fact]
    public void Percentiles_of_one_to_four_follow_numpys_linear_interpolation()
    {
        var s = ColumnStatistics.Summarize("x", [4, 1, 3, 2]);

        // Position (n − 1)·q = 3q on [1, 2, 3, 4]: p25 → 0.75 → 1.75; p50 → 1.5 → 2.5; p5 → 0.15 → 1.15; p99 → 2.97 → 3.97.
        Assert.Equal(1.75, s.P25!.Value, 12);
        Assert.Equal(2.5, s.P50!.Value, 12);
        Assert.Equal(3.25, s.P75!.Value, 12);
        Assert.Equal(1.03, s.P1!.Value, 12);
        Assert.Equal(1.15, s.P5!.Value, 12);
        Assert.Equal(1.3, s.P10!.Value, 12);
        Assert.Equal(3.7, s.P90!.Value, 12);
        Assert.Equal(3.85, s.P95!.Value, 12);
        Assert.Equal(3.97, s.P99!.Value, 12);
        Assert.Equal(1, s.Min);
        Assert.Equal(4, s.Max);
    }

    [Fact]
    public void Mean_sd_and_se_use_the_sample_standard_deviation()
    {
        var s = ColumnStatistics.Summarize("x", [1, 2, 3, 4]);

        // mean 2.5; Σ(x − m)² = 2.25 + 0.25 + 0.25 + 2.25 = 5; sd = √(5/3); se = sd/√4.
        Assert.Equal(4, s.Count);
        Assert.Equal(2.5, s.Mean);
        Assert.Equal(Math.Sqrt(5.0 / 3), s.Sd!.Value, 15);
        Assert.Equal(Math.Sqrt(5.0 / 3) / 2, s.Se!.Value, 15);
        Assert.Null(s.Probability);
        Assert.Null(s.Ci95);
    }

    [Fact]
    public void Tails_average_the_values_at_or_beyond_the_5th_and_95th_percentiles()
    {
        var s = ColumnStatistics.Summarize("x", [4, 1, 3, 2]);

        // p5 = 1.15: only 1 is ≤ it; p95 = 3.85: only 4 is ≥ it.
        Assert.Equal(s.P5, s.Var5);
        Assert.Equal(1, s.Cvar5);
        Assert.Equal(s.P95, s.Var95);
        Assert.Equal(4, s.Cvar95);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Tails_of_one_to_ten_thousand_are_the_means_of_the_lowest_and_highest_500(bool wholeNumber)
    {
        var values = new double[10_000];
        for (var i = 0; i < values.Length; i++) values[(i * 7919) % values.Length] = i + 1; // a permutation of 1..10000

        var s = ColumnStatistics.Summarize("x", values, isWholeNumber: wholeNumber);

        // p5 = 1 + 9999·0.05 = 500.95 → values 1..500, mean 250.5; p95 = 1 + 9999·0.95 = 9500.05 → 9501..10000, mean 9750.5.
        Assert.Equal(500.95, s.P5!.Value, 9);
        Assert.Equal(250.5, s.Cvar5);
        Assert.Equal(9500.05, s.P95!.Value, 9);
        Assert.Equal(9750.5, s.Cvar95);
        Assert.Equal(5000.5, s.Mean);
        Assert.Equal(5000.5, s.P50);
    }

    [Fact]
    public void Missing_values_are_left_out_and_count_only_the_defined_trials()
    {
        var s = ColumnStatistics.Summarize("months", [double.NaN, 3, double.NaN, 1, 2], isWholeNumber: true);

        Assert.Equal(3, s.Count);
        Assert.Equal(2, s.Mean);
        Assert.Equal(2, s.P50);
        Assert.Equal(1, s.Min);
        Assert.Equal(3, s.Max);
        Assert.Equal(1, s.Sd); // Σ(x − 2)² = 2, over n − 1 = 2
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { double.NaN, double.NaN })]
    public void A_metric_defined_in_no_trial_reports_only_its_count(double[] values)
    {
        var s = ColumnStatistics.Summarize("roi", values, isBinary: true);

        Assert.Equal(MetricSummary.Empty("roi"), s);
    }

    [Fact]
    public void A_metric_defined_in_one_trial_has_no_sd_or_se()
    {
        var s = ColumnStatistics.Summarize("roi", [double.NaN, 7]);

        Assert.Equal(1, s.Count);
        Assert.Equal(7, s.Mean);
        Assert.Null(s.Sd);
        Assert.Null(s.Se);
        foreach (var level in MetricSummary.PercentileLevels) Assert.Equal(7, s.Percentile(level));
        Assert.Equal(7, s.Cvar5);
        Assert.Equal(7, s.Cvar95);
    }

    [Fact]
    public void A_zero_one_metric_reports_its_probability_with_a_wilson_interval()
    {
        var values = new double[100];
        for (var i = 0; i < 31; i++) values[i * 3] = 1;

        var s = ColumnStatistics.Summarize("delivered_by_deadline", values, isBinary: true);

        // z² = 3.841459, z²/n = 0.0384146; centre = (0.31 + 0.0192073)/1.0384146 = 0.3170288;
        // half = 1.959964·√(0.31·0.69/100 + 3.841459/40000)/1.0384146 = 1.959964·0.0472762/1.0384146 = 0.0892318.
        Assert.Equal(0.31, s.Probability);
        Assert.Equal(0.2277970, s.Ci95!.Value.Low, 6);
        Assert.Equal(0.4062606, s.Ci95!.Value.High, 6);
    }

    [Fact]
    public void A_large_zero_one_column_is_counted_to_the_same_statistics_as_a_sort()
    {
        var values = new double[50_000];
        for (var i = 0; i < values.Length; i++) values[i] = (i * 2654435761L % 1000) < 300 ? 1 : 0;

        var counted = ColumnStatistics.Summarize("x", values, isBinary: true);
        var reference = SortReference.Summarize("x", values);

        SortReference.AssertSameStatistics(reference, counted);
        Assert.Equal(0.3, counted.Probability);
    }

    [Fact]
    public void A_column_wrongly_flagged_whole_falls_back_to_exact_selection()
    {
        var values = new double[10_000];
        for (var i = 0; i < values.Length; i++) values[i] = (i * 37 % 101) + (i % 3 == 0 ? 0.5 : 0);

        var s = ColumnStatistics.Summarize("x", values, isWholeNumber: true);

        SortReference.AssertSameStatistics(SortReference.Summarize("x", values), s);
    }

    [Fact]
    public void A_sum_beyond_the_largest_double_gives_an_infinite_mean_not_nan()
    {
        var s = ColumnStatistics.Summarize("x", [1e308, 1e308, 1e308]);

        Assert.Equal(double.PositiveInfinity, s.Mean);
        Assert.Equal(1e308, s.P50);
    }

    [Fact]
    public void Compensated_summation_keeps_the_small_terms_a_plain_sum_loses()
    {
        // 1 + 1e100 + 1 − 1e100: a plain left-to-right sum gives 0, the exact sum is 2.
        var s = ColumnStatistics.Summarize("x", [1, 1e100, 1, -1e100]);

        Assert.Equal(0.5, s.Mean);
    }

    [Fact]
    public void Negative_zero_is_reported_as_zero()
    {
        var s = ColumnStatistics.Summarize("x", [-0.0, -0.0, 1]);

        Assert.False(double.IsNegative(s.Min!.Value));
        Assert.False(double.IsNegative(s.P25!.Value));
    }
}
