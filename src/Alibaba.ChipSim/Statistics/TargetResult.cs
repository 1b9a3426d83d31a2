using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Statistics;

/// <summary>
/// P(metric &lt; threshold) or P(metric &gt; threshold) over the <see cref="Count"/> trials where the metric is defined,
/// with its Wilson 95% interval; both null when no trial defines it.
/// </summary>
public sealed record TargetResult(TargetSpec Target, long Count, double? Probability, ProportionInterval? Ci95);
