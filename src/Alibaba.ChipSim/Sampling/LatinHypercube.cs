namespace Alibaba.ChipSim.Sampling;

/// <summary>
/// Latin hypercube strata: for a block of n trials and one parameter, a random permutation π of
/// 0..n−1, and the trial's uniform becomes (π(t) + v(t)) / n, where v(t) is the uniform plain
/// Monte Carlo would have used. The permutation is a pure function of (seed, parameter key, block),
/// so two variants of a scenario stratify a shared parameter identically.
/// </summary>
internal static class LatinHypercube
{
    private const ulong Salt = 0x4C48535F5045524DUL; // "LHS_PERM"

    /// <summary>A random permutation of 0..n−1 (Fisher–Yates on a counter-based stream).</summary>
    public static int[] Strata(ulong seed, ulong key, long blockStart, int n)
    {
        var strata = new int[n];
        for (var i = 0; i < n; i++) strata[i] = i;
        var stream = RandomStreams.StreamOf(RandomStreams.TrialHash(seed ^ Salt, blockStart), key);
        for (var i = n - 1; i > 0; i--)
        {
            var j = (int)(RandomStreams.Uniform(stream, i) * (i + 1));
            if (j > i) j = i;
            (strata[i], strata[j]) = (strata[j], strata[i]);
        }
        return strata;
    }

    /// <summary>The uniform of stratum <paramref name="stratum"/> of <paramref name="n"/>, placed by <paramref name="v"/> in (0, 1).</summary>
    public static double Uniform(int stratum, double v, int n)
    {
        var u = (stratum + v) / n;
        // (n − 1 + v) can round up to n when n is large; keep u inside the open interval.
        return u < 1 ? u : Math.BitDecrement(1.0);
    }
}
