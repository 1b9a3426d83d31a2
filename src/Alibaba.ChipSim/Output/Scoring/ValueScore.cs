using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output.Scoring;

/// <summary>
/// One realised value against the run's forecast of it: the forecast's (weighted) summary, the actual's PIT and the CRPS
/// (in the metric's unit); all null, with a <see cref="Note"/> saying why, when the run does not forecast that metric.
/// </summary>
public sealed record ValueScore(string Metric, double Actual, string? Description, MetricSummary? Forecast, double? Pit, double? Crps, string? Note)
{
    /// <summary>True when the actual lies below the forecast's P1 or above its P99.</summary>
    public bool OutsideP1P99 => Forecast is { P1: { } p1, P99: { } p99 } && (Actual < p1 || Actual > p99);
}
