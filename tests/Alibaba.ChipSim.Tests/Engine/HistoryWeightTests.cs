using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Engine;

/// <summary>Trial weights of a run conditioned on history, against hand-worked factors.</summary>
public sealed class HistoryWeightTests
{
    /// <summary>base.yaml with constant Washington hazards (rescinded → licensed 0.4, → reinstated 0.02; licensed → suspended 0.03).</summary>
    private const string ConstantWashington = """
        name: constant
        extends: base.yaml
        actors:
          washington:
            transitions:
              - { from: rescinded, to: licensed, monthly: 0.4 }
              - { from: rescinded, to: reinstated, monthly: 0.02 }
              - { from: licensed, to: suspended, monthly: 0.03 }
              - { from: suspended, to: licensed, monthly: 0.25 }
              - { from: suspended, to: reinstated, monthly: 0.08 }
        """;

    private static Scenario Load(string yaml)
    {
        var result = ScenarioLoader.LoadText(yaml, Path.Combine(RepoRoot.Scenarios, "constant.yaml"));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Scenario!;
    }

    private static SimulationResult Run(Scenario s, int trials = 2000, ulong seed = 7) =>
        SimulationEngine.Run(s, new RunOptions { Trials = trials, Seed = seed, Threads = 2 });

    [Fact]
    public void A_two_month_observed_path_weighs_every_trial_by_the_product_of_its_step_probabilities()
    {
        var s = Load(ConstantWashington + """

            history:
              as_of: 2026-02
              actors:
                washington:
                  - { from: 2025-12, state: rescinded }
                  - { from: 2026-01, state: licensed }
            """);

        var result = Run(s);

        // Dec 2025: stays rescinded, 1 − (0.4 + 0.02) = 0.58; Jan 2026: rescinded → licensed, 0.4; Feb 2026: stays licensed, 1 − 0.03.
        const double expected = 0.58 * 0.4 * 0.97;
        Assert.All(result.Weights!, w => Assert.Equal(expected, w, 15));
        Assert.All(result.Column("washington_licensed_month")!.Values, m => Assert.Equal(1, m));
    }

