using Alibaba.ChipSim.Statistics.Weighted;

namespace Alibaba.ChipSim.Tests.Statistics.Weighted;

public sealed class WeightedColumnStatisticsTests
{
    [Fact]
    public void A_hand_worked_weighted_column_gives_the_hand_worked_statistics()
    {
        // Values 1, 2, 3, 4 with weights 2, 1, 1, 4 (given out of order, with a missing value and a zero weight mixed in).
        double[] values = [3, double.NaN, 1, 4, 7, 2];
        double[] weights = [1, 5, 2, 4, 0, 1];

        var s = WeightedColumnStatistics.Summarize("x", values, weights);

        // Cumulative weight before each sorted value C = 0, 2, 3, 4; S_n − w_n = 4, so the positions are 0, 1/2, 3/4, 1.
        // Level q sits at h = 4q: p1 → 0.04 → 1 + 0.02 = 1.02; p5 → 0.2 → 1.1; p10 → 1.2; p25 → h 1 → 1.5; p50 → h 2 → exactly 2;
        // p75 → h 3 → exactly 3; p90 → h 3.6 → 3.6; p95 → 3.8; p99 → 3.96.
        Assert.Equal(4, s.Count);
        Assert.Equal(1.02, s.P1!.Value, 12);
        Assert.Equal(1.1, s.P5!.Value, 12);
        Assert.Equal(1.2, s.P10!.Value, 12);
        Assert.Equal(1.5, s.P25!.Value, 12);
        Assert.Equal(2, s.P50);
        Assert.Equal(3, s.P75);
        Assert.Equal(3.6, s.P90!.Value, 12);
        Assert.Equal(3.8, s.P95!.Value, 12);
        Assert.Equal(3.96, s.P99!.Value, 12);
        // mean = (2 + 2 + 3 + 16)/8 = 2.875; Σw(x − m)² = 2·3.515625 + 0.765625 + 0.015625 + 4·1.265625 = 12.875;
        // V1 = 8, V2 = 4 + 1 + 1 + 16 = 22, V1 − V2/V1 = 5.25; ess = 64/22.
        Assert.Equal(2.875, s.Mean);
        Assert.Equal(Math.Sqrt(12.875 / 5.25), s.Sd!.Value, 14);
        Assert.Equal(64.0 / 22, s.Ess!.Value, 14);
        Assert.Equal(Math.Sqrt(12.875 / 5.25) / Math.Sqrt(64.0 / 22), s.Se!.Value, 14);
        // Tails: only 1 is ≤ p5 = 1.1 and only 4 is ≥ p95 = 3.8.
        Assert.Equal(1, s.Cvar5);
        Assert.Equal(4, s.Cvar95);
        Assert.Equal(s.P5, s.Var5);
        Assert.Equal(s.P95, s.Var95);
        Assert.Equal(1, s.Min);
        Assert.Equal(4, s.Max);
    }

    [Fact]
    public void Tail_means_are_weighted_means_of_the_values_beyond_the_percentile()
    {
        // 100 values 1..100, weight 3 on the odd ones, 1 on the even ones: C_k through value k, S_n − w_n = 200 − 1 = 199.
        var values = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();
        var weights = values.Select(v => v % 2 == 1 ? 3.0 : 1.0).ToArray();

        var s = WeightedColumnStatistics.Summarize("x", values, weights);

        var below = values.Select((v, i) => (v, w: weights[i])).Where(x => x.v <= s.P5).ToArray();
        var above = values.Select((v, i) => (v, w: weights[i])).Where(x => x.v >= s.P95).ToArray();
        Assert.Equal(below.Sum(x => x.v * x.w) / below.Sum(x => x.w), s.Cvar5!.Value, 12);
        Assert.Equal(above.Sum(x => x.v * x.w) / above.Sum(x => x.w), s.Cvar95!.Value, 12);
        Assert.Equal(values.Zip(weights).Sum(p => p.First * p.Second) / 200, s.Mean!.Value, 12);
    }

    [Fact]
    public void With_equal_weights_the_percentiles_are_numpys()
    {
        // numpy.percentile([3, 1, 4, 1, 5, 9, 2, 6], [1, 5, 10, 25, 50, 75, 90, 95, 99])
        //   = [1, 1, 1, 1.75, 3.5, 5.25, 6.9, 7.95, 8.79] (sorted 1 1 2 3 4 5 6 9, position 7q).
        double[] values = [3, 1, 4, 1, 5, 9, 2, 6];
        double[] numpy = [1, 1, 1, 1.75, 3.5, 5.25, 6.9, 7.95, 8.79];

        var s = WeightedColumnStatistics.Summarize("x", values, Enumerable.Repeat(2.5, values.Length).ToArray());

        var levels = Alibaba.ChipSim.Statistics.MetricSummary.PercentileLevels;
        for (var i = 0; i < levels.Count; i++) Assert.Equal(numpy[i], s.Percentile(levels[i])!.Value, 12);
    }

