using System.Collections.Immutable;

namespace Alibaba.ChipSim.Statistics;

/// <summary>
/// A run's columns as <see cref="SummaryBuilder"/> needs them, each loaded only when it is summarised: a summary can
/// then be built holding one column per thread instead of the whole run (e.g. a merge reading shard files).
/// </summary>
internal sealed record SummaryColumns(
    string Scenario,
    string ScenarioSha256,
    ulong Seed,
    long Trials,
    ImmutableArray<SummaryColumns.Numeric> NumericColumns,
    ImmutableArray<SummaryColumns.Categorical> CategoricalColumns,
    ImmutableArray<SummaryColumns.Quarterly> QuarterlyColumns)
{
    /// <summary>Called with each loaded column once its statistics are taken (a loader may reuse the array); null = nothing to do.</summary>
    public Action<double[]>? ReleaseDoubles { get; init; }

    /// <summary>As <see cref="ReleaseDoubles"/>, for the categorical columns.</summary>
    public Action<byte[]>? ReleaseBytes { get; init; }

    /// <summary>A numeric column: its values, one per trial in trial order (NaN = undefined), from <see cref="Load"/>.</summary>
    internal sealed record Numeric(string Name, bool IsBinary, bool IsWholeNumber, Func<double[]> Load);

    /// <summary>A categorical column: a code per trial into <see cref="Categories"/>.</summary>
    internal sealed record Categorical(string Name, ImmutableArray<string> Categories, Func<byte[]> Load);

    /// <summary>A per-quarter metric: <see cref="Load"/>(q) gives quarter q's column.</summary>
    internal sealed record Quarterly(string Metric, ImmutableArray<string> Quarters, Func<int, double[]> Load);
}
