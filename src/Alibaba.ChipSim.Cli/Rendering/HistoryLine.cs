using System.Globalization;
using Alibaba.ChipSim.Statistics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Alibaba.ChipSim.Cli.Rendering;

/// <summary>
/// The console line of a run conditioned on history: trials with weight, the effective sample size, the log evidence
/// (and, beside the first scenario, the log Bayes factor against it), and a warning when the ess is low.
/// </summary>
internal static class HistoryLine
{
    /// <summary>An ess under this many trials, or under this share of the trials, is low.</summary>
    public const double LowEss = 1000, LowEssShare = 0.01;

    public static IRenderable Render(RunSummary summary, RunSummary? first)
    {
        var h = summary.History!;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"[bold]{Markup.Escape(summary.Scenario)}[/]: conditioned on history through {h.AsOf}: {h.TrialsWithWeight:N0} of {summary.Trials:N0} trials with weight, ess {h.Ess:N0}, log evidence {h.LogEvidence:F3}");
        if (first?.History is { } reference && !ReferenceEquals(first, summary))
            text += string.Create(CultureInfo.InvariantCulture, $" (log Bayes factor against {Markup.Escape(first.Scenario)}: {h.LogEvidence - reference.LogEvidence:+0.000;-0.000;0.000})");
        if (IsLow(h.Ess, summary.Trials))
            text += string.Create(CultureInfo.InvariantCulture, $"\n[yellow]warning: the effective sample size {h.Ess:N0} is low (under {LowEss:N0} or 1% of the trials): weighted statistics rest on few trials; run more trials[/]");
        return new Markup(text + "\n");
    }

    public static bool IsLow(double ess, long trials) => ess < LowEss || ess < LowEssShare * trials;
}
