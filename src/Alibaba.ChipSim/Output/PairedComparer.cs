using System.Collections.Immutable;
using System.Globalization;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// <c>diff A B</c> with the paired test when it applies: both sides are run folders holding per-trial files
/// (<c>trials.csv</c> or <c>trials.parquet</c>) from the same seed and trial count, so with common random numbers
/// trial t of A and trial t of B share every draw the change does not touch. For each numeric per-trial metric,
/// d_t = b_t − a_t over the n trials where both are defined, and z = mean(d) / (sd(d)/√n); for 0/1 metrics McNemar's
/// z = (n₀₁ − n₁₀)/√(n₀₁ + n₁₀) from the discordant trials. A d that never varies but is not 0 is a certain move
/// (z = ±∞); a d that is 0 in every trial scores 0 and is reported "identical in every trial". Final-state shares and
/// metrics absent from the per-trial files keep <see cref="RunComparer"/>'s unpaired test. Otherwise (files, different
/// seeds or trial counts, weighted trials of runs conditioned on history, <paramref name="unpaired"/>) the whole comparison
/// is <see cref="RunComparer"/>'s.
/// </summary>
internal static class PairedComparer
{
    public const string IdenticalNote = "identical in every trial";

    public static RunComparison Compare(string pathA, string pathB, double zThreshold = RunComparer.DefaultZThreshold,
        bool unpaired = false, CancellationToken cancellationToken = default)
    {
        var a = ComparableRunReader.Read(pathA);
        var b = ComparableRunReader.Read(pathB);
        var unpairedComparison = RunComparer.Compare(a, b, zThreshold);
        if (unpaired || !Directory.Exists(pathA) || !Directory.Exists(pathB)) return unpairedComparison;
        if (PairedTrials.CommonFiles(pathA, pathB) is not { } files)
            return unpairedComparison with { TestNote = "unpaired: the two folders hold no per-trial file (trials.csv or trials.parquet) in common" };
        if (a.Seed is null || a.Seed != b.Seed)
            return unpairedComparison with { TestNote = $"unpaired: the seeds differ ({Show(a.Seed)} and {Show(b.Seed)}), so the trials do not share their draws" };
        if (a.Trials is null || a.Trials != b.Trials)
            return unpairedComparison with { TestNote = $"unpaired: the trial counts differ ({Show(a.Trials)} and {Show(b.Trials)})" };
        // Runs conditioned on history weigh their trials, and the weights differ between scenarios: a plain per-trial
        // difference would ignore them. The two-sample test of the weighted summaries (ess-based se) applies instead.
        if (Scoring.TrialColumnsReader.HasColumn(files.A, Scoring.TrialColumnsReader.WeightColumn)
            || Scoring.TrialColumnsReader.HasColumn(files.B, Scoring.TrialColumnsReader.WeightColumn))
            return unpairedComparison with { TestNote = "unpaired: the runs are conditioned on history (weighted trials); the test uses the weighted summaries' ess-based standard errors" };
        var columns = PairedTrials.Read(files.A, files.B, cancellationToken).ToDictionary(c => c.Name, StringComparer.Ordinal);
        var metrics = unpairedComparison.Metrics.Select(m => columns.TryGetValue(m.Name, out var column) ? Paired(m, column, zThreshold) : m);
        return unpairedComparison with { Metrics = metrics.ToImmutableArray(), PairedTrials = a.Trials };
    }

    /// <summary>The paired row of one metric, replacing its unpaired row <paramref name="m"/>.</summary>
    internal static MetricComparison Paired(MetricComparison m, PairedColumn column, double zThreshold)
    {
        if (!column.Numeric || m.Kind == MetricKind.Shares)
            return column.Changed == 0 ? m with { Note = m.Note ?? IdenticalNote } : m;
        var paired = column.Statistics();
        if (paired.Pairs == 0) return m with { Paired = paired };
        var z = paired is { Up: { } up, Down: { } down }
            ? ZScore(up - down, Math.Sqrt(up + down))
            : ZScore(paired.MeanDifference, paired.SeDifference ?? 0);
        return new MetricComparison(m.Name, m.Kind, column.MeanA, column.MeanB, paired.MeanDifference, z, Math.Abs(z) > zThreshold,
            Note: paired.Identical ? IdenticalNote : null, Paired: paired);
    }

    private static double ZScore(double change, double noise) =>
        change == 0 ? 0 : noise > 0 ? change / noise : change > 0 ? double.PositiveInfinity : double.NegativeInfinity;

    private static string Show<T>(T? value) where T : struct, IFormattable =>
        value is { } v ? v.ToString(null, CultureInfo.InvariantCulture) : "none";
}
