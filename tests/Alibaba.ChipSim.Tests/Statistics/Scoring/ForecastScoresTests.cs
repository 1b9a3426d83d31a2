using Alibaba.ChipSim.Statistics.Scoring;
using MathNet.Numerics.Distributions;

namespace Alibaba.ChipSim.Tests.Statistics.Scoring;

public sealed class ForecastScoresTests
{
    private static double[] Ones(int n) => Enumerable.Repeat(1.0, n).ToArray();

    [Theory]
    // Forecast 1, 2, 3, 4 with equal weights: 2.5 has two values below (PIT 0.5); 2 has one below and one equal (0.25 + 0.125);
    // 0 lies below everything (0) and 9 above (1).
    [InlineData(2.5, 0.5)]
    [InlineData(2.0, 0.375)]
    [InlineData(0.0, 0.0)]
    [InlineData(9.0, 1.0)]
    public void The_pit_is_the_share_below_plus_half_the_share_equal(double actual, double pit)
    {
        var score = ForecastScores.Value([4, 1, 3, 2], Ones(4), actual)!.Value;

        Assert.Equal(pit, score.Pit, 15);
    }

    [Fact]
    public void A_weighted_pit_counts_weight_not_trials()
    {
        // Weights 1, 1, 1, 5 on 1, 2, 3, 4: 3.5 has weight 3 of 8 below it.
        var score = ForecastScores.Value([1, 2, 3, 4], [1, 1, 1, 5], 3.5)!.Value;

        Assert.Equal(0.375, score.Pit, 15);
    }

    [Fact]
    public void The_crps_of_a_two_point_forecast_is_the_hand_worked_integral()
    {
        // {0, 1} equally likely, y = 0: E|X − y| = 0.5, E|X − X′| = 0.5, CRPS = 0.5 − 0.25 = 0.25 = ∫₀¹ (0.5 − 1)² dx.
        Assert.Equal(0.25, ForecastScores.Value([0, 1], Ones(2), 0)!.Value.Crps, 15);
        // {0 (weight 3), 1 (weight 1)}, y = 1: E|X − y| = 0.75, E|X − X′| = 2·(3/4)(1/4) = 0.375, CRPS = 0.5625 = ∫₀¹ 0.75² dx.
        Assert.Equal(0.5625, ForecastScores.Value([0, 1], [3, 1], 1)!.Value.Crps, 15);
    }

    [Fact]
    public void The_sorted_crps_equals_the_quadratic_pairwise_sum()
    {
        var random = new Random(11);
        for (var round = 0; round < 20; round++)
        {
            var n = random.Next(1, 300);
            var x = Enumerable.Range(0, n).Select(_ => random.Next(4) == 0 ? random.Next(5) : random.NextDouble() * 100 - 50).ToArray();
            var w = Enumerable.Range(0, n).Select(_ => random.Next(5) == 0 ? 0 : random.NextDouble()).ToArray();
            if (w.All(v => v == 0)) w[0] = 1;
            var y = random.NextDouble() * 100 - 50;
            double v1 = w.Sum(), near = 0, pairs = 0;
            for (var i = 0; i < n; i++)
            {
                near += w[i] * Math.Abs(x[i] - y);
                for (var j = 0; j < n; j++) pairs += w[i] * w[j] * Math.Abs(x[i] - x[j]);
            }
            var expected = near / v1 - 0.5 * pairs / (v1 * v1);

            Assert.Equal(expected, ForecastScores.Value(x, w, y)!.Value.Crps, 9);
        }
    }

