using System.Collections.Immutable;

namespace Alibaba.ChipSim.Outcomes;

/// <summary>
/// Every per-trial outcome of a run, described once, in output order (the column order of
/// <c>summary.json</c> and the trials files). What each one computes is in docs/model.md; the
/// first-entry months (<see cref="FirstEntryMonthName"/>), the actors' final states
/// (<see cref="ActorFinalName"/>) and the per-quarter columns (<see cref="QuarterName"/>) are derived
/// from the scenario and follow these.
/// </summary>
public static class OutcomeCatalogue
{
    public static readonly OutcomeMetric DeliveredByDeadline = new(
        Outcome.DeliveredByDeadline, "delivered_by_deadline", "0/1", OutcomeKind.Binary, "Delivered by the deadline", SensitivityRank: 10);

    public static readonly OutcomeMetric NothingDelivered = new(
        Outcome.NothingDelivered, "nothing_delivered", "0/1", OutcomeKind.Binary, "Nothing delivered within the horizon");

    public static readonly OutcomeMetric MonthsToFirstDelivery = new(
        Outcome.MonthsToFirstDelivery, "months_to_first_delivery", "months", OutcomeKind.Count, "Months to the first delivery", SensitivityRank: 9);

    public static readonly OutcomeMetric GateOpenMonths = new(
        Outcome.GateOpenMonths, "gate_open_months", "months", OutcomeKind.Count, "Months with the gate open");

    public static readonly OutcomeMetric ModulesShipped = new(
        Outcome.ModulesShipped, "modules_shipped", "modules", OutcomeKind.Count, "Modules shipped to China");

    public static readonly OutcomeMetric ChipsShipped = new(
        Outcome.ChipsShipped, "chips_shipped", "chips", OutcomeKind.ChipCount, "Chips shipped to China");

    public static readonly OutcomeMetric ChipsDelivered = new(
        Outcome.ChipsDelivered, "chips_delivered", "chips", OutcomeKind.Count, "Chips delivered to Alibaba", Headline: true, SensitivityRank: 8);

    public static readonly OutcomeMetric FeeTotalUsd = new(
        Outcome.FeeTotalUsd, "fee_total_usd", "USD", OutcomeKind.Amount, "US export fee collected (USD m)", 1e-6, Headline: true, SensitivityRank: 7);

    public static readonly OutcomeMetric FeeBorneUsd = new(
        Outcome.FeeBorneUsd, "fee_borne_usd", "USD", OutcomeKind.Amount, "Fee borne by Alibaba (USD m)", 1e-6, Headline: true);

    public static readonly OutcomeMetric CostUsd = new(
        Outcome.CostUsd, "cost_usd", "USD", OutcomeKind.Amount, "Alibaba's cost (USD m)", 1e-6, Headline: true);

    public static readonly OutcomeMetric CostCny = new(
        Outcome.CostCny, "cost_cny", "CNY", OutcomeKind.Amount, "Alibaba's cost (CNY bn)", 1e-9, SensitivityRank: 6);

    public static readonly OutcomeMetric H200H20eOnline = new(
        Outcome.H200H20eOnline, "h200_h20e_online", "H20e", OutcomeKind.Amount, "H20e online at the end", Headline: true);

    public static readonly OutcomeMetric CloudRevenueCnyBn = new(
        Outcome.CloudRevenueCnyBn, "cloud_revenue_cny_bn", "CNY bn", OutcomeKind.Amount, "Cloud revenue (CNY bn)", SensitivityRank: 1, Quarterly: true);

    public static readonly OutcomeMetric CloudRevenueWithoutH200CnyBn = new(
        Outcome.CloudRevenueWithoutH200CnyBn, "cloud_revenue_without_h200_cny_bn", "CNY bn", OutcomeKind.Amount, "Cloud revenue without H200s (CNY bn)", Quarterly: true);

    public static readonly OutcomeMetric AiRevenueCnyBn = new(
        Outcome.AiRevenueCnyBn, "ai_revenue_cny_bn", "CNY bn", OutcomeKind.Amount, "AI revenue served (CNY bn)", SensitivityRank: 2, Quarterly: true);

    public static readonly OutcomeMetric IncrementalRevenueCnyBn = new(
        Outcome.IncrementalRevenueCnyBn, "incremental_revenue_cny_bn", "CNY bn", OutcomeKind.Amount, "Incremental revenue (CNY bn)", Headline: true, SensitivityRank: 3, Quarterly: true);

    public static readonly OutcomeMetric IncrementalGrossProfitCnyBn = new(
        Outcome.IncrementalGrossProfitCnyBn, "incremental_gross_profit_cny_bn", "CNY bn", OutcomeKind.Amount, "Incremental gross profit (CNY bn)", SensitivityRank: 4);

