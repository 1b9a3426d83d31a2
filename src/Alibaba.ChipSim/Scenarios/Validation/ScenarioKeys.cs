using System.Collections.Immutable;

namespace Alibaba.ChipSim.Scenarios.Validation;

/// <summary>
/// The scenario format, key by key (docs/scenario-format.md#keys): types, required keys, defaults, domains and
/// descriptions. The single source for validation and for <see cref="ScenarioSchema"/>.
/// </summary>
internal static class ScenarioKeys
{
    public const string NamePattern = "^[a-z][a-z0-9_]*$";
    public const string ScenarioNamePattern = "^[A-Za-z0-9][A-Za-z0-9_.-]*$";

    private static KeySpec Req(KeySpec k) => k with { Required = true };

    private static KeySpec Text(string name, string description) => new(name, ValueKind.Text, description);

    private static KeySpec Month(string name, string description) => new(name, ValueKind.Month, description);

    private static KeySpec Param(string name, Domain domain, string description) =>
        new(name, ValueKind.Parameter, description) { Domain = domain, Required = true };

    private static KeySpec Count(string name, string description) =>
        Param(name, Modules, description) with { WholeNumbers = true };

    // Finite guards (Domain.Cap): far beyond any plausible value, near enough that no product, sum or growth over the
    // longest horizon (1,200 months, base_month up to 120 months earlier) overflows a double. See docs/robustness.md.
    private static readonly Domain Modules = Domain.NonNegative.Within(0, 1e9);
    private static readonly Domain Growth = Domain.GrowthRate.Within(-1, 100);

    private static readonly Domain Positive = new Domain(0, true, double.PositiveInfinity, false).Within(0, 1e6);

    // A rate that results are divided by: positive, and not so small that the quotient overflows.
    private static readonly Domain PositiveRate = new Domain(0, true, double.PositiveInfinity, false).Within(1e-4, 1e4);

    private static KeySpec SeasonKey(string quarter) =>
        new(quarter, ValueKind.Number, $"Factor of the year's {quarter.ToUpperInvariant()}.") { Required = true, Domain = Positive };

    private static KeySpec Section(string name, string description, params KeySpec[] keys) =>
        new(name, ValueKind.Section, description) { Keys = [.. keys], Required = true };

    private static readonly KeySpec StateKey = new("state", ValueKind.Section, "A state of the actor.")
    {
        Keys =
        [
            Param("gate", Domain.UnitInterval, "Share of planned deliveries that may go ahead in a month spent in this state: 1 open, 0 closed, 0.4 a quota. A distribution is drawn once per trial."),
            Text("description", "What this state means."),
            new KeySpec("final", ValueKind.Boolean, "Absorbing: no transition may leave it.") { Default = false },
        ],
    };

    private static readonly KeySpec TransitionKey = new("transition", ValueKind.Section, "A hazard (monthly) or a scheduled transition (at), exactly one of the two.")
    {
        Keys =
        [
            Req(new KeySpec("from", ValueKind.Name, "The state the actor leaves.")),
            Req(new KeySpec("to", ValueKind.Name, "The state the actor enters.")),
            Param("monthly", Domain.UnitInterval, "Hazard: the probability of moving in each month the actor starts in 'from'. A distribution (drawn once per trial) must be bounded.")
                with { Required = false, Bounded = true },
            Month("at", "Scheduled: the month (YYYY-MM) at whose start the actor moves if it is in 'from'."),
            new KeySpec("when", ValueKind.NamedEntries, "Guards: other actors' states at the start of the month, all of which must hold.")
            {
                Item = new KeySpec("state", ValueKind.Name, "The state the other actor must be in."),
            },
            Text("description", "Why this transition, and the source of its numbers."),
        ],
    };

    private static readonly KeySpec ActorKey = new("actor", ValueKind.Section, "A policy actor: a state machine (docs/model.md#policy-actors).")
    {
        Keys =
        [
            Text("description", "What this actor decides."),
            Req(new KeySpec("initial", ValueKind.Name, "The state at the start of calendar.start.")),
            Req(new KeySpec("states", ValueKind.NamedEntries, "The actor's states, by name.") { Item = StateKey, MinItems = 1 }),
            new KeySpec("transitions", ValueKind.List, "Hazards and scheduled transitions between states.") { Item = TransitionKey },
        ],
    };

