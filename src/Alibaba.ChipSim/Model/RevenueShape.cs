using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Model;

/// <summary>
/// Seasons and surprises in revenue (docs/deal.md): a factor per quarter of the year and an AR(1)
/// multiplicative shock per quarter of the horizon, both multiplying the month's non-AI revenue and AI
/// revenue served, with and without H200s alike. Scenario constants; the shocks' normal draws come in
/// with each trial's inputs.
/// </summary>
public sealed class RevenueShape
{
    private readonly double[] _season = [1, 1, 1, 1, 1]; // [quarter of the year, 1..4]

    public RevenueShape(SeasonalitySpec? seasonality, QuarterNoiseSpec? noise)
    {
        if (seasonality is not null)
            for (var q = 1; q <= 4; q++) _season[q] = seasonality.Factor(q);
        HasNoise = noise is not null;
        NoiseSd = noise?.Sd ?? 0;
        NoiseRho = noise?.Rho ?? 0;
        IsFlat = seasonality is null && noise is null;
    }

    /// <summary>True when neither key is set: revenue is exactly as without them.</summary>
    public bool IsFlat { get; }

    public bool HasNoise { get; }

    public double NoiseSd { get; }

    public double NoiseRho { get; }

    /// <summary>The seasonal factor of quarter <paramref name="quarterOfYear"/> (1 to 4).</summary>
    public double Season(int quarterOfYear) => _season[quarterOfYear];

    /// <summary>
    /// The factor of each quarter of the horizon: season × exp(σ e_q − σ²/2), e_q = ρ e_{q−1} + √(1−ρ²) z_q,
    /// e_0 = z_0, from the standard normal draws <paramref name="z"/> (one per quarter; ignored without noise).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    public void QuarterFactors(Horizon horizon, ReadOnlySpan<double> z, Span<double> factors)
    {
        var sd = NoiseSd;
        var innovation = Math.Sqrt(1 - NoiseRho * NoiseRho);
        var e = 0.0;
        for (var q = 0; q < factors.Length; q++)
        {
            var f = _season[horizon.QuarterOfYearOfQuarter[q]];
            if (HasNoise)
            {
                e = q == 0 ? z[0] : NoiseRho * e + innovation * z[q];
                f *= Math.Exp(sd * e - sd * sd / 2);
            }
            factors[q] = f;
        }
    }
}
