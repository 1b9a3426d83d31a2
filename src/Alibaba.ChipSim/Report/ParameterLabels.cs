using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics.Sensitivity;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// Readable names for the scenario's inputs (the tornado bars, the assumptions table): a label per model parameter,
/// and for actors' gates and hazards a sentence built from the actor's and states' names and descriptions.
/// </summary>
internal static class ParameterLabels
{
    private static readonly Dictionary<string, string> Fixed = new(StringComparer.Ordinal)
    {
        ["shipments.initial_modules"] = "Modules in the initial tranche",
        ["shipments.chips_per_module"] = "Chips per module",
        ["shipments.follow_on_modules_per_month"] = "Follow-on modules shipped per month",
        ["shipments.supply_cap_modules"] = "Nvidia's supply cap for China (modules)",
        ["shipments.buyer_share"] = "Alibaba's share of China shipments",
        ["shipments.buyer_cap_chips"] = "Cap on H200 chips licensed to Alibaba",
        ["shipments.deployment_lag_months"] = "Months from delivery to online",
        ["economics.price_per_chip_usd"] = "Price per H200 chip (USD)",
        ["economics.export_fee_rate"] = "US export fee rate",
        ["economics.fee_pass_through"] = "Share of the fee passed on to the buyer",
        ["economics.usd_cny"] = "Exchange rate (CNY per USD)",
        ["compute.h200_vs_h20"] = "H200 compute in H20-equivalents",
        ["compute.revenue_per_h20e_month_cny"] = "AI revenue per H20-equivalent a month (CNY)",
        ["compute.utilization"] = "Utilisation of H200 capacity",
        ["compute.baseline_capacity_cover"] = "Baseline AI capacity ÷ base-month demand",
        ["compute.baseline_capacity_growth_yoy"] = "Yearly growth of baseline AI capacity",
        ["revenue.base_quarter_cny_bn"] = "Cloud revenue of the base quarter (CNY bn)",
        ["revenue.ai_share"] = "AI share of cloud revenue",
        ["revenue.non_ai_growth_yoy"] = "Yearly growth of non-AI revenue",
        ["revenue.ai_demand_growth_yoy"] = "Yearly growth of AI demand",
        ["revenue.gross_margin"] = "Gross margin on AI revenue",
    };

    /// <summary>The readable name of a parameter path or a sensitivity input of <paramref name="scenario"/>.</summary>
    public static string Of(string path, Scenario scenario)
    {
        if (Fixed.TryGetValue(path, out var label)) return label;
        foreach (var actor in scenario.Actors)
        {
            var name = Capitalised(actor.Name);
            if (path == ApprovalMonths.Name(actor.Name)) return $"{name}: months until its gate opens";
            foreach (var state in actor.States)
                if (path == ParameterPaths.Gate(actor.Name, state.Name))
                    return $"{name}: share of deliveries allowed when {Readable(state.Name)}";
            foreach (var t in actor.Transitions)
                if (path == ParameterPaths.Hazard(actor.Name, t.From, t.To))
                    return $"{name}: monthly chance of {Readable(t.From)} → {Readable(t.To)}";
        }
        return Readable(path);
    }

    /// <summary>The scenario's own words for a gate's state, when it has them (shown beside the label).</summary>
    public static string? DescriptionOf(string path, Scenario scenario)
    {
        foreach (var actor in scenario.Actors)
            foreach (var state in actor.States)
                if (path == ParameterPaths.Gate(actor.Name, state.Name)) return state.Description;
        return null;
    }

    /// <summary><c>under_review</c> → "under review"; <c>shipments.buyer_share</c> → "shipments: buyer share".</summary>
    public static string Readable(string key) => key.Replace('.', ':').Replace(":", ": ").Replace('_', ' ');

    public static string Capitalised(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + Readable(name[1..]);
}
