using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Scenarios;

/// <summary>
/// Regression tests of the fuzz and fault campaign (issue 15): each is named after what broke. A scenario file is
/// untrusted input (reviewers run chipsim on files from pull requests).
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Diagnostic OnlyError(ScenarioLoadResult result)
    {
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors);
    }

    private string Child(string extends) => _dir.Write("child.yaml", $"extends: {extends}\nname: child\n");

    [Theory]
    [InlineData("/dev/zero", "a character device")]
    [InlineData("/dev/urandom", "a character device")]
    public void A_device_is_refused_before_anything_is_read(string device, string kind)
    {
        var d = OnlyError(ScenarioLoader.Load(device));

        Assert.Equal($"{device}: {device} is not a regular file ({kind}); chipsim reads only regular files", d.ToString());
    }

    [Fact]
    public void Extends_of_dev_zero_is_refused_as_not_a_yaml_file_without_reading_it()
    {
        var d = OnlyError(ScenarioLoader.Load(Child("/dev/zero")));

        Assert.Equal("extends", d.KeyPath);
        Assert.Contains("ending in .yaml or .yml", d.Message);
    }

    [Fact]
    public void A_fifo_is_refused_instead_of_hanging_the_read()
    {
        var fifo = Path.Combine(_dir.Path, "pipe.yaml");
        if (!Fifo.TryCreate(fifo)) return;

        var direct = OnlyError(ScenarioLoader.Load(fifo));
        var extended = OnlyError(ScenarioLoader.Load(Child("pipe.yaml")));

        Assert.Contains("is not a regular file (a FIFO)", direct.Message);
        Assert.Contains("is not a regular file (a FIFO)", extended.Message);
        Assert.Equal("extends", extended.KeyPath);
    }

    [Fact]
    public void A_procfs_file_that_reports_no_size_is_refused()
    {
        if (!File.Exists("/proc/self/status")) return; // Linux only
        var d = OnlyError(ScenarioLoader.Load("/proc/self/status"));

        Assert.Contains("reports a size of 0 bytes yet has content", d.Message);
    }

    [Fact]
    public void Extends_up_and_out_of_the_scenario_folder_is_refused_and_nothing_of_the_target_is_read()
    {
        var outside = Path.Combine(Path.GetTempPath(), "chipsim-outside-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(outside, "secret_token: hunter2-abcdef\n");
        try
        {
            var relative = Path.GetRelativePath(_dir.Path, outside);
            var d = OnlyError(ScenarioLoader.Load(Child(relative)));

            Assert.Equal("extends", d.KeyPath);
            Assert.Contains("is outside", d.Message);
            Assert.Contains("--allow-extends-outside", d.Message);
            Assert.DoesNotContain("hunter2", d.ToString());
            Assert.DoesNotContain("secret_token", d.ToString());
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void Extends_of_etc_shadow_is_refused_without_quoting_a_line_of_it()
    {
        var d = OnlyError(ScenarioLoader.Load(Child("../../../../../../../../etc/shadow")));

        Assert.Contains("ending in .yaml or .yml", d.Message);
        Assert.DoesNotContain("root", d.Message);
    }

    [Fact]
    public void Extends_through_a_symbolic_link_that_leaves_the_folder_is_refused()
    {
        var outside = Directory.CreateTempSubdirectory("chipsim-outside-");
        try
        {
            File.WriteAllText(Path.Combine(outside.FullName, "base.yaml"), "name: x\n");
            Directory.CreateSymbolicLink(Path.Combine(_dir.Path, "shared"), outside.FullName);

            var d = OnlyError(ScenarioLoader.Load(Child("shared/base.yaml")));

            Assert.Contains("is outside", d.Message);
        }
        finally
        {
            outside.Delete(recursive: true);
        }
    }

    [Fact]
    public void Allow_extends_outside_lets_a_scenario_extend_the_shipped_base_by_absolute_path()
    {
        var child = Child(Path.Combine(RepoRoot.Scenarios, "base.yaml"));

        Assert.Contains("is outside", OnlyError(ScenarioLoader.Load(child)).Message);
        Assert.True(ScenarioLoader.Load(child, allowExtendsOutside: true).Succeeded);
    }

    [Fact]
    public void A_secret_looking_value_of_a_known_key_is_not_quoted_in_its_message()
    {
        _dir.Write("lib.yaml", "name: \"sk_live_0123456789 abcdef\"\n");
        var child = _dir.Write("child.yaml", "extends: lib.yaml\n");

        var result = ScenarioLoader.Load(child);

        Assert.False(result.Succeeded);
        Assert.All(result.Diagnostics, d => Assert.DoesNotContain("sk_live", d.ToString()));
        Assert.Contains(result.Diagnostics, d => d.KeyPath == "name" && d.Message.Contains("a quoted string of 25 characters"));
    }

    [Fact]
    public void A_key_with_terminal_escapes_and_bidi_overrides_is_escaped_in_its_message()
    {
        var d = Assert.Single(ScenarioLoader.LoadText(ScenarioTexts.SpecExample + "\"\u001b]0;pwned\u0007\u202ekey\": 1\n", "evil.yaml").Errors);

        Assert.DoesNotContain('\u001b', d.ToString());
        Assert.DoesNotContain('\u202e', d.ToString());
        Assert.Contains("\\u001B]0;pwned\\u0007\\u202Ekey", d.ToString());
    }

    [Fact]
    public void Trials_above_the_engine_bound_fail_validation_instead_of_crashing_the_run()
    {
        var text = ScenarioTexts.SpecExample.Replace("trials: 100000", "trials: 2147483592");
        Assert.NotEqual(ScenarioTexts.SpecExample, text);

        var d = OnlyError(ScenarioLoader.LoadText(text, "big.yaml"));

        Assert.Equal("simulation.trials", d.KeyPath);
        Assert.Equal($"expected a whole number from 1 to {TrialLimits.Max} (got 2147483592)", d.Message);
        Assert.Equal(Array.MaxLength, TrialLimits.Max);
    }

    [Fact]
    public void Two_hazards_on_one_transition_with_correlations_give_the_merge_diagnostic_not_an_exception()
    {
        const string hazard = "      - { from: under_review, to: conditional, monthly: 0.2, when: { washington: licensed } }";
        Assert.Contains(hazard, ScenarioTexts.EverySection);
        var text = ScenarioTexts.EverySection.Replace(hazard, hazard + "\n" + hazard);

        var d = OnlyError(ScenarioLoader.LoadText(text, "twice.yaml"));

        Assert.Contains("a second hazard from 'under_review' to 'conditional'; merge them", d.Message);
    }

    [Fact]
    public void A_duplicated_nested_key_is_named_by_its_full_path()
    {
        var text = ScenarioTexts.SpecExample.Replace("  months: 25", "  months: 25\n  months: 26");
        Assert.NotEqual(ScenarioTexts.SpecExample, text);

        var d = OnlyError(ScenarioLoader.LoadText(text, "dup.yaml"));

        Assert.Equal("calendar.months", d.KeyPath);
    }

    [Fact]
    public void A_flow_mapping_broken_across_lines_is_a_syntax_error_at_the_break_without_a_dotnet_type_name()
    {
        var d = OnlyError(ScenarioLoader.LoadText("a: { b: c\nd }\n", "syntax.yaml"));

        Assert.Equal(new SourceLocation("syntax.yaml", 1, 10), d.Location);
        Assert.DoesNotContain("Exception", d.Message);
    }

    [Theory]
    [InlineData("usd_cny: 7.05", "usd_cny: 1e-400", "economics.usd_cny", "would be read as 0")]
    [InlineData("price_per_chip_usd: { dist: pert, min: 25000, mode: 32000, max: 40000 }", "price_per_chip_usd: 1e308", "economics.price_per_chip_usd", "must be at most 10000000")]
    [InlineData("initial_modules: { dist: uniform-int, min: 5000, max: 10000 }", "initial_modules: 1e300", "shipments.initial_modules", "must be at most 1000000000")]
    [InlineData("baseline_capacity_growth_yoy: 0.6", "baseline_capacity_growth_yoy: 1e300", "compute.baseline_capacity_growth_yoy", "must be at most 100")]
    [InlineData("gross_margin: 0.35", "gross_margin: -1e308", "revenue.gross_margin", "must be at least -100")]
    [InlineData("usd_cny: 7.05", "usd_cny: 0", "economics.usd_cny", "must be > 0 (got 0)")]
    [InlineData("usd_cny: 7.05", "usd_cny: 1e-9", "economics.usd_cny", "must be at least 0.0001, a limit that keeps every result finite (got 1E-09)")]
    [InlineData("gross_margin: 0.35", "seasonality: { q1: 1e308, q2: 1, q3: 1, q4: 1 }\n  gross_margin: 0.35", "revenue.seasonality.q1", "must be at most 1000000, a limit that keeps every result finite")]
    [InlineData("gross_margin: 0.35", "quarter_noise: { sd: 50, rho: 0.5 }\n  gross_margin: 0.35", "revenue.quarter_noise.sd", "must be at most 5, a limit that keeps every result finite (got 50)")]
    [InlineData("base_month: 2025-08", "base_month: 0001-01", "revenue.base_month", "at most 120 months before calendar.start")]
    [InlineData("ai_demand_growth_yoy: { dist: lognormal, mean: 1.3, sd: 0.3 }", "ai_demand_growth_yoy: { dist: lognormal, mean: 1.3, sd: 1e10 }", "revenue.ai_demand_growth_yoy", "this lognormal reaches")]
    public void A_value_that_would_make_a_result_non_finite_is_a_positioned_error(string from, string to, string keyPath, string message)
    {
        var text = ScenarioTexts.SpecExample.Replace(from, to);
        Assert.NotEqual(ScenarioTexts.SpecExample, text);

        var d = OnlyError(ScenarioLoader.LoadText(text, "values.yaml"));

        Assert.Equal(keyPath, d.KeyPath);
        Assert.Equal(ScenarioTexts.LineOf(text, to.Split('\n')[0]), d.Location.Line);
        Assert.Contains(message, d.Message);
    }

    /// <summary>The shipped base with every guarded parameter at its limit, over the longest horizon allowed.</summary>
    private static string AtTheLimits(double growth, double usdCny = 1e4) => $$"""
        extends: {{Path.Combine(RepoRoot.Scenarios, "base.yaml")}}
        name: limits
        calendar: { start: 2025-12, months: 1200 }
        economics: { price_per_chip_usd: 1e7, usd_cny: {{usdCny}}, export_fee_rate: 100, useful_life_months: 1200, discount_rate_yoy: 0 }
        compute: { baseline_capacity_cover: 1e6, h200_vs_h20: 1e4, revenue_per_h20e_month_cny: 1e9, baseline_capacity_growth_yoy: {{growth}} }
        revenue: { base_quarter_cny_bn: 1e6, base_month: 2015-12, non_ai_growth_yoy: {{growth}}, ai_demand_growth_yoy: {{growth}}, gross_margin: -100,
                   seasonality: { q1: 1e6, q2: 1e6, q3: 1e6, q4: 1e6 }, quarter_noise: { sd: 5, rho: 1 } }
        valuation: { ads_outstanding_bn: 1e-3 }
        shipments: { initial_modules: 1e9, follow_on_modules_per_month: 1e9, chips_per_module: 1e4, supply_cap_modules: 1e9 }
        """;

    [Fact]
    public void A_growth_rate_that_compounds_past_1e60_over_the_horizon_is_an_error_at_its_key()
    {
        // Before: growth 100 over 110 years validated and summary.json held "sd": "Infinity".
        var result = ScenarioLoader.LoadText(AtTheLimits(100), Path.Combine(_dir.Path, "limits.yaml"), allowExtendsOutside: true);

        Assert.Equal(
            ["compute.baseline_capacity_growth_yoy", "revenue.non_ai_growth_yoy", "revenue.ai_demand_growth_yoy"],
            result.Errors.Select(e => e.KeyPath));
        Assert.All(result.Errors, e => Assert.Contains("compounds to more than 1e60 over the 110 years", e.Message));
    }

    [Theory]
    [InlineData(1e4)]
    [InlineData(1e-4)] // per-share values in USD divide by the rate: its smallest value
    public void A_scenario_at_every_limit_gives_a_summary_without_infinity_or_nan(double usdCny)
    {
        // 3.5^110 = 1e60: the largest growth this horizon allows, with every other guard at its limit too.
        var result = ScenarioLoader.LoadText(AtTheLimits(2.5, usdCny), Path.Combine(_dir.Path, "limits.yaml"), allowExtendsOutside: true);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var run = Alibaba.ChipSim.Engine.SimulationEngine.Run(result.Scenario, new Alibaba.ChipSim.Engine.RunOptions { Trials = 200, Seed = 3 });
        var json = Alibaba.ChipSim.Output.SummaryJsonWriter.ToJson(Alibaba.ChipSim.Statistics.SummaryBuilder.Build(run));

        Assert.DoesNotContain("Infinity", json);
        Assert.DoesNotContain("NaN", json);
        Assert.All(run.Numeric, c => Assert.All(c.Values, v => Assert.False(double.IsInfinity(v), c.Name)));
    }

    [Fact]
    public void An_empty_scenario_path_is_an_error_not_the_embedded_base()
    {
        var d = OnlyError(ScenarioLoader.Load(""));

        Assert.Equal("(empty path): the scenario path is empty; give a scenario file, e.g. scenarios/base.yaml", d.ToString());
    }
}
