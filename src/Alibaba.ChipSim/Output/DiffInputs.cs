using Alibaba.ChipSim.Statistics.Comparison;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// Loads the two sides of <c>diff A B</c> (summaries, snapshots or run folders) into <see cref="ComparisonInputs"/>;
/// when both are run folders with a per-trial file in common, at one seed and trial count, their trials are read in
/// pairs. The comparison itself is <see cref="PairedComparer"/>'s.
/// </summary>
internal static class DiffInputs
{
    /// <param name="pathA">The old side: a summary.json, a snapshot, or a run folder.</param>
    /// <param name="pathB">The new side, likewise.</param>
    /// <param name="unpaired">Read only the summaries, even when the trials could be paired.</param>
    /// <param name="cancellationToken">Stops reading the per-trial files.</param>
    /// <exception cref="InvalidDataException">When a side is not a summary, snapshot or run folder, or its trials file is malformed.</exception>
    public static ComparisonInputs Load(string pathA, string pathB, bool unpaired = false, CancellationToken cancellationToken = default)
    {
        var a = ComparableRunReader.Read(pathA);
        var b = ComparableRunReader.Read(pathB);
        if (unpaired || !Directory.Exists(pathA) || !Directory.Exists(pathB)) return new ComparisonInputs(a, b);
        if (PairedTrials.CommonFiles(pathA, pathB) is not { } files)
            return new ComparisonInputs(a, b, UnpairedNote: "unpaired: the two folders hold no per-trial file (trials.csv or trials.parquet) in common");
        if (PairedComparer.UnpairedReason(a, b) is { } reason) return new ComparisonInputs(a, b, UnpairedNote: reason);
        // Runs conditioned on history weigh their trials, and the weights differ between scenarios: a plain per-trial
        // difference would ignore them. The two-sample test of the weighted summaries (ess-based se) applies instead.
        if (Scoring.TrialColumnsReader.HasColumn(files.A, Scoring.TrialColumnsReader.WeightColumn)
            || Scoring.TrialColumnsReader.HasColumn(files.B, Scoring.TrialColumnsReader.WeightColumn))
            return new ComparisonInputs(a, b, UnpairedNote: "unpaired: the runs are conditioned on history (weighted trials); the test uses the weighted summaries' ess-based standard errors");
        return new ComparisonInputs(a, b, PairedTrials.Read(files.A, files.B, a, b, cancellationToken));
    }
}
