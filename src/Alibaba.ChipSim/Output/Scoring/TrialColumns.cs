using System.Collections.Immutable;

namespace Alibaba.ChipSim.Output.Scoring;

/// <summary>
/// Some numeric columns of a run's per-trial file, in trial order (NaN = undefined), its per-trial <c>weight</c> column when
/// it has one, and the names of every column it holds.
/// </summary>
internal sealed record TrialColumns(
    string File,
    int Trials,
    ImmutableDictionary<string, double[]> Columns,
    double[]? Weights,
    ImmutableArray<string> Header);
