using System.Globalization;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// What the page says of a run conditioned on history (docs/history.md): how many trials carry weight, the effective
/// sample size with a warning when it is low, and the log evidence; for several scenarios, the log Bayes factors.
/// </summary>
internal static class HistoryText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>An effective sample size under this many trials, or under 1% of the trials, is low.</summary>
    public const double LowEss = 1000;

    /// <summary>The paragraph for a conditioned run; null for a run without history.</summary>
    public static string? Summary(RunSummary summary)
    {
        if (summary.History is not { } h) return null;
        return $"Conditioned on what was observed through {h.AsOf}: {h.TrialsWithWeight.ToString("N0", Invariant)} of "
            + $"{summary.Trials.ToString("N0", Invariant)} trials are consistent with it and carry weight. The tables and charts are weighted: each trial counts by its weight, and the charts mark what was observed. "
            + $"Effective sample size {h.Ess.ToString("N0", Invariant)}; log evidence {h.LogEvidence.ToString("0.000", Invariant)}.";
    }

    /// <summary>The warning for a low effective sample size, or null.</summary>
    public static string? Warning(RunSummary summary)
    {
        if (summary.History is not { } h || !IsLow(h.Ess, summary.Trials)) return null;
        return $"Warning: the effective sample size is only {h.Ess.ToString("N0", Invariant)} "
            + $"({(100 * h.Ess / summary.Trials).ToString("0.##", Invariant)}% of the trials): the history is unlikely under this scenario, "
            + "so its weighted figures rest on few trials. Run more trials (--trials) before reading the tails.";
    }

    public static bool IsLow(double ess, long trials) => ess < LowEss || ess < 0.01 * trials;

    /// <summary>The log Bayes factor of each scenario against the first, when all are conditioned on history; else null.</summary>
    public static string? BayesFactors(IReadOnlyList<RunSummary> summaries, IReadOnlyList<string> names)
    {
        if (summaries.Count < 2 || summaries.Any(s => s.History is null)) return null;
        var first = summaries[0].History!.LogEvidence;
        var parts = summaries.Skip(1).Select((s, i) =>
            $"{names[i + 1]} {(s.History!.LogEvidence - first).ToString("+0.000;-0.000;0.000", Invariant)}");
        return $"Log Bayes factors against {names[0]} (log evidence differences; above 0 the facts favour the scenario): "
            + string.Join(", ", parts) + ". Comparable only when every scenario is conditioned on the same history.";
    }
}
