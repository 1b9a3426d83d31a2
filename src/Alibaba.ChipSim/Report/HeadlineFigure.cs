using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// One headline row, read from the run's summary: a probability (<see cref="Probability"/> set) or a distribution
/// summarised by mean and P5/P50/P95 (display units) over the <see cref="Count"/> trials where the metric is defined.
/// </summary>
internal sealed record HeadlineFigure(
    string Label,
    string Unit,
    string Format,
    double? Probability,
    double Mean,
    double P5,
    double P50,
    double P95,
    long Count,
    long Trials)
{
    /// <summary>True when there is no spread to show: no trial defines the metric, or all give one value.</summary>
    public bool Degenerate { get; init; }

    public static HeadlineFigure Of(MetricDisplay display, MetricSummary s, long trials) =>
        new(display.Label, display.Unit, display.Format, null, display.Scaled(s.Mean), display.Scaled(s.P5),
            display.Scaled(s.P50), display.Scaled(s.P95), s.Count, trials) { Degenerate = MetricDisplay.IsDegenerate(s) };
}