    private static readonly KeySpec CorrelationKey = new("correlation", ValueKind.Section, "A rank correlation between two uncertain per-trial parameters.")
    {
        Keys =
        [
            Req(new KeySpec("between", ValueKind.List, "The two parameters' paths, e.g. [economics.price_per_chip_usd, shipments.buyer_share].")
            {
                Item = Text("path", "A parameter path."), MinItems = 2, MaxItems = 2,
            }),
            Req(new KeySpec("rho", ValueKind.Number, "Target Spearman rank correlation.") { Domain = Domain.Correlation }),
        ],
    };

    private static readonly KeySpec TargetKey = new("target", ValueKind.Section, "A target probability to report: P(metric < below) or P(metric > above).")
    {
        Keys =
        [
            Req(new KeySpec("metric", ValueKind.Text, "A per-trial metric, e.g. roi, incremental_revenue_cny_bn, cloud_revenue_cny_bn_FY2027Q4.")),
            new KeySpec("below", ValueKind.Number, "Report P(metric < below). Give exactly one of below and above."),
            new KeySpec("above", ValueKind.Number, "Report P(metric > above). Give exactly one of below and above."),
            Text("description", "What the target means (shown beside it)."),
        ],
    };

    public static readonly KeySpec Root = new("scenario", ValueKind.Section, "A chipsim scenario: H200 exports to China and Alibaba's cloud revenue.")
    {
        Keys =
        [
            Req(Text("name", "The scenario's name (outputs go to DIR/<name>/): letters, digits, '_', '.', '-', at most 100 characters.") with { Pattern = ScenarioNamePattern, MaxLength = 100 }),
            Text("description", "One line on what this scenario assumes."),
            Text("extends", "A scenario file (path relative to this one) whose keys this file overrides."),
            Section("calendar", "The simulated months.",
                Req(Month("start", "The first simulated month (YYYY-MM).")),
                new KeySpec("months", ValueKind.Integer, "How many months are simulated.") { Required = true, MinInteger = 1, MaxInteger = 1200 },
                new KeySpec("quarters", ValueKind.Choice, "Quarter naming: fiscal (Alibaba's year ends in March) or calendar.") { Choices = ["fiscal", "calendar"], Default = "fiscal" }),
            Section("simulation", "How many trials and which random numbers.",
                new KeySpec("trials", ValueKind.Integer, "Number of trials (possible histories).") { Required = true, MinInteger = TrialLimits.Min, MaxInteger = Array.MaxLength },
                new KeySpec("seed", ValueKind.Integer, "Random seed: same scenario, seed and trials give the same numbers.") { Required = true, MinInteger = 0, MaxInteger = ulong.MaxValue },
                new KeySpec("sampling", ValueKind.Choice, "monte-carlo or latin-hypercube.") { Choices = ["monte-carlo", "latin-hypercube"], Default = "monte-carlo" }),
            new KeySpec("actors", ValueKind.NamedEntries, "The policy actors (e.g. washington, beijing), by name.") { Item = ActorKey, Required = true, MinItems = 1 },
            Section("shipments", "Deliveries of H200 modules (docs/model.md#shipments).",
                Req(Month("first_delivery", "The month the initial tranche is planned for.")),
                Month("deadline", "delivered_by_deadline is 1 when the initial tranche shipped in a month <= deadline.") with { DefaultNote = "first_delivery" },
                Count("initial_modules", "Modules in the initial tranche."),
                Count("chips_per_module", "Chips per module.") with { Required = false, Default = 8.0, Domain = Domain.NonNegative.Within(0, 1e4) },
                Param("follow_on_modules_per_month", Modules, "Modules per month after the initial tranche, at an open gate."),
                Count("supply_cap_modules", "Modules shipped in all, at most (no cap when absent).") with { Required = false },
                Param("buyer_share", Domain.UnitInterval, "Alibaba's share of the chips shipped to China."),
                Param("deployment_lag_months", Domain.NonNegative.Within(0, 1200), "Months from delivery to online: whole numbers (a whole constant, uniform-int, bernoulli or discrete).") with { WholeNumbers = true },
                Count("buyer_cap_chips", "Alibaba's chips over the whole horizon at most (a per-customer licence cap); the rest of each month still ships to China. No cap when absent.") with { Required = false }),
            Section("economics", "Cost and fee (docs/model.md#cost-and-fee).",
                Param("price_per_chip_usd", Domain.NonNegative.Within(0, 1e7), "Price of one H200 chip, USD."),
                Param("export_fee_rate", Domain.NonNegative.Within(0, 100), "US fee on H200 exports, as a share of the price.") with { Required = false, Default = 0.25 },
                Param("fee_pass_through", Domain.UnitInterval, "Share of the fee the buyer bears through the price.") with { Required = false, Default = 1.0 },
                Param("usd_cny", PositiveRate, "CNY per USD (per-share values in USD divide by it)."),
                new KeySpec("useful_life_months", ValueKind.Integer, "Months each chip earns from the month it comes online, at least calendar.months; with discount_rate_yoy it adds npv_cny_bn, lifetime_roi and payback_month.") { MinInteger = 1, MaxInteger = 1200 },
                new KeySpec("discount_rate_yoy", ValueKind.Number, "Yearly discount rate: month m (0 = calendar.start) is discounted by (1 + r)^(-m/12). Given with useful_life_months.") { Domain = Domain.NonNegative.Within(0, 100) }),
            Section("compute", "Compute capacity in H20-equivalents (docs/model.md#capacity).",
                Param("h200_vs_h20", Domain.NonNegative.Within(0, 1e4), "H20-equivalents of one H200."),
                Param("revenue_per_h20e_month_cny", Domain.NonNegative.Within(0, 1e9), "AI revenue one H20e serves in a month at full utilization, CNY."),
                Param("utilization", Domain.UnitInterval, "Share of H200 capacity that earns revenue."),
                Param("baseline_capacity_cover", Domain.NonNegative.Within(0, 1e6), "Baseline AI capacity as a multiple of the base month's AI demand."),
                Param("baseline_capacity_growth_yoy", Growth, "Yearly growth of baseline AI capacity.")),
            Section("revenue", "Cloud revenue (docs/model.md#revenue).",
                Req(Month("base_month", "The middle month of the last reported quarter; growth counts from it.")),
                Param("base_quarter_cny_bn", Domain.NonNegative.Within(0, 1e6), "Cloud revenue of the last reported quarter, CNY bn."),
                Param("ai_share", Domain.UnitInterval, "AI share of base revenue."),
                Param("non_ai_growth_yoy", Growth, "Yearly growth of non-AI revenue."),
                Param("ai_demand_growth_yoy", Growth, "Yearly growth of AI demand."),
                Param("gross_margin", Domain.AtMostOne.Within(-100, 1), "Gross margin on incremental revenue."),
                Section("seasonality", "Factors per quarter of the year (fiscal Q1 = Apr-Jun, calendar Q1 = Jan-Mar) multiplying each month's non-AI revenue and AI revenue served, with and without H200s. All 1 when absent.",
                    SeasonKey("q1"), SeasonKey("q2"), SeasonKey("q3"), SeasonKey("q4")) with { Required = false },
                Section("quarter_noise", "A multiplicative shock per quarter, mean one: exp(sd e_q - sd^2/2) with e_q = rho e_(q-1) + sqrt(1 - rho^2) z_q, applied to every month of the quarter. None when absent.",
                    new KeySpec("sd", ValueKind.Number, "sd of the log shock.") { Required = true, Domain = Domain.NonNegative.Within(0, 5) },
                    new KeySpec("rho", ValueKind.Number, "Correlation of the log shock from one quarter to the next.") { Required = true, Domain = Domain.Correlation }) with { Required = false }),
            Section("valuation", "The purchase per share.",
                new KeySpec("ads_outstanding_bn", ValueKind.Number, "American depositary shares outstanding, billions; with the value-over-life keys it adds npv_per_ads_usd.") { Required = true, Domain = Positive.Within(1e-3, 1e6) }) with { Required = false },
            new KeySpec("correlations", ValueKind.List, "Rank correlations between uncertain per-trial parameters (by path).") { Item = CorrelationKey },
            new KeySpec("targets", ValueKind.List, "Target probabilities reported with the summary, e.g. - { metric: roi, below: 0.1 }.") { Item = TargetKey },
        ],
    };

    /// <summary>The key specs of plain parameters by dotted path (gates and hazards excluded).</summary>
    public static ImmutableArray<(string Path, KeySpec Spec)> PlainParameters { get; } =
        [.. Root.Keys.Where(s => s.Kind == ValueKind.Section).SelectMany(s => s.Keys.Where(k => k.Kind == ValueKind.Parameter).Select(k => (s.Name + "." + k.Name, k)))];
}
