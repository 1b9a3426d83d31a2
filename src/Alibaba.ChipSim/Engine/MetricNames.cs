using Alibaba.ChipSim.Outcomes;

namespace Alibaba.ChipSim.Engine;

/// <summary>
/// The outcome names as constants, for code that needs a compile-time name (a <c>switch</c> or a pattern).
/// Each equals its <see cref="OutcomeCatalogue"/> entry's name (a test holds them together); the catalogue
/// is where an outcome is described.
/// </summary>
public static class MetricNames
{
    public const string DeliveredByDeadline = "delivered_by_deadline";
    public const string NothingDelivered = "nothing_delivered";
    public const string MonthsToFirstDelivery = "months_to_first_delivery";
    public const string GateOpenMonths = "gate_open_months";
    public const string ModulesShipped = "modules_shipped";
    public const string ChipsShipped = "chips_shipped";
    public const string ChipsDelivered = "chips_delivered";
    public const string FeeTotalUsd = "fee_total_usd";
    public const string FeeBorneUsd = "fee_borne_usd";
    public const string CostUsd = "cost_usd";
    public const string CostCny = "cost_cny";
    public const string H200H20eOnline = "h200_h20e_online";
    public const string CloudRevenueCnyBn = "cloud_revenue_cny_bn";
    public const string CloudRevenueWithoutH200CnyBn = "cloud_revenue_without_h200_cny_bn";
    public const string AiRevenueCnyBn = "ai_revenue_cny_bn";
    public const string IncrementalRevenueCnyBn = "incremental_revenue_cny_bn";
    public const string IncrementalGrossProfitCnyBn = "incremental_gross_profit_cny_bn";
    public const string Roi = "roi";
    public const string NpvCnyBn = "npv_cny_bn";
    public const string LifetimeRoi = "lifetime_roi";
    public const string PaybackMonth = "payback_month";
    public const string NpvPerAdsUsd = "npv_per_ads_usd";

    /// <summary><c>&lt;actor&gt;_final</c> (<see cref="OutcomeCatalogue.ActorFinalName"/>).</summary>
    public static string ActorFinal(string actor) => OutcomeCatalogue.ActorFinalName(actor);

    /// <summary><c>&lt;actor&gt;_&lt;state&gt;_month</c> (<see cref="OutcomeCatalogue.FirstEntryMonthName"/>).</summary>
    public static string FirstEntryMonth(string actor, string state) => OutcomeCatalogue.FirstEntryMonthName(actor, state);
}
