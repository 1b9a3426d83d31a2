using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Policy;
using Alibaba.ChipSim.Sampling;
using Alibaba.ChipSim.Scenarios;
using static Alibaba.ChipSim.Tests.Support.TestScenarios;

namespace Alibaba.ChipSim.Tests.Policy;

/// <summary>The monthly step (docs/model.md, "Policy actors") against hand-worked cases and analytic probabilities (fixed seeds).</summary>
public sealed class PolicyStepTests
{
    private const int Trials = 20_000;

    [Fact]
    public void One_actor_with_a_single_hazard_reaches_the_target_by_month_k_with_probability_one_minus_survival()
    {
        const double p = 0.15;
        var scenario = PolicyScenarios.WithActors("2026-01", 12,
            Actor("x", "a", [State("x", "a", 0), State("x", "b", 1, final: true)], Hazard("x", "a", "b", p)));
        var reached = new int[13];
        var trace = new PolicyTrace(scenario);
        for (var trial = 0; trial < Trials; trial++)
        {
            var path = trace.Fast(11, trial);
            for (var k = 1; k <= 12; k++) if (path.State(0, k) == 1) reached[k]++;
        }
        foreach (var k in new[] { 1, 2, 6, 12 })
        {
            // P(b by month k) = 1 - (1 - p)^k; binomial SE = sqrt(q(1 - q)/n) ≈ 0.0025 at q = 0.5, n = 20,000;
            // 4 SE leaves a false alarm about once in 16,000 checks.
            var q = 1 - Math.Pow(1 - p, k);
            var se = Math.Sqrt(q * (1 - q) / Trials);
            Assert.InRange(reached[k] / (double)Trials, q - 4 * se, q + 4 * se);
        }
    }

