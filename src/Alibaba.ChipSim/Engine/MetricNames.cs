namespace Alibaba.ChipSim.Engine;

/// <summary>The per-trial metric names of SPEC §5, in output order.</summary>
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

    /// <summary><c>&lt;actor&gt;_final</c>.</summary>
    public static string ActorFinal(string actor) => actor + "_final";

    /// <summary>
    /// <c>&lt;actor&gt;_&lt;state&gt;_month</c>: the month (0 = the first simulated month) whose step first moved
    /// the actor into the state; missing if it never did. Only entries by a transition count: being in the
    /// initial state at the start is not an entry, so the initial state has a column only when some
    /// transition leads back to it. Every other declared state has one (all missing if unreachable).
    /// </summary>
    public static string FirstEntryMonth(string actor, string state) => $"{actor}_{state}_month";
}