    public static readonly OutcomeMetric Roi = new(
        Outcome.Roi, "roi", "CNY per CNY", OutcomeKind.Amount, "ROI (gross profit / cost)", Headline: true, SensitivityRank: 5);

    public static readonly OutcomeMetric NpvCnyBn = new(
        Outcome.NpvCnyBn, "npv_cny_bn", "CNY bn", OutcomeKind.Amount, "NPV over the chips' life (CNY bn)", Headline: true, SensitivityRank: 11,
        Requires: OutcomeRequirement.ValueOverLife);

    public static readonly OutcomeMetric LifetimeRoi = new(
        Outcome.LifetimeRoi, "lifetime_roi", "CNY per CNY", OutcomeKind.Amount, "Lifetime ROI (discounted)", Headline: true, SensitivityRank: 12,
        Requires: OutcomeRequirement.ValueOverLife);

    public static readonly OutcomeMetric PaybackMonth = new(
        Outcome.PaybackMonth, "payback_month", "months", OutcomeKind.Count, "Payback month (from the start)", Headline: true,
        Requires: OutcomeRequirement.ValueOverLife);

    public static readonly OutcomeMetric NpvPerAdsUsd = new(
        Outcome.NpvPerAdsUsd, "npv_per_ads_usd", "USD per ADS", OutcomeKind.Amount, "NPV per ADS (USD)", Headline: true,
        Requires: OutcomeRequirement.ValuePerShare);

    /// <summary>Every per-trial outcome in output order: entry i describes <c>(Outcome)i</c>.</summary>
    public static ImmutableArray<OutcomeMetric> All { get; } = InOrder(
    [
        DeliveredByDeadline, NothingDelivered, MonthsToFirstDelivery, GateOpenMonths, ModulesShipped, ChipsShipped,
        ChipsDelivered, FeeTotalUsd, FeeBorneUsd, CostUsd, CostCny, H200H20eOnline, CloudRevenueCnyBn,
        CloudRevenueWithoutH200CnyBn, AiRevenueCnyBn, IncrementalRevenueCnyBn, IncrementalGrossProfitCnyBn, Roi,
        NpvCnyBn, LifetimeRoi, PaybackMonth, NpvPerAdsUsd,
    ]);

    /// <summary>The rows of the console summary table, in order.</summary>
    public static ImmutableArray<OutcomeMetric> Headlines { get; } = [.. All.Where(m => m.Headline)];

    /// <summary>The outputs of the sensitivity analysis, in their order (used when a run has them and they vary).</summary>
    public static ImmutableArray<OutcomeMetric> SensitivityOutputs { get; } =
        [.. All.Where(m => m.IsSensitivityOutput).OrderBy(m => m.SensitivityRank)];

    /// <summary>The outcomes also reported per quarter, in order.</summary>
    public static ImmutableArray<OutcomeMetric> QuarterlyMetrics { get; } = [.. All.Where(m => m.Quarterly)];

    /// <summary>The entry named <paramref name="name"/>, or null.</summary>
    public static OutcomeMetric? Find(string name)
    {
        foreach (var m in All) if (m.Name == name) return m;
        return null;
    }

    /// <summary><c>&lt;actor&gt;_final</c>: the actor's state after the last month.</summary>
    public static string ActorFinalName(string actor) => actor + "_final";

    /// <summary>
    /// <c>&lt;actor&gt;_&lt;state&gt;_month</c>: the month (0 = the first simulated month) whose step first moved
    /// the actor into the state; missing if it never did. Only entries by a transition count: being in the
    /// initial state at the start is not an entry, so the initial state has a column only when some
    /// transition leads back to it. Every other declared state has one (all missing if unreachable).
    /// </summary>
    public static string FirstEntryMonthName(string actor, string state) => $"{actor}_{state}_month";

    /// <summary>The name of a per-quarter metric, e.g. <c>cloud_revenue_cny_bn_FY2027Q1</c>.</summary>
    public static string QuarterName(string metric, string quarter) => metric + "_" + quarter;

    /// <summary>The entry of <paramref name="outcome"/>.</summary>
    public static OutcomeMetric Of(Outcome outcome) => All[(int)outcome];

    private static ImmutableArray<OutcomeMetric> InOrder(OutcomeMetric[] metrics)
    {
        for (var i = 0; i < metrics.Length; i++)
            if ((int)metrics[i].Id != i) throw new InvalidOperationException($"catalogue entry {metrics[i].Name} is out of Outcome order");
        if (metrics.Length != Enum.GetValues<Outcome>().Length) throw new InvalidOperationException("every Outcome needs a catalogue entry");
        return [.. metrics];
    }
}