    [Fact]
    public void Tied_values_take_their_weights_in_trial_order()
    {
        // Sorted: 0 (w 1), 5 (w 1, trial 1), 5 (w 3, trial 2), 10 (w 1): C = 0, 1, 2, 5; S_n − w_n = 5; p50 at h = 2.5 lies
        // between the second 5 (C 2) and 10 (C 5): 5 + 5·(0.5/3). Were the tied 5s the other way round, C would be 0, 1, 4, 5
        // and p50 = 5 exactly.
        double[] values = [10, 5, 5, 0];
        double[] weights = [1, 1, 3, 1];

        var s = WeightedColumnStatistics.Summarize("x", values, weights);

        Assert.Equal(5 + 5 * (0.5 / 3), s.P50!.Value, 12);
    }

    [Fact]
    public void A_0_1_metric_gets_its_weighted_probability_with_a_wilson_interval_at_the_effective_sample_size()
    {
        // Successes weigh 1 each (2 of them), failures 0.25 each (8): p = 2/(2 + 2) = 0.5; V1 = 4, V2 = 2 + 0.5 = 2.5, ess = 6.4.
        double[] values = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0];
        double[] weights = [1, 1, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25];

        var s = WeightedColumnStatistics.Summarize("x", values, weights, isBinary: true);

        Assert.Equal(0.5, s.Probability!.Value, 14);
        Assert.Equal(6.4, s.Ess!.Value, 12);
        const double z = Alibaba.ChipSim.Statistics.ProportionInterval.Z95;
        var n = 6.4;
        var centre = (0.5 + z * z / (2 * n)) / (1 + z * z / n);
        var half = z * Math.Sqrt(0.25 / n + z * z / (4 * n * n)) / (1 + z * z / n);
        Assert.Equal(centre - half, s.Ci95!.Value.Low, 12);
        Assert.Equal(centre + half, s.Ci95!.Value.High, 12);
    }

    [Fact]
    public void A_metric_defined_only_where_the_weight_is_zero_has_count_zero()
    {
        var s = WeightedColumnStatistics.Summarize("x", [1, 2, double.NaN], [0, 0, 1]);

        Assert.Equal(0, s.Count);
        Assert.Null(s.Mean);
    }

    [Fact]
    public void A_single_weighted_trial_has_no_sd()
    {
        var s = WeightedColumnStatistics.Summarize("x", [4, 2], [0, 0.3]);

        Assert.Equal(1, s.Count);
        Assert.Equal(2, s.Mean);
        Assert.Null(s.Sd);
        Assert.Equal(2, s.P1);
        Assert.Equal(2, s.P99);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_negative_or_undefined_weight_is_a_bug_and_throws(double bad)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WeightedColumnStatistics.Summarize("x", [1, 2], [1, bad]));
    }

    [Fact]
    public void Run_totals_give_trials_with_weight_ess_and_the_log_of_the_mean_weight()
    {
        // Weights 0, 0.5, 0.25, 0.25: mean 0.25 over all four trials; V1 = 1, V2 = 0.375, ess = 1/0.375.
        var totals = TrialWeights.Totals([0, 0.5, 0.25, 0.25]);

        Assert.Equal(4, totals.Trials);
        Assert.Equal(3, totals.TrialsWithWeight);
        Assert.Equal(1 / 0.375, totals.Ess, 12);
        Assert.Equal(Math.Log(0.25), totals.LogEvidence, 14);
    }

    [Fact]
    public void The_log_evidence_stays_finite_for_weights_far_below_the_smallest_normal_double()
    {
        // Every weight 1e-320 (subnormal): the mean is 1e-320 and its log about −736.8, not −∞ and not lost to underflow.
        var totals = TrialWeights.Totals(Enumerable.Repeat(1e-320, 1000).ToArray());

        Assert.Equal(Math.Log(1e-320), totals.LogEvidence, 10);
        Assert.Equal(1000, totals.Ess, 9);
    }

    [Fact]
    public void Run_totals_without_any_weight_have_minus_infinite_evidence()
    {
        var totals = TrialWeights.Totals([0, 0]);

        Assert.Equal(0, totals.TrialsWithWeight);
        Assert.Equal(double.NegativeInfinity, totals.LogEvidence);
    }
}
