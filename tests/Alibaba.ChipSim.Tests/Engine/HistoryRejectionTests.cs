using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Engine;

/// <summary>
/// An independent check of likelihood weighting: simulate without history, keep the trials whose paths match the
/// observations (rejection sampling), and compare the forward distribution with the weighted run's, within Monte Carlo error.
/// </summary>
public sealed class HistoryRejectionTests
{
    // Washington: licensed first in 2026-02 (month 2) and still licensed in 2026-03; Beijing discouraged in 2026-01 through
    // 2026-03 (months 1–3; it may have moved there in month 0, which is not observed).
    private const string Scenario = """
        name: rejection
        extends: base.yaml
        actors:
          washington:
            transitions:
              - { from: rescinded, to: licensed, monthly: 0.4 }
              - { from: rescinded, to: reinstated, monthly: 0.02 }
              - { from: licensed, to: suspended, monthly: 0.03 }
              - { from: suspended, to: licensed, monthly: 0.25 }
              - { from: suspended, to: reinstated, monthly: 0.08 }
          beijing:
            transitions:
              - { from: under_review, to: approved, monthly: 0.08, when: { washington: licensed } }
              - { from: under_review, to: conditional, monthly: 0.25, when: { washington: licensed } }
              - { from: under_review, to: discouraged, monthly: 0.3 }
              - { from: discouraged, to: conditional, monthly: 0.2, when: { washington: licensed } }
              - { from: discouraged, to: banned, monthly: 0.03 }
              - { from: conditional, to: approved, monthly: 0.03 }
              - { from: conditional, to: discouraged, monthly: 0.02 }
              - { from: approved, to: discouraged, monthly: 0.02 }
        """;

    private const string History = """

        history:
          as_of: 2026-03
          actors:
            washington:
              - { from: 2025-12, state: rescinded }
              - { from: 2026-02, state: licensed }
            beijing:
              - { from: 2026-01, state: discouraged }
        """;

    private static Scenario Load(string yaml)
    {
        var result = ScenarioLoader.LoadText(yaml, Path.Combine(RepoRoot.Scenarios, "rejection.yaml"));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Scenario!;
    }

    [Theory]
    [InlineData("chips_delivered")]
    [InlineData("months_to_first_delivery")]
    [InlineData("incremental_revenue_cny_bn")]
    [InlineData("gate_open_months")]
    public void Likelihood_weighting_equals_rejection_sampling_within_monte_carlo_error(string metric)
    {
        // Different seeds: the two estimates are independent.
        var plain = SimulationEngine.Run(Load(Scenario), new RunOptions { Trials = 200_000, Seed = 11, Threads = 2 });
        var weighted = SimulationEngine.Run(Load(Scenario + History), new RunOptions { Trials = 60_000, Seed = 12, Threads = 2 });

        var kept = Matching(plain);
        var values = plain.Column(metric)!.Values;
        var accepted = kept.Select(t => values[t]).Where(v => !double.IsNaN(v)).ToArray();
        var rejection = ColumnStatistics.Summarize(metric, accepted);
        var importance = SummaryBuilder.Build(weighted).Metric(metric)!;

        Assert.True(kept.Count > 1000, $"only {kept.Count} trials matched");
        var se = Math.Sqrt(rejection.Se!.Value * rejection.Se.Value + importance.Se!.Value * importance.Se.Value);
        Assert.InRange(importance.Mean!.Value - rejection.Mean!.Value, -4 * se, 4 * se);
        // The share of trials where the metric is defined (e.g. a delivery happened) agrees too.
        var definedWeight = WeightedShare(weighted, metric);
        var definedShare = (double)accepted.Length / kept.Count;
        var ess = Alibaba.ChipSim.Statistics.Weighted.TrialWeights.Totals(weighted.Weights).Ess;
        var shareSe = Math.Sqrt(definedShare * (1 - definedShare) * (1.0 / kept.Count + 1.0 / ess));
        Assert.InRange(definedWeight - definedShare, -4 * shareSe - 1e-12, 4 * shareSe + 1e-12);
    }

    /// <summary>The unconditioned trials whose state paths are the observed ones, read off the first-entry months.</summary>
    private static List<int> Matching(SimulationResult r)
    {
        double[] C(string name) => r.Column(name)!.Values;
        var licensed = C("washington_licensed_month");
        var reinstated = C("washington_reinstated_month");
        var suspended = C("washington_suspended_month");
        var discouraged = C("beijing_discouraged_month");
        var approved = C("beijing_approved_month");
        var conditional = C("beijing_conditional_month");
        var banned = C("beijing_banned_month");
        var kept = new List<int>();
        for (var t = 0; t < r.Trials; t++)
        {
            // Rescinded in months 0–1, licensed in 2 and 3 (reinstated is final; suspended would leave licensed).
            var washington = licensed[t] == 2 && !(reinstated[t] <= 3) && !(suspended[t] <= 3);
            // Discouraged after month 1 (moved there in month 0 or 1), and no other state entered through month 3.
            var beijing = discouraged[t] <= 1 && !(approved[t] <= 3) && !(conditional[t] <= 3) && !(banned[t] <= 3);
            if (washington && beijing) kept.Add(t);
        }
        return kept;
    }

    private static double WeightedShare(SimulationResult r, string metric)
    {
        var values = r.Column(metric)!.Values;
        double all = 0, defined = 0;
        for (var t = 0; t < r.Trials; t++)
        {
            all += r.Weights![t];
            if (!double.IsNaN(values[t])) defined += r.Weights[t];
        }
        return defined / all;
    }
}
