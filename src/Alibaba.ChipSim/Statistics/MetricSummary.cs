namespace Alibaba.ChipSim.Statistics;

/// <summary>
/// Statistics of one per-trial numeric metric over the trials where it is defined (docs/outputs.md#summaryjson). Everything but
/// <see cref="Count"/> is null when no trial defines it; <see cref="Sd"/> and <see cref="Se"/> are null when one does.
/// Percentiles use numpy's default linear interpolation; <see cref="Probability"/> and <see cref="Ci95"/> (Wilson)
/// are set for 0/1 metrics only.
/// </summary>
public sealed record MetricSummary(
    string Name,
    long Count,
    double? Mean = null,
    double? Sd = null,
    double? Se = null,
    double? Min = null,
    double? Max = null,
    double? P1 = null,
    double? P5 = null,
    double? P10 = null,
    double? P25 = null,
    double? P50 = null,
    double? P75 = null,
    double? P90 = null,
    double? P95 = null,
    double? P99 = null,
    double? Var5 = null,
    double? Cvar5 = null,
    double? Var95 = null,
    double? Cvar95 = null,
    double? Probability = null,
    ProportionInterval? Ci95 = null) : MetricEntry(Name)
{
    /// <summary>The percentile levels reported, in percent, in the order of the <c>p…</c> properties.</summary>
    public static IReadOnlyList<int> PercentileLevels { get; } = [1, 5, 10, 25, 50, 75, 90, 95, 99];

    /// <summary>The effective sample size V1²/V2 over the trials counted, in a weighted run (docs/forecast-scoring.md); null when the run is unweighted.</summary>
    public double? Ess { get; init; }

    /// <summary>The summary of a metric defined in no trial.</summary>
    public static MetricSummary Empty(string name) => new(name, 0);

    /// <summary>The percentile at <paramref name="level"/> (one of <see cref="PercentileLevels"/>).</summary>
    public double? Percentile(int level) => level switch
    {
        1 => P1,
        5 => P5,
        10 => P10,
        25 => P25,
        50 => P50,
        75 => P75,
        90 => P90,
        95 => P95,
        99 => P99,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Reported levels are 1, 5, 10, 25, 50, 75, 90, 95 and 99."),
    };
}
