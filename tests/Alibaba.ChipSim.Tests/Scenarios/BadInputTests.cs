using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Tests.Scenarios;

/// <summary>
/// Table-driven: each case makes one edit to the example of docs/scenario-format.md#a-complete-example and names the one error it must
/// cause: where (the first occurrence of <see cref="BadInput.At"/> in the edited text gives the
/// exact line and column), which key, and what the message says.
/// </summary>
public sealed class BadInputTests
{
    public sealed record BadInput(string Name, string From, string To, string At, string KeyPath, string Message)
    {
        public override string ToString() => Name;
    }

    private const string Lag = "deployment_lag_months: { dist: discrete, values: [1, 2, 3], weights: [0.3, 0.5, 0.2] }";
    private const string Share = "buyer_share: { dist: pert, min: 0.2, mode: 0.35, max: 0.5 }";
    private const string Growth = "non_ai_growth_yoy: { dist: normal, mean: 0.12, sd: 0.04, low: -0.5 }";
    private const string AiGrowth = "ai_demand_growth_yoy: { dist: lognormal, mean: 1.3, sd: 0.3 }";
    private const string Guarded = "{ from: under_review, to: conditional, monthly: 0.2, when: { washington: licensed } }";

    public static readonly BadInput[] Cases =
    [
        new("month 13", "start: 2025-12", "start: 2025-13", "2025-13", "calendar.start", "expected a month YYYY-MM, e.g. 2026-02 (got a text of 7 characters)"),
        new("month without its zero", "start: 2025-12", "start: 2025-2", "2025-2", "calendar.start", "expected a month YYYY-MM, e.g. 2026-02 (got a text of 6 characters)"),
        new("no months", "months: 25", "months: 0", "0\n", "calendar.months", "expected a whole number from 1 to 1200 (got 0)"),
        new("quarters misspelt", "quarters: fiscal ", "quarters: fiscl ", "fiscl", "calendar.quarters", "expected one of fiscal, calendar (got a text of 5 characters) (did you mean 'fiscal'?)"),
        new("negative trials", "trials: 100000", "trials: -5", "-5", "simulation.trials", "expected a whole number from 1 to 2147483591 (got -5)"),
        new("fractional seed", "seed: 20251223", "seed: 1.5", "1.5", "simulation.seed", "expected a whole number from 0 to 18446744073709551615 (got 1.5)"),
        new("seed beyond 64 bits", "seed: 20251223", "seed: 99999999999999999999999", "99999999999999999999999", "simulation.seed", "expected a whole number from 0 to 18446744073709551615"),
        new("sampling misspelt", "sampling: monte-carlo ", "sampling: monte-carl ", "monte-carl", "simulation.sampling", "(did you mean 'monte-carlo'?)"),
        new("unknown key with a hint", "  seed: 20251223", "  seed: 20251223\n  seeds: 3", "seeds", "simulation.seeds", "unknown key 'seeds' (did you mean 'seed'?)"),
        new("missing required key", "  usd_cny: 7.05\n", "", "price_per_chip_usd", "economics.usd_cny", "missing required key 'usd_cny'"),
        new("gate above one", "rescinded:  { gate: 0,", "rescinded:  { gate: 1.5,", "1.5", "actors.washington.states.rescinded.gate", "must be in [0, 1] (got 1.5)"),
        new("untruncated normal gate", "conditional:  { gate: { dist: uniform, min: 0.3, max: 0.7 } }", "conditional:  { gate: { dist: normal, mean: 0.5, sd: 0.1 } }", "{ dist: normal", "actors.beijing.states.conditional.gate", "must be in [0, 1], but this normal takes values in [-inf, inf]; truncate it with low/high"),
        new("undefined initial state", "initial: rescinded", "initial: rescind", "rescind\n", "actors.washington.initial", "initial state 'rescind' is not a state of washington (did you mean 'rescinded'?)"),
        new("transition to an undefined state", "to: suspended, monthly: 0.03", "to: suspendid, monthly: 0.03", "suspendid", "actors.washington.transitions[2].to", "transition to 'suspendid', which is not a state of washington (did you mean 'suspended'?)"),
        new("transition from an undefined state", "{ from: suspended, to: licensed", "{ from: paused, to: licensed", "paused", "actors.washington.transitions[3].from", "transition from 'paused', which is not a state of washington; expected one of rescinded, licensed, suspended, reinstated"),
        new("transition out of a final state", "      - { from: suspended, to: reinstated, monthly: 0.1 }", "      - { from: suspended, to: reinstated, monthly: 0.1 }\n      - { from: reinstated, to: licensed, monthly: 0.1 }", "reinstated, to: licensed", "actors.washington.transitions[5].from", "'reinstated' is final (absorbing): no transition may leave it"),
        new("transition to itself", "{ from: discouraged, to: banned, monthly: 0.05 }", "{ from: discouraged, to: discouraged, monthly: 0.05 }", "{ from: discouraged, to: discouraged", "actors.beijing.transitions[4]", "a transition from a state to itself ('discouraged' -> 'discouraged')"),
        new("both monthly and at", "{ from: discouraged, to: conditional, at: 2026-09 }", "{ from: discouraged, to: conditional, at: 2026-09, monthly: 0.1 }", "{ from: discouraged, to: conditional", "actors.beijing.transitions[3]", "has both 'monthly' (a hazard) and 'at' (a scheduled month)"),
        new("neither monthly nor at", "{ from: discouraged, to: conditional, at: 2026-09 }", "{ from: discouraged, to: conditional }", "{ from: discouraged, to: conditional", "actors.beijing.transitions[3]", "needs 'monthly' (a hazard probability) or 'at' (a scheduled month YYYY-MM)"),
        new("two scheduled transitions in one month", "{ from: discouraged, to: banned, monthly: 0.05 }", "{ from: discouraged, at: 2026-09, to: banned }", "2026-09, to: banned", "actors.beijing.transitions[4].at", "a second scheduled transition leaving 'discouraged' in 2026-09 (the first is actors.beijing.transitions[3])"),
        new("hazards above one", "to: licensed, monthly: 0.4 }", "to: licensed, monthly: 0.99 }", "{ from: rescinded, to: licensed", "actors.washington.transitions", "the monthly probabilities leaving 'rescinded' sum to 1.01 at their upper ends (licensed 0.99, reinstated 0.02); they must sum to <= 1"),
        new("hazard distributions above one at their upper ends", "to: licensed, monthly: 0.4 }", "to: licensed, monthly: { dist: uniform, min: 0.5, max: 0.99 } }", "{ from: rescinded, to: licensed", "actors.washington.transitions", "sum to 1.01 at their upper ends (licensed 0.99, reinstated 0.02)"),
        new("unbounded hazard", "to: licensed, monthly: 0.4 }", "to: licensed, monthly: { dist: normal, mean: 0.4, sd: 0.1 } }", "{ dist: normal", "actors.washington.transitions[0].monthly", "must be in [0, 1], but this normal takes values in [-inf, inf]"),
        new("guard on an undefined actor", "when: { washington: licensed }", "when: { washingtn: licensed }", "washingtn", "actors.beijing.transitions[1].when.washingtn", "guard on 'washingtn', which is not an actor (did you mean 'washington'?)"),
        new("guard on an undefined state", "when: { washington: licensed }", "when: { washington: licenced }", "licenced", "actors.beijing.transitions[1].when.washington", "guard on washington being in 'licenced', which is not a state of washington (did you mean 'licensed'?)"),
        new("guard on the actor's own state", Guarded, "{ from: under_review, to: conditional, monthly: 0.2, when: { beijing: approved } }", "beijing: approved", "actors.beijing.transitions[1].when.beijing", "a guard on beijing's own state"),
        new("invalid state name", "      licensed:   { gate: 1 }", "      licensed:   { gate: 1 }\n      On_Hold: { gate: 0 }", "On_Hold", "actors.washington.states.On_Hold", "'On_Hold' is not a valid name: use lower-case letters, digits and '_', starting with a letter"),
        new("uniform-int min above max", "{ dist: uniform-int, min: 5000, max: 10000 }", "{ dist: uniform-int, min: 10000, max: 5000 }", "{ dist: uniform-int", "shipments.initial_modules", "uniform-int needs min <= max (got min 10000, max 5000)"),
        new("uniform-int fractional bound", "{ dist: uniform-int, min: 5000, max: 10000 }", "{ dist: uniform-int, min: 5000.5, max: 10000 }", "{ dist: uniform-int", "shipments.initial_modules", "uniform-int needs whole-number bounds within ±2^53 (got min 5000.5)"),
        new("triangular mode outside", "{ dist: triangular, min: 0, mode: 1500, max: 4000 }", "{ dist: triangular, min: 0, mode: 5000, max: 4000 }", "{ dist: triangular", "shipments.follow_on_modules_per_month", "triangular needs min <= mode <= max (got min 0, mode 5000, max 4000)"),
        new("pert mode outside", Share, "buyer_share: { dist: pert, min: 0.2, mode: 0.1, max: 0.5 }", "{ dist: pert, min: 0.2", "shipments.buyer_share", "pert needs min <= mode <= max (got min 0.2, mode 0.1, max 0.5)"),
        new("pert lambda not positive", Share, "buyer_share: { dist: pert, min: 0.2, mode: 0.35, max: 0.5, lambda: 0 }", "{ dist: pert, min: 0.2", "shipments.buyer_share", "pert needs lambda > 0 (got lambda 0)"),
        new("normal sd zero", Growth, "non_ai_growth_yoy: { dist: normal, mean: 0.12, sd: 0, low: -0.5 }", "{ dist: normal", "revenue.non_ai_growth_yoy", "normal needs sd > 0 (got sd 0)"),
        new("lognormal half of a pair", AiGrowth, "ai_demand_growth_yoy: { dist: lognormal, mean: 1.3 }", "{ dist: lognormal", "revenue.ai_demand_growth_yoy", "lognormal needs 'sd'"),
        new("lognormal with neither pair", AiGrowth, "ai_demand_growth_yoy: { dist: lognormal }", "{ dist: lognormal", "revenue.ai_demand_growth_yoy", "lognormal needs mean and sd or mu and sigma"),
        new("lognormal with both pairs", AiGrowth, "ai_demand_growth_yoy: { dist: lognormal, mean: 1.3, sd: 0.3, mu: 0.2, sigma: 0.1 }", "{ dist: lognormal", "revenue.ai_demand_growth_yoy", "lognormal takes either mean/sd or mu/sigma, not both"),
        new("lognormal mean not positive", AiGrowth, "ai_demand_growth_yoy: { dist: lognormal, mean: 0, sd: 0.3 }", "{ dist: lognormal", "revenue.ai_demand_growth_yoy", "lognormal needs mean > 0 (got mean 0)"),
        new("beta alpha not positive", "{ dist: beta, alpha: 8, beta: 2 }", "{ dist: beta, alpha: -1, beta: 2 }", "{ dist: beta", "compute.utilization", "beta needs alpha > 0 (got alpha -1)"),
        new("bernoulli probability above one", Lag, "deployment_lag_months: { dist: bernoulli, p: 1.5 }", "{ dist: bernoulli", "shipments.deployment_lag_months", "bernoulli needs p in [0, 1] (got p 1.5)"),
        new("negative weight", Lag, "deployment_lag_months: { dist: discrete, values: [1, 2, 3], weights: [0.3, -0.5, 0.2] }", "{ dist: discrete", "shipments.deployment_lag_months", "discrete needs weights >= 0 (got weights[1] -0.5)"),
        new("no positive weight", Lag, "deployment_lag_months: { dist: discrete, values: [1, 2, 3], weights: [0, 0, 0] }", "{ dist: discrete", "shipments.deployment_lag_months", "discrete needs at least one positive weight (got none)"),
        new("weights and values of different lengths", Lag, "deployment_lag_months: { dist: discrete, values: [1, 2, 3], weights: [0.5, 0.5] }", "{ dist: discrete", "shipments.deployment_lag_months", "discrete needs one weight per value (got 3 values, 2 weights)"),
        new("fractional lag", Lag, "deployment_lag_months: { dist: discrete, values: [1, 2.5], weights: [0.5, 0.5] }", "{ dist: discrete", "shipments.deployment_lag_months", "needs whole numbers: a whole constant, uniform-int, bernoulli, or discrete with whole values (got discrete with a fractional value)"),
        new("truncated discrete", Lag, "deployment_lag_months: { dist: discrete, values: [1, 2], weights: [0.5, 0.5], low: 1 }", "low: 1", "shipments.deployment_lag_months.low", "truncation (low/high) applies to continuous distributions only, and discrete is not one"),
        new("truncation low above high", Growth, "non_ai_growth_yoy: { dist: normal, mean: 0.12, sd: 0.04, low: 0.5, high: 0.1 }", "{ dist: normal", "revenue.non_ai_growth_yoy", "truncation needs low < high (got low 0.5, high 0.1)"),
        new("truncation to an interval of probability zero", Growth, "non_ai_growth_yoy: { dist: normal, mean: 0.12, sd: 0.04, low: 5 }", "{ dist: normal", "revenue.non_ai_growth_yoy", "this normal has probability 0 (or too little to sample) in the truncation interval [5, inf]"),
        new("pert too extreme to sample", Share, "buyer_share: { dist: pert, min: 0, mode: 1, max: 1, lambda: 1e308 }", "{ dist: pert, min: 0,", "shipments.buyer_share", "this pert cannot be sampled: its arguments are too extreme for finite quantiles (got min 0, mode 1, max 1, lambda 1E+308); choose more moderate values"),
        new("unknown distribution", "{ dist: beta, alpha: 8, beta: 2 }", "{ dist: betta, alpha: 8, beta: 2 }", "betta", "compute.utilization.dist", "unknown distribution (a text of 5 characters) (did you mean 'beta'?)"),
        new("distribution without dist", Share, "buyer_share: { min: 0.2, max: 0.5 }", "{ min: 0.2", "shipments.buyer_share", "a distribution needs 'dist:'"),
        new("unknown distribution argument", Share, "buyer_share: { dist: pert, min: 0.2, mod: 0.35, max: 0.5 }", "mod:", "shipments.buyer_share.mod", "pert takes no 'mod' (did you mean 'mode'?)"),
        new("untruncated normal share", Share, "buyer_share: { dist: normal, mean: 0.3, sd: 0.05 }", "{ dist: normal, mean: 0.3", "shipments.buyer_share", "must be in [0, 1], but this normal takes values in [-inf, inf]"),
        new("growth rate reaching minus one", "baseline_capacity_growth_yoy: 0.6", "baseline_capacity_growth_yoy: { dist: uniform, min: -1, max: 0.5 }", "{ dist: uniform, min: -1", "compute.baseline_capacity_growth_yoy", "must be > -1, but this uniform takes values in [-1, 0.5]; choose bounds inside it"),
        new("gross margin above one", "gross_margin: 0.35", "gross_margin: 1.2", "1.2", "revenue.gross_margin", "must be <= 1 (got 1.2)"),
        new("negative price", "{ dist: pert, min: 25000, mode: 32000, max: 40000 }", "-25000", "-25000", "economics.price_per_chip_usd", "must be >= 0 (got -25000)"),
        new("base month after the start", "base_month: 2025-08", "base_month: 2026-01", "2026-01", "revenue.base_month", "base_month must be on or before calendar.start (got base_month 2026-01, start 2025-12)"),
        new("fractional module count", "chips_per_module: 8", "chips_per_module: 7.5", "7.5", "shipments.chips_per_module", "must be a whole number (got 7.5)"),
        new("text for a number", "usd_cny: 7.05", "usd_cny: seven", "seven", "economics.usd_cny", "expected a number or a distribution such as { dist: uniform, min: 0.2, max: 0.5 } (got a text of 5 characters)"),
        new("quoted number", "usd_cny: 7.05", "usd_cny: \"7.05\"", "\"7.05\"", "economics.usd_cny", "(got a quoted string of 4 characters)"),
        new("number beyond double range", "revenue_per_h20e_month_cny: 9000", "revenue_per_h20e_month_cny: 1e999", "1e999", "compute.revenue_per_h20e_month_cny", "expected a finite number: at most 1.8e308 in size, and 0 or at least 4.9e-324 (a smaller one would be read as 0; write 0) (got 1e999)"),
        new("list for a section", "economics:\n  price_per_chip_usd: { dist: pert, min: 25000, mode: 32000, max: 40000 }\n  export_fee_rate: 0.25\n  fee_pass_through: { dist: uniform, min: 0.5, max: 1.0 }\n  usd_cny: 7.05", "economics: [1, 2]", "[1, 2]", "economics", "expected a mapping with keys price_per_chip_usd, export_fee_rate, fee_pass_through, usd_cny, useful_life_months, discount_rate_yoy (got a list)"),
        new("empty value", "h200_vs_h20: { dist: triangular, min: 4, mode: 6, max: 7 }", "h200_vs_h20:", "h200_vs_h20", "compute.h200_vs_h20", "has no value; expected a number or a distribution"),
        new("duplicate key", "  usd_cny: 7.05", "  usd_cny: 7.05\n  usd_cny: 7.1", "usd_cny: 7.1", "economics.usd_cny", "duplicate key 'usd_cny' (first written at line"),
        new("scenario name with a space", "name: example", "name: my example", "my example", "name", "is not a valid name (got a text of 10 characters)"),
        new("scenario name longer than a folder name may be", "name: example", "name: " + new string('n', 300), "nnnn", "name", "is too long (300 characters; at most 100)"),
        new("correlation of an unknown parameter", "  gross_margin: 0.35", "  gross_margin: 0.35\ncorrelations:\n  - { between: [economics.price_per_chip, shipments.buyer_share], rho: 0.5 }", "economics.price_per_chip,", "correlations[0].between[0]",
            "'economics.price_per_chip' is not a parameter of this scenario (did you mean 'economics.price_per_chip_usd'?)"),
        new("correlation of a constant", "  gross_margin: 0.35", "  gross_margin: 0.35\ncorrelations:\n  - { between: [economics.usd_cny, shipments.buyer_share], rho: 0.5 }", "economics.usd_cny,", "correlations[0].between[0]", "'economics.usd_cny' is a constant in this scenario"),
        new("correlation with itself", "  gross_margin: 0.35", "  gross_margin: 0.35\ncorrelations:\n  - { between: [shipments.buyer_share, shipments.buyer_share], rho: 0.5 }", "[shipments.buyer_share, shipments", "correlations[0].between", "correlates 'shipments.buyer_share' with itself"),
        new("correlation pair twice", "  gross_margin: 0.35", "  gross_margin: 0.35\ncorrelations:\n  - { between: [shipments.buyer_share, compute.utilization], rho: 0.5 }\n  - { between: [compute.utilization, shipments.buyer_share], rho: 0.2 }", "[compute.utilization, shipments.buyer_share]", "correlations[1].between", "'compute.utilization' and 'shipments.buyer_share' are already correlated at correlations[0]"),
        new("correlation rho outside", "  gross_margin: 0.35", "  gross_margin: 0.35\ncorrelations:\n  - { between: [shipments.buyer_share, compute.utilization], rho: 1.5 }", "1.5", "correlations[0].rho", "must be in [-1, 1] (got 1.5)"),
        new("correlation of a hazard by its stream path", "  gross_margin: 0.35", "  gross_margin: 0.35\ncorrelations:\n  - { between: [actors.washington.transitions.rescinded->licensed.monthly, shipments.buyer_share], rho: 0.5 }", "actors.washington.transitions.rescinded", "correlations[0].between[0]", "is a constant in this scenario"),
    ];

