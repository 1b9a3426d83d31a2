namespace Alibaba.ChipSim.Statistics.Weighted;

/// <summary>The Wilson interval of a weighted proportion, with the effective sample size standing in for the trial count.</summary>
internal static class WeightedProportion
{
    /// <summary>
    /// <see cref="ProportionInterval.Wilson"/>'s arithmetic with p and n given as numbers (n = ess ≥ 1 need not be whole):
    /// with equal weights p = successes/trials and n = trials exactly, so the interval is the unweighted one bit for bit.
    /// </summary>
    public static ProportionInterval Wilson(double p, double n, double z = ProportionInterval.Z95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        if (!(n > 0)) throw new ArgumentOutOfRangeException(nameof(n), n, "the effective sample size must be > 0");
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new ProportionInterval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
