using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Tests.Engine;

/// <summary>The quarter noise of docs/deal.md through the engine: mean one, the stated sd and lag-1 correlation, and shared by variants.</summary>
public sealed class QuarterNoiseTests
{
    private const int Trials = 40_000;
    private const double Sd = 0.08;
    private const double Rho = 0.6;

    // No H200 ever (Washington stays closed) and no growth: without noise every reported quarter is 3 × (8 non-AI
    // + 1 AI served, the baseline) = 27 CNY bn, so a quarter's cloud revenue / 27 is its shock exp(sd e_q - sd^2/2).
    private const double Flat = 27;
    private static Scenario Noisy(double sd = Sd, double rho = Rho)
    {
        var s = new ConstantScenario { Opening = null }.Build();
        return s with { Revenue = s.Revenue with { QuarterNoise = new QuarterNoiseSpec(sd, rho) } };
    }

    private static double[][] Shocks(Scenario scenario, ulong seed = 17)
    {
        var result = SimulationEngine.Run(scenario, new RunOptions { Trials = Trials, Seed = seed });
        var cloud = result.Quarterly.Single(q => q.Metric == "cloud_revenue_cny_bn").Values;
        return [.. cloud.Select(q => q.Select(v => v / Flat).ToArray())];
    }

    [Fact]
    public void The_shock_has_mean_one_the_stated_sd_of_its_log_and_the_stated_lag_one_correlation()
    {
        var shocks = Shocks(Noisy());
        Assert.True(shocks.Length >= 6);
        foreach (var q in new[] { 0, 3, 5 })
        {
            var f = shocks[q];
            // Mean of the shock: 1 exactly in expectation; se = its sd / sqrt(n), sd = sqrt(exp(sd^2) - 1) ≈ 0.080.
            var mean = f.Average();
            var se = Math.Sqrt(Math.Exp(Sd * Sd) - 1) / Math.Sqrt(Trials);
            Assert.InRange(mean, 1 - 4 * se, 1 + 4 * se);
            // sd of log f = Sd; the sample sd of a normal has se ≈ sd / sqrt(2n).
            var logs = f.Select(v => Math.Log(v)).ToArray();
            var sd = StandardDeviation(logs);
            var sdSe = Sd / Math.Sqrt(2.0 * Trials);
            Assert.InRange(sd, Sd - 4 * sdSe, Sd + 4 * sdSe);
        }
        // Consecutive quarters: corr(log f_q, log f_q+1) = rho, se ≈ (1 - rho^2) / sqrt(n).
        var corrSe = (1 - Rho * Rho) / Math.Sqrt(Trials);
        for (var q = 0; q + 1 < 4; q++)
        {
            var r = Correlation(shocks[q].Select(v => Math.Log(v)).ToArray(), shocks[q + 1].Select(v => Math.Log(v)).ToArray());
            Assert.InRange(r, Rho - 4 * corrSe, Rho + 4 * corrSe);
        }
        // Two quarters apart: rho^2.
        var r2 = Correlation(shocks[0].Select(v => Math.Log(v)).ToArray(), shocks[2].Select(v => Math.Log(v)).ToArray());
        var r2Se = (1 - Math.Pow(Rho, 4)) / Math.Sqrt(Trials);
        Assert.InRange(r2, Rho * Rho - 4 * r2Se, Rho * Rho + 4 * r2Se);
    }

    [Fact]
    public void Without_noise_keys_every_quarter_is_exactly_the_flat_revenue()
    {
        var result = SimulationEngine.Run(new ConstantScenario { Opening = null }.Build(), new RunOptions { Trials = 100, Seed = 17 });
        var cloud = result.Quarterly.Single(q => q.Metric == "cloud_revenue_cny_bn").Values;
        Assert.All(cloud, q => Assert.All(q, v => Assert.Equal(Flat, v, 9)));
    }

    [Fact]
    public void Two_variants_with_the_same_noise_share_every_shock_and_a_larger_sd_scales_the_log_shock()
    {
        var a = Shocks(Noisy());
        var b = Shocks(Noisy(sd: 2 * Sd));
        // The same draws z: log shock = sd e - sd^2/2, so (log b + 2 sd^2) = 2 (log a + sd^2 / 2) trial by trial.
        for (var t = 0; t < 50; t++)
            Assert.Equal(2 * (Math.Log(a[1][t]) + Sd * Sd / 2), Math.Log(b[1][t]) + 2 * Sd * Sd, 9);
    }

    private static double StandardDeviation(double[] x)
    {
        var m = x.Average();
        return Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (x.Length - 1));
    }

    private static double Correlation(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }
}
