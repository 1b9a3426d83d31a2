using System.Collections.Immutable;
using System.Globalization;

namespace Alibaba.ChipSim.Statistics.Comparison;

/// <summary>
/// <c>diff A B</c> with the paired test when it applies: both sides have per-trial columns (from run folders' <c>trials.csv</c>
/// or <c>trials.parquet</c>, read by <c>Output.DiffInputs</c>) from the same seed and trial count, so with common random numbers
/// trial t of A and trial t of B share every draw the change does not touch. For each numeric per-trial metric,
/// d_t = b_t − a_t over the n trials where both are defined, and z = mean(d) / (sd(d)/√n); for 0/1 metrics McNemar's
/// z = (n₀₁ − n₁₀)/√(n₀₁ + n₁₀) from the discordant trials. A d that never varies but is not 0 is a certain move
/// (z = ±∞); a d that is 0 in every trial scores 0 and is reported "identical in every trial". Final-state shares and
/// metrics absent from the per-trial files keep <see cref="RunComparer"/>'s unpaired test. Otherwise (files, different
/// seeds or trial counts, <c>--unpaired</c>) the whole comparison is <see cref="RunComparer"/>'s.
/// </summary>
internal static class PairedComparer
{
    public const string IdenticalNote = "identical in every trial";

    /// <summary>
    /// The comparison of <see cref="ComparisonInputs.A"/> and <see cref="ComparisonInputs.B"/>: paired over
    /// <see cref="ComparisonInputs.Paired"/> when the inputs hold per-trial columns, otherwise <see cref="RunComparer"/>'s
    /// with <see cref="ComparisonInputs.UnpairedNote"/> saying why.
    /// </summary>
    public static RunComparison Compare(ComparisonInputs inputs, double zThreshold = RunComparer.DefaultZThreshold)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var unpairedComparison = RunComparer.Compare(inputs.A, inputs.B, zThreshold);
        if (inputs.Paired is not { } paired) return unpairedComparison with { TestNote = inputs.UnpairedNote };
        var columns = paired.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var metrics = unpairedComparison.Metrics.Select(m => columns.TryGetValue(m.Name, out var column) ? Paired(m, column, zThreshold) : m);
        return unpairedComparison with { Metrics = metrics.ToImmutableArray(), PairedTrials = inputs.A.Trials };
    }

    /// <summary>Why two runs cannot be paired trial by trial although both have per-trial files (seeds or trial counts differ); null when they can.</summary>
    public static string? UnpairedReason(ComparableRun a, ComparableRun b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Seed is null || a.Seed != b.Seed)
            return $"unpaired: the seeds differ ({Show(a.Seed)} and {Show(b.Seed)}), so the trials do not share their draws";
        if (a.Trials is null || a.Trials != b.Trials)
            return $"unpaired: the trial counts differ ({Show(a.Trials)} and {Show(b.Trials)})";
        return null;
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
