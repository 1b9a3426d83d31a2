namespace Alibaba.ChipSim.Statistics.Comparison;

/// <summary>How a metric is compared between two runs.</summary>
internal enum MetricKind
{
    /// <summary>A mean with its standard error: two-sample z-score.</summary>
    Mean,

    /// <summary>A 0/1 metric's probability: two-proportion z-test.</summary>
    Probability,

    /// <summary>A categorical metric's shares: total-variation distance against its sampling noise.</summary>
    Shares,
}