    public static TheoryData<BadInput> All() => [.. Cases];

    [Fact]
    public void The_table_has_at_least_thirty_distinct_bad_inputs() =>
        Assert.True(Cases.Select(c => c.To).Distinct().Count() >= 30);

    [Theory]
    [MemberData(nameof(All))]
    public void Each_bad_input_gives_one_error_at_the_exact_place_with_the_key_and_a_clear_message(BadInput c)
    {
        var source = ScenarioTexts.SpecExample;
        Assert.True(CountOf(source, c.From) == 1, $"'{c.From}' must occur exactly once in the example");
        var text = source.Replace(c.From, c.To);
        var (line, column) = Position(text, c.At);

        var result = ScenarioLoader.LoadText(text, "scenarios/mine.yaml");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(new SourceLocation("scenarios/mine.yaml", line, column), error.Location);
        Assert.Equal(c.KeyPath, error.KeyPath);
        Assert.Contains(c.Message, error.Message);
        Assert.Equal($"scenarios/mine.yaml:{line}:{column}: {c.KeyPath}: {error.Message}", error.ToString());
    }

    private static int CountOf(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }

    private static (int Line, int Column) Position(string text, string at)
    {
        var index = text.IndexOf(at, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{at}' not found in the edited text");
        var line = 1 + text.AsSpan(0, index).Count('\n');
        var column = index - (text.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1) + 1;
        return (line, column);
    }
}