    [Theory]
    [InlineData(0.0, 1.0, 0.3)]
    [InlineData(44.0, 1.5, 41.6)]
    [InlineData(10.0, 3.0, 25.0)]
    public void The_crps_of_normal_draws_matches_the_closed_form_within_monte_carlo_error(double mean, double sd, double actual)
    {
        const int n = 100_000;
        var normal = new Normal(mean, sd, new Random(20261201));
        var x = new double[n];
        normal.Samples(x);

        var crps = ForecastScores.Value(x, Ones(n), actual)!.Value.Crps;

        // The estimator's noise is that of E|X − y| plus half that of E|X − X′| (both averages of |differences| of X), so
        // 2·sd(|X − y|)/√n bounds its standard error; the tolerance is four of those.
        var absolute = x.Select(v => Math.Abs(v - actual)).ToArray();
        var se = 2 * MathNet.Numerics.Statistics.Statistics.StandardDeviation(absolute) / Math.Sqrt(n);
        Assert.InRange(crps - NormalCrps(mean, sd, actual), -4 * se, 4 * se);
    }

    [Fact]
    public void Weighted_normal_draws_score_like_the_distribution_the_weights_make_of_them()
    {
        // Draws from N(0, 1) weighted by the density ratio N(0.7, 1)/N(0, 1) = exp(0.7x − 0.245) forecast N(0.7, 1).
        const int n = 200_000;
        var x = new double[n];
        new Normal(0, 1, new Random(7)).Samples(x);
        var w = x.Select(v => Math.Exp(0.7 * v - 0.245)).ToArray();
        const double actual = 1.2;

        var score = ForecastScores.Value(x, w, actual)!.Value;

        double v1 = w.Sum(), v2 = w.Sum(v => v * v);
        var ess = v1 * v1 / v2;
        var meanAbs = x.Select((v, i) => w[i] * Math.Abs(v - actual)).Sum() / v1;
        var sdAbs = Math.Sqrt(x.Select((v, i) => w[i] * Math.Pow(Math.Abs(v - actual) - meanAbs, 2)).Sum() / v1);
        var se = 2 * sdAbs / Math.Sqrt(ess);
        Assert.InRange(score.Crps - NormalCrps(0.7, 1, actual), -4 * se, 4 * se);
        // PIT of the actual in N(0.7, 1): Φ(0.5) = 0.6915; a proportion's se at the ess.
        var pitSe = Math.Sqrt(0.6915 * 0.3085 / ess);
        Assert.InRange(score.Pit - Normal.CDF(0.7, 1, actual), -4 * pitSe, 4 * pitSe);
    }

    [Fact]
    public void Brier_and_log_scores_of_an_event_follow_their_definitions()
    {
        // p = 0.2 for an event that did not happen: (0.2 − 0)² = 0.04; −ln 0.8. For one that did: (0.2 − 1)² = 0.64; −ln 0.2.
        Assert.Equal(0.04, ForecastScores.Brier(0.2, happened: false), 15);
        Assert.Equal(-Math.Log(0.8), ForecastScores.LogScore(0.2, happened: false), 15);
        Assert.Equal(0.64, ForecastScores.Brier(0.2, happened: true), 15);
        Assert.Equal(-Math.Log(0.2), ForecastScores.LogScore(0.2, happened: true), 15);
        Assert.Equal(double.PositiveInfinity, ForecastScores.LogScore(0, happened: true));
        // A certain outcome that happened scores +0 (a table shows "0.000", not "-0.000").
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.0), BitConverter.DoubleToInt64Bits(ForecastScores.LogScore(0, happened: false)));
    }

    [Fact]
    public void A_forecast_no_trial_defines_has_no_score()
    {
        Assert.Null(ForecastScores.Value([double.NaN, 3], [1, 0], 1));
    }

    /// <summary>Gneiting and Raftery (2007): CRPS(N(μ, σ²), y) = σ [z(2Φ(z) − 1) + 2φ(z) − 1/√π], z = (y − μ)/σ.</summary>
    private static double NormalCrps(double mean, double sd, double y)
    {
        var z = (y - mean) / sd;
        return sd * (z * (2 * Normal.CDF(0, 1, z) - 1) + 2 * Normal.PDF(0, 1, z) - 1 / Math.Sqrt(Math.PI));
    }
}
