namespace Alibaba.ChipSim.Statistics;

/// <summary>A confidence interval for a proportion, within [0, 1].</summary>
public readonly record struct ProportionInterval(double Low, double High)
{
    /// <summary>The two-sided 95% normal quantile, Φ⁻¹(0.975).</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The Wilson score interval for <paramref name="successes"/> out of <paramref name="trials"/> (trials ≥ 1).</summary>
    public static ProportionInterval Wilson(long successes, long trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new ProportionInterval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
