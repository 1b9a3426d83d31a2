using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Tests.Scenarios;

/// <summary>The shipped scenarios load without warnings, follow the house conventions and mean what their comments say.</summary>
public sealed class ShippedScenarioConventionTests
{
    private const ulong SharedSeed = 20251223;

    public static TheoryData<string> Files() => new(FileNames());

    private static IEnumerable<string> FileNames() =>
        Directory.GetFiles(RepoRoot.Scenarios, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    [Fact]
    public void The_base_scenario_and_at_least_five_variants_are_shipped()
    {
        var names = FileNames().ToList();

        Assert.Contains("base.yaml", names);
        foreach (var variant in new[] { "beijing-blocks.yaml", "washington-reverses.yaml", "fast-approval.yaml", "fee-raised.yaml", "as-of-2026-01.yaml" })
            Assert.Contains(variant, names);
    }

    [Fact]
    public void The_speed_yardstick_is_the_first_wave_base_with_none_of_the_second_wave_keys()
    {
        var path = Path.Combine(RepoRoot.Scenarios, "bench", "base-first-wave.yaml");
        var result = ScenarioLoader.Load(path, strict: true);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var s = result.Scenario!;
        Assert.Equal("base-first-wave", s.Name);
        Assert.Null(s.History);
        Assert.Null(s.Shipments.BuyerCapChips);
        Assert.Null(s.Revenue.Seasonality);
        Assert.Null(s.Revenue.QuarterNoise);
        Assert.Null(s.Economics.ValueOverLife);
        Assert.Null(s.Valuation);
        Assert.Empty(s.Targets);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_shipped_scenario_loads_without_warnings_even_when_strict(string file)
    {
        var result = ScenarioLoader.Load(Path.Combine(RepoRoot.Scenarios, file), strict: true);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_shipped_scenario_is_named_after_its_file_and_described(string file)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepoRoot.Scenarios, file)).Scenario!;

        Assert.Equal(Path.GetFileNameWithoutExtension(file), scenario.Name);
        Assert.False(string.IsNullOrWhiteSpace(scenario.Description));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_shipped_scenario_shares_the_seed_and_ends_on_a_fiscal_quarter(string file)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepoRoot.Scenarios, file)).Scenario!;
        var last = scenario.Calendar.Start.AddMonths(scenario.Calendar.Months - 1);

        Assert.Equal(SharedSeed, scenario.Simulation.Seed);
        // Fiscal quarters end in March, June, September and December.
        Assert.Equal(0, last.MonthOfYear % 3);
        Assert.True(scenario.Shipments.FirstDelivery.CompareTo(scenario.Calendar.Start) >= 0, "first delivery before the start");
    }

    [Fact]
    public void The_base_scenario_does_not_make_delivery_before_chinese_new_year_near_certain()
    {
        // Calibrated at ~24% (base.yaml comments). 4,000 trials: se = sqrt(0.24 x 0.76 / 4000) ~ 0.007,
        // so the band 0.15-0.35 is more than 12 standard errors either side: only a recalibration fails it.
        var p = Run("base.yaml", 4000).Column(MetricNames.DeliveredByDeadline)!.Values.Average();

        Assert.InRange(p, 0.15, 0.35);
    }

    [Fact]
    public void Raising_the_fee_changes_only_the_fee_and_cost_trial_for_trial()
    {
        var baseline = Run("base.yaml", 2000);
        var raised = Run("fee-raised.yaml", 2000);

        foreach (var name in new[] { MetricNames.ChipsDelivered, MetricNames.IncrementalRevenueCnyBn, MetricNames.DeliveredByDeadline })
            Assert.Equal(baseline.Column(name)!.Values, raised.Column(name)!.Values);
        // fee_total_usd = chips x price x rate: the ratio is 0.40 / 0.25 = 1.6 in every trial that shipped.
        var before = baseline.Column(MetricNames.FeeTotalUsd)!.Values;
        var after = raised.Column(MetricNames.FeeTotalUsd)!.Values;
        for (var t = 0; t < before.Length; t++)
            Assert.Equal(before[t] * 1.6, after[t], before[t] * 1e-12);
    }

    [Fact]
    public void When_beijing_blocks_purchases_nothing_ships_in_any_trial()
    {
        var result = Run("beijing-blocks.yaml", 2000);

        Assert.All(result.Column(MetricNames.ChipsShipped)!.Values, chips => Assert.Equal(0, chips));
        Assert.All(result.Column(MetricNames.IncrementalRevenueCnyBn)!.Values, revenue => Assert.Equal(0, revenue));
    }

    [Fact]
    public void When_washington_reverses_it_ends_every_trial_with_the_ban_reinstated()
    {
        var result = Run("washington-reverses.yaml", 2000);
        var final = result.Categorical.Single(c => c.Name == MetricNames.ActorFinal("washington"));
        var reinstated = (byte)final.Categories.IndexOf("reinstated");

        Assert.All(final.Codes, code => Assert.Equal(reinstated, code));
    }

    private static SimulationResult Run(string file, long trials)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepoRoot.Scenarios, file)).Scenario!;
        return SimulationEngine.Run(scenario, new RunOptions { Trials = trials, Seed = scenario.Simulation.Seed, Threads = 1 });
    }
}
