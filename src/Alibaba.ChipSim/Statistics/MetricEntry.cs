namespace Alibaba.ChipSim.Statistics;

/// <summary>One entry of a summary's <c>metrics</c> section: a numeric <see cref="MetricSummary"/> or categorical <see cref="StateShares"/>.</summary>
public abstract record MetricEntry(string Name);