    [Fact]
    public void Two_competing_hazards_split_in_proportion_to_their_probabilities()
    {
        var scenario = PolicyScenarios.WithActors("2026-01", 24,
            Actor("x", "a", [State("x", "a", 0), State("x", "b", 1, final: true), State("x", "c", 0, final: true)],
                Hazard("x", "a", "b", 0.2), Hazard("x", "a", "c", 0.1)));
        var trace = new PolicyTrace(scenario);
        int b1 = 0, c1 = 0, b = 0, c = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var path = trace.Fast(12, trial);
            if (path.State(0, 1) == 1) b1++;
            if (path.State(0, 1) == 2) c1++;
            if (path.State(0, 24) == 1) b++;
            if (path.State(0, 24) == 2) c++;
        }
        // Month 1: P(b) = 0.2, P(c) = 0.1. By month 24: P(b) = 0.2/0.3 × (1 - 0.7^24), P(c) = 0.1/0.3 × (1 - 0.7^24).
        var left = 1 - Math.Pow(0.7, 24);
        foreach (var (count, q) in new[] { (b1, 0.2), (c1, 0.1), (b, 2.0 / 3 * left), (c, 1.0 / 3 * left) })
        {
            var se = Math.Sqrt(q * (1 - q) / Trials);
            Assert.InRange(count / (double)Trials, q - 4 * se, q + 4 * se);
        }
        // Among absorbed trials the split is 2:1: b/(b + c) has SE sqrt(2/9/(b + c)) ≈ 0.0033.
        var share = b / (double)(b + c);
        var seShare = Math.Sqrt(2.0 / 9 / (b + c));
        Assert.InRange(share, 2.0 / 3 - 4 * seShare, 2.0 / 3 + 4 * seShare);
    }

    [Theory]
    [InlineData(0.0001, 1)] // u in [0, 0.2): the first hazard declared
    [InlineData(0.1999, 1)]
    [InlineData(0.2001, 2)] // u in [0.2, 0.3): the second
    [InlineData(0.2999, 2)]
    [InlineData(0.3001, 0)] // beyond the sum: stay
    [InlineData(0.9999, 0)]
    public void Hazards_take_consecutive_slices_of_the_unit_interval_in_declared_order(double u, int expected)
    {
        var scenario = PolicyScenarios.WithActors("2026-01", 3,
            Actor("x", "a", [State("x", "a", 0), State("x", "b", 1), State("x", "c", 0)],
                Hazard("x", "a", "b", 0.2), Hazard("x", "a", "c", 0.1)));
        Assert.Equal(expected, StepOnce(scenario, [0], month: 0, [u])[0]);
    }

    [Fact]
    public void A_scheduled_transition_fires_exactly_in_its_month_for_every_trial_in_its_source_state()
    {
        // c is reachable only by the schedule (2026-06 = month 5 from 2026-01), so the check is exact.
        var scenario = PolicyScenarios.WithActors("2026-01", 12,
            Actor("x", "a", [State("x", "a", 0), State("x", "b", 1), State("x", "c", 0)],
                Hazard("x", "a", "b", 0.2), Hazard("x", "b", "a", 0.3), Scheduled("a", "c", "2026-06")));
        var trace = new PolicyTrace(scenario);
        var inSource = 0;
        for (var trial = 0; trial < 5_000; trial++)
        {
            var path = trace.Fast(13, trial);
            for (var m = 0; m < 12; m++)
            {
                var enteredC = path.State(0, m) != 2 && path.State(0, m + 1) == 2;
                Assert.Equal(m == 5 && path.State(0, m) == 0, enteredC);
            }
            if (path.State(0, 5) == 0) inSource++;
        }
        // P(in a at the start of month 5) is about 0.6 here: both branches of the check were exercised.
        Assert.InRange(inSource, 1_000, 4_000);
    }

    [Theory]
    [InlineData(true, 2)]  // guard holds: the schedule fires, the hazard (p = 1) does not
    [InlineData(false, 1)] // guard false: no schedule, the hazards apply as usual
    public void A_scheduled_transition_whose_guard_is_false_leaves_the_hazards_to_apply(bool guardHolds, int expected)
    {
        var scenario = PolicyScenarios.WithActors("2026-01", 3,
            Actor("x", "a", [State("x", "a", 0), State("x", "b", 1), State("x", "c", 0)],
                Hazard("x", "a", "b", 1.0), Scheduled("a", "c", "2026-01", new Guard("y", "open"))),
            Actor("y", "shut", [State("y", "shut", 1), State("y", "open", 1)]));
        Assert.Equal(expected, StepOnce(scenario, [0, guardHolds ? (byte)1 : (byte)0], month: 0, [0.5, 0.5])[0]);
    }

    [Fact]
    public void A_guarded_hazard_never_fires_while_its_guard_is_false_and_its_slice_does_not_pass_on()
    {
        var scenario = PolicyScenarios.WithActors("2026-01", 12,
            Actor("x", "a", [State("x", "a", 0), State("x", "b", 1), State("x", "c", 0)],
                Hazard("x", "a", "b", 0.5, new Guard("y", "open")), Hazard("x", "a", "c", 0.3),
                Hazard("x", "b", "a", 0.4), Hazard("x", "c", "a", 0.4)),
            Actor("y", "shut", [State("y", "shut", 1), State("y", "open", 1)],
                Hazard("y", "shut", "open", 0.1), Hazard("y", "open", "shut", 0.2)));
        var trace = new PolicyTrace(scenario);
        int blockedMonths = 0, toC = 0, fired = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var path = trace.Fast(14, trial);
            for (var m = 0; m < 12; m++)
            {
                if (path.State(0, m) != 0) continue;
                var guardHolds = path.State(1, m) == 1; // y's state at the start of month m
                if (path.State(0, m + 1) == 1)
                {
                    Assert.True(guardHolds, $"trial {trial}: a -> b fired in month {m} while y was shut");
                    fired++;
                }
                if (!guardHolds)
                {
                    blockedMonths++;
                    if (path.State(0, m + 1) == 2) toC++;
                }
            }
        }
        Assert.True(fired > 100, "the guarded hazard fired in too few months to test anything");
        // With the guard false, a -> c keeps its own slice [0.5, 0.8): probability 0.3, not 0.8.
        // The months are dependent within a trial, but the uniforms are independent across months, so
        // each a-month with y shut is a Bernoulli(0.3) draw: SE = sqrt(0.21 / months).
        var share = toC / (double)blockedMonths;
        var se = Math.Sqrt(0.3 * 0.7 / blockedMonths);
        Assert.InRange(share, 0.3 - 4 * se, 0.3 + 4 * se);
    }

    [Fact]
    public void Final_states_absorb_and_have_no_permitted_transitions()
    {
        // A transition out of a final state is declared, with probability 1: the state still absorbs.
        var scenario = PolicyScenarios.WithActors("2026-01", 3,
            Actor("x", "f", [State("x", "f", 0, final: true), State("x", "b", 1)], Hazard("x", "f", "b", 1.0)));
        Assert.Empty(new PolicyMachines(scenario).Info(0).States.Single(s => (string)s.UnderlyingState == "f").FixedTransitions);
        Assert.Equal(0, StepOnce(scenario, [0], month: 0, [0.01])[0]);
    }

    [Fact]
    public void Guards_read_the_states_at_the_start_of_the_month_even_when_stepping_in_place()
    {
        // Regression: stepping with one buffer for before and after let y's guard see x's move of the
        // same month. x moves a -> b surely in month 0; y's move needs x = b at the start of the month,
        // so y may move in month 1 at the earliest.
        var scenario = PolicyScenarios.WithActors("2026-01", 3,
            Actor("x", "a", [State("x", "a", 0), State("x", "b", 1)], Hazard("x", "a", "b", 1.0)),
            Actor("y", "wait", [State("y", "wait", 0), State("y", "go", 1)], Hazard("y", "wait", "go", 1.0, new Guard("x", "b"))));
        var parameters = ParameterTable.For(scenario);
        var values = new double[parameters.Count];
        parameters.Draw(0, RandomStreams.TrialHash(1, 0), values);
        var policy = new CompiledPolicy(scenario, parameters);
        Span<byte> states = stackalloc byte[2];
        policy.Reset(states);
        policy.Step(0, states, states, [0.5, 0.5], values);
        Assert.Equal([1, 0], states.ToArray());
        policy.Step(1, states, states, [0.5, 0.5], values);
        Assert.Equal([1, 1], states.ToArray());
    }

    [Fact]
    public void The_gate_is_the_product_of_the_actors_gates_and_a_distribution_gate_is_drawn_once_per_trial()
    {
        var scenario = PolicyScenarios.ThreeActors();
        var trace = new PolicyTrace(scenario);
        var parameters = trace.Parameters;
        var values = new double[parameters.Count];
        var conditional = parameters.IndexOf(ParameterPaths.Gate("beijing", "conditional"));
        var sum = 0.0;
        const int n = 2_000;
        for (var trial = 0; trial < n; trial++)
        {
            var path = trace.Fast(15, trial);
            parameters.Draw(trial, RandomStreams.TrialHash(15, trial), values);
            sum += values[conditional];
            for (var m = 0; m < path.Months; m++)
            {
                var expected = 1.0;
                for (var a = 0; a < 3; a++)
                    expected *= values[parameters.IndexOf(scenario.Actors[a].States[path.State(a, m + 1)].Gate)];
                Assert.Equal(expected, path.Gate(m));
            }
        }
        // The conditional gate ~ uniform(0.3, 0.7) varies across trials: mean 0.5, SE = 0.4/sqrt(12 n) ≈ 0.0026.
        Assert.InRange(sum / n, 0.5 - 4 * 0.0026, 0.5 + 4 * 0.0026);
    }

    /// <summary>One step of both paths from given states with given uniforms; asserts they agree.</summary>
    private static byte[] StepOnce(Scenario scenario, byte[] before, int month, double[] uniforms)
    {
        var parameters = ParameterTable.For(scenario);
        var values = new double[parameters.Count];
        parameters.Draw(0, RandomStreams.TrialHash(1, 0), values);
        var fast = new byte[before.Length];
        new CompiledPolicy(scenario, parameters).Step(month, before, fast, uniforms, values);

        var reference = new ReferencePolicy(scenario, parameters);
        reference.Machines.SetStates(before);
        reference.Step(month, uniforms, values);
        var slow = new byte[before.Length];
        reference.States(slow);
        Assert.Equal(fast, slow);
        return fast;
    }
}
