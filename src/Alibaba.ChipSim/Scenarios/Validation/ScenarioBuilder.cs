using System.Collections.Immutable;
using System.Numerics;
using Alibaba.ChipSim.Distributions;

namespace Alibaba.ChipSim.Scenarios.Validation;

/// <summary>Turns a checked document without errors into the immutable <see cref="Scenario"/>.</summary>
internal static class ScenarioBuilder
{
    /// <summary>
    /// Every parameter with its stream path: plain keys by dotted path, gates and hazards by
    /// <see cref="ParameterPaths"/>. Works on partially valid documents (skips what is missing).
    /// </summary>
    public static IEnumerable<Parameter> Parameters(CheckedNode root)
    {
        foreach (var actor in root["actors"]?.Entries ?? [])
        {
            foreach (var state in actor.Node["states"]?.Entries ?? [])
                if (state.Node["gate"] is { Value: DistributionSpec g } gate)
                    yield return new Parameter(ParameterPaths.Gate(actor.Name, state.Name), g, gate.Location);
            foreach (var t in actor.Node["transitions"]?.Items ?? [])
                if (t["monthly"] is { Value: DistributionSpec m } monthly && t.Text("from") is { } from && t.Text("to") is { } to)
                    yield return new Parameter(ParameterPaths.Hazard(actor.Name, from, to), m, monthly.Location);
        }
        foreach (var (path, _) in ScenarioKeys.PlainParameters)
        {
            var dot = path.IndexOf('.', StringComparison.Ordinal);
            if (root[path[..dot]]?[path[(dot + 1)..]] is { Value: DistributionSpec d } node)
                yield return new Parameter(path, d, node.Location);
        }
    }

    public static Scenario Build(CheckedNode root, ImmutableArray<string> sourceFiles, string sha256)
    {
        var parameters = Parameters(root).ToDictionary(p => p.Path, StringComparer.Ordinal);
        Parameter P(string path) => parameters[path];
        Parameter? Optional(string path) => parameters.GetValueOrDefault(path);

        var sim = root["simulation"]!;
        var shipments = root["shipments"]!;
        var firstDelivery = shipments.Month("first_delivery")!.Value;
        return new Scenario(
            root.Text("name")!,
            root.Text("description"),
            ScenarioChecks.Calendar(root)!,
            new SimulationSpec(
                (long)(BigInteger)sim["trials"]!.Value!,
                (ulong)(BigInteger)sim["seed"]!.Value!,
                sim.Text("sampling") == "latin-hypercube" ? SamplingMethod.LatinHypercube : SamplingMethod.MonteCarlo),
            [.. root["actors"]!.Entries.Select(a => Actor(a, parameters))],
            new ShipmentsSpec(
                firstDelivery,
                shipments.Month("deadline") ?? firstDelivery,
                P("shipments.initial_modules"),
                P("shipments.chips_per_module"),
                P("shipments.follow_on_modules_per_month"),
                Optional("shipments.supply_cap_modules"),
                P("shipments.buyer_share"),
                P("shipments.deployment_lag_months")) { BuyerCapChips = Optional("shipments.buyer_cap_chips") },
            new EconomicsSpec(P("economics.price_per_chip_usd"), P("economics.export_fee_rate"), P("economics.fee_pass_through"), P("economics.usd_cny"))
            {
                ValueOverLife = DealKeys.ValueOverLife(root),
            },
            new ComputeSpec(P("compute.h200_vs_h20"), P("compute.revenue_per_h20e_month_cny"), P("compute.utilization"),
                P("compute.baseline_capacity_cover"), P("compute.baseline_capacity_growth_yoy")),
            new RevenueSpec(root["revenue"]!.Month("base_month")!.Value, P("revenue.base_quarter_cny_bn"), P("revenue.ai_share"),
                P("revenue.non_ai_growth_yoy"), P("revenue.ai_demand_growth_yoy"), P("revenue.gross_margin"))
            {
                Seasonality = DealKeys.Seasonality(root),
                QuarterNoise = DealKeys.QuarterNoise(root),
            })
        {
            Valuation = DealKeys.Valuation(root),
            Correlations = [.. (root["correlations"]?.Items ?? []).Select(Correlation)],
            Targets = [.. (root["targets"]?.Items ?? []).Select(TargetChecks.Build)],
            SourceFiles = sourceFiles,
            Sha256 = sha256,
        };
    }

    private static ActorSpec Actor(CheckedEntry actor, Dictionary<string, Parameter> parameters)
    {
        var a = actor.Node;
        var states = a["states"]!.Entries.Select(s => new StateSpec(
            s.Name,
            s.Node.Text("description"),
            parameters[ParameterPaths.Gate(actor.Name, s.Name)],
            s.Node["final"]?.Value is true));
        var transitions = (a["transitions"]?.Items ?? []).Select(t =>
        {
            var from = t.Text("from")!;
            var to = t.Text("to")!;
            var guards = (t["when"]?.Entries ?? []).Select(g => new Guard(g.Name, (string)g.Node.Value!));
            var monthly = t.WrittenKeys.Contains("monthly") ? parameters[ParameterPaths.Hazard(actor.Name, from, to)] : null;
            return new TransitionSpec(from, to, monthly, t.Month("at"), [.. guards]);
        });
        return new ActorSpec(actor.Name, a.Text("description"), a.Text("initial")!, [.. states], [.. transitions]);
    }

    private static CorrelationSpec Correlation(CheckedNode c)
    {
        var between = c["between"]!.Items;
        return new CorrelationSpec((string)between[0].Value!, (string)between[1].Value!, (double)c["rho"]!.Value!, c.Location);
    }
}