    [Fact]
    public void A_schedule_that_contradicts_an_observation_leaves_no_trial_and_the_run_names_the_entry()
    {
        // base.yaml moves Beijing from discouraged back to under_review at 2026-04: discouraged through 2026-06 is impossible.
        var s = Load(ConstantWashington + """

            history:
              as_of: 2026-06
              actors:
                beijing:
                  - { from: 2026-01, state: discouraged }
            """);

        var e = Assert.Throws<NoTrialMatchedException>(() => Run(s));

        Assert.Contains("history.actors.beijing[0] (discouraged from 2026-01 to 2026-06", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the reported quarters' likelihood is 0 in every trial; the reported revenue lies far")]
    [InlineData("  actors:\n    washington:\n      - { from: 2025-12, state: rescinded }\n",
        "the reported quarters' likelihood is 0 in every trial (")]
    public void A_reported_quarter_no_trial_comes_near_is_named_as_the_reason_not_an_observed_state(string actors, string expected)
    {
        // Before: with an actor observed too, the message blamed that actor's entry ("each alone was matched; the rarest, …").
        var s = Load(ConstantWashington + "\nhistory:\n  as_of: 2026-03\n" + actors +
            "  revenue: { residual_sd: 0.03, quarters: { FY2026Q4: 1e300 } }\n");

        var e = Assert.Throws<NoTrialMatchedException>(() => Run(s, trials: 300));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("rarest", e.Message, StringComparison.Ordinal);
        if (actors.Length > 0) Assert.Contains("of the 300 trials matched every observed state and shipment", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_observed_move_guarded_on_an_unobserved_actor_has_weight_only_where_the_guard_held()
    {
        // Beijing under_review through 2026-02 (months 0–2), approved from 2026-03 (month 3): under_review → approved needs
        // washington licensed at the start of month 3. Washington is not observed and steps as usual.
        // Without licensed → suspended, Washington is licensed at the start of month 3 exactly when it was licensed in month ≤ 2.
        var s = Load(ConstantWashington.Replace("      - { from: licensed, to: suspended, monthly: 0.03 }\n", "", StringComparison.Ordinal) + """

            history:
              as_of: 2026-03
              actors:
                beijing:
                  - { from: 2025-12, state: under_review }
                  - { from: 2026-03, state: approved }
            """);

        var result = Run(s, trials: 5000);

        var licensed = result.Column("washington_licensed_month")!.Values;
        var positive = 0;
        for (var t = 0; t < result.Trials; t++)
        {
            var licensedAtStart = licensed[t] <= 2;
            Assert.Equal(licensedAtStart, result.Weights![t] > 0);
            if (licensedAtStart) positive++;
        }
        Assert.InRange(positive, 1, (int)result.Trials - 1);
    }

    [Fact]
    public void A_shipment_range_keeps_exactly_the_trials_that_shipped_nothing_in_it()
    {
        var s = Load(ConstantWashington + """

            history:
              as_of: 2026-06
              shipments:
                - { from: 2025-12, to: 2026-06, modules: 0 }
            """);

        var result = Run(s, trials: 5000);

        var first = result.Column("months_to_first_delivery")!.Values;
        for (var t = 0; t < result.Trials; t++)
            Assert.Equal(!(first[t] <= 6) ? 1.0 : 0.0, result.Weights![t]); // 2026-06 is month 6; undefined = never
        Assert.Contains(result.Weights!, w => w == 0);
    }

    [Fact]
    public void A_reported_quarter_weighs_each_trial_by_the_log_normal_likelihood_of_its_modelled_quarter()
    {
        var s = Load(ConstantWashington + """

            history:
              as_of: 2026-03
              revenue:
                residual_sd: 0.02
                quarters: { FY2026Q4: 41.6 }
            """);

        var result = Run(s);

        var quarter = result.Quarterly.Single(q => q.Metric == "cloud_revenue_cny_bn");
        var modelled = quarter.Values[quarter.Quarters.IndexOf("FY2026Q4")];
        for (var t = 0; t < result.Trials; t++)
        {
            var z = (Math.Log(41.6) - Math.Log(modelled[t])) / 0.02;
            Assert.Equal(Math.Exp(-0.5 * z * z), result.Weights![t], 14);
        }
    }

    [Fact]
    public void An_observed_actor_draws_no_uniform_so_every_other_draw_is_the_unconditioned_runs()
    {
        // Pinning Washington leaves Beijing's draws alone: where Washington's unconditioned path happens to be the observed
        // one, the trial is the same trial, Beijing's path and all.
        var plain = Load(ConstantWashington);
        var pinned = Load(ConstantWashington + """

            history:
              as_of: 2026-02
              actors:
                washington:
                  - { from: 2025-12, state: rescinded }
                  - { from: 2026-01, state: licensed }
            """);

        var a = Run(plain, trials: 3000);
        var b = Run(pinned, trials: 3000);

        var licensedA = a.Column("washington_licensed_month")!.Values;
        var suspendedA = a.Column("washington_suspended_month")!.Values;
        var same = 0;
        for (var t = 0; t < a.Trials; t++)
        {
            if (licensedA[t] != 1 || suspendedA[t] <= 2) continue;
            same++;
            foreach (var c in a.Numeric)
                Assert.Equal(BitConverter.DoubleToInt64Bits(c.Values[t]), BitConverter.DoubleToInt64Bits(b.Column(c.Name)!.Values[t]));
        }
        Assert.True(same > 100);
    }

    [Fact]
    public void Weighted_occupancy_pins_the_observed_months_and_its_last_month_is_the_weighted_share_of_final_states()
    {
        var s = Load(ConstantWashington + """

            history:
              as_of: 2026-02
              actors:
                washington:
                  - { from: 2025-12, state: rescinded }
                  - { from: 2026-01, state: licensed }
            """);

        var two = Run(s, trials: 5000);
        var one = SimulationEngine.Run(s, new RunOptions { Trials = 5000, Seed = 7, Threads = 1 });

        var washington = two.Occupancy.Single(o => o.Actor == "washington");
        Assert.NotNull(washington.WeightedCounts);
        var licensed = washington.States.IndexOf("licensed");
        var rescinded = washington.States.IndexOf("rescinded");
        Assert.Equal(1.0, washington.Share(0, rescinded));
        Assert.Equal(1.0, washington.Share(1, licensed));
        Assert.Equal(1.0, washington.Share(2, licensed));
        // Fixed-point sums: the same whole numbers on one thread and on two.
        for (var a = 0; a < two.Occupancy.Length; a++)
            Assert.Equal(one.Occupancy[a].WeightedCounts!, two.Occupancy[a].WeightedCounts!);

        var beijing = two.Occupancy.Single(o => o.Actor == "beijing");
        var final = two.Categorical.Single(c => c.Name == "beijing_final");
        var shares = Alibaba.ChipSim.Statistics.Weighted.WeightedShares.Of(final, two.Weights!);
        for (var st = 0; st < beijing.States.Length; st++)
            Assert.Equal(shares.Shares[st], beijing.Share(beijing.Months - 1, st), 12);
        // An unweighted run has no weighted counts and its shares are count / trials.
        var plain = Run(Load(ConstantWashington), trials: 500);
        Assert.Null(plain.Occupancy[0].WeightedCounts);
        Assert.Equal((double)plain.Occupancy[0].Count(3, 0) / 500, plain.Occupancy[0].Share(3, 0), 15);
    }
}
