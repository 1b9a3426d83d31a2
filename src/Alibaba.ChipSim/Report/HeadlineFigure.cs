namespace Alibaba.ChipSim.Report;

/// <summary>
/// One headline row: a probability (<see cref="Probability"/> set) or a distribution summarised by mean and
/// P5/P50/P95 over the <see cref="Count"/> trials where the metric is defined.
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
    int Count,
    long Trials);
