using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Policy;
using Alibaba.ChipSim.Sampling;
using static Alibaba.ChipSim.Tests.Support.TestScenarios;

namespace Alibaba.ChipSim.Tests.Policy;

/// <summary>Per-trial outcomes for the engine: final states, first entries, months with the gate open.</summary>
public sealed class PolicyOutcomeTests
{
    [Fact]
    public void A_sure_path_records_hand_worked_first_entries_final_states_and_gates()
    {
        // x: a -(p = 1)-> b -(at 2026-03)-> c (final); y: stays in "on" (gate 0.5).
        // Month 0 (2026-01): x moves to b; month 1: stays; month 2 (2026-03): to c; month 3: absorbed.
        var scenario = PolicyScenarios.WithActors("2026-01", 4,
            Actor("x", "a", [State("x", "a", 0), State("x", "b", 1), State("x", "c", 0.25, final: true), State("x", "d", 1)],
                Hazard("x", "a", "b", 1.0), Scheduled("b", "c", "2026-03")),
            Actor("y", "on", [State("y", "on", 0.5)]));
        var trace = new PolicyTrace(scenario);
        trace.Fast(1, 0);
        var outcome = trace.LastOutcome;
        // Only moves are entries: the initial states a and on were never entered; d is unreachable.
        Assert.Equal([PolicyOutcome.Never, 0, 2, PolicyOutcome.Never], Enumerable.Range(0, 4).Select(s => outcome.FirstEntryMonth(0, s)));
        Assert.Equal(PolicyOutcome.Never, outcome.FirstEntryMonth(1, 0));
        Assert.Equal([2, 0], outcome.FinalStates.ToArray());
        Assert.Equal([0.5, 0.5, 0.125, 0.125], outcome.Gates.ToArray());
        Assert.Equal(4, outcome.GateOpenMonths);
    }

    [Fact]
    public void Outcomes_agree_with_the_state_path_in_every_trial()
    {
        var scenario = PolicyScenarios.ThreeActors();
        var trace = new PolicyTrace(scenario);
        for (var trial = 0; trial < 1_000; trial++)
        {
            var path = trace.Fast(21, trial);
            var outcome = trace.LastOutcome;
            var open = 0;
            for (var m = 0; m < path.Months; m++)
            {
                Assert.Equal(path.Gate(m), outcome.Gates[m]);
                Assert.Equal(path.Gate(m) > 0, outcome.GateOpen(m));
                if (path.Gate(m) > 0) open++;
            }
            Assert.Equal(open, outcome.GateOpenMonths);
            for (var a = 0; a < path.Actors.Length; a++)
            {
                Assert.Equal(path.State(a, path.Months), outcome.FinalStates[a]);
                for (var s = 0; s < path.Actors[a].States.Length; s++)
                {
                    var first = PolicyOutcome.Never;
                    for (var m = 0; m < path.Months && first == PolicyOutcome.Never; m++)
                        if (path.State(a, m + 1) == s && path.State(a, m) != s) first = m;
                    Assert.Equal(first, outcome.FirstEntryMonth(a, s));
                }
            }
        }
    }

    [Fact]
    public void The_readme_example_holds_washington_first_enters_licensed_by_month_3_with_probability_0_767()
    {
        // The example layout of docs/scenario-format.md: leaving rescinded, licensed 0.4 then reinstated 0.02. licensed is first entered
        // only from rescinded, so P(by the end of month index 2) = 0.4/0.42 × (1 − 0.58³) = 0.76656.
        // n = 20,000: SE = sqrt(0.767 × 0.233 / 20,000) = 0.0030; 4 SE = 0.012.
        var trace = new PolicyTrace(Support.TestScenarios.SpecExample());
        const int n = 20_000;
        var hits = 0;
        for (var trial = 0; trial < n; trial++)
        {
            trace.Fast(22, trial);
            var first = trace.LastOutcome.FirstEntryMonth(0, 1);
            if (first != PolicyOutcome.Never && first <= 2) hits++;
        }
        var q = 0.4 / 0.42 * (1 - Math.Pow(0.58, 3));
        var se = Math.Sqrt(q * (1 - q) / n);
        Assert.InRange(hits / (double)n, q - 4 * se, q + 4 * se);
    }

    [Fact]
    public void Outcomes_agree_with_the_engine_columns_trial_for_trial()
    {
        // The engine keeps its own bookkeeping in its inner loop; both must tell the same story.
        var scenario = PolicyScenarios.ThreeActors();
        const int n = 2_000;
        var result = SimulationEngine.Run(scenario, new RunOptions { Trials = n, Seed = 31, Threads = 1 });
        var trace = new PolicyTrace(scenario);
        var gateOpen = result.Column(MetricNames.GateOpenMonths)!.Values;
        for (var trial = 0; trial < n; trial++)
        {
            trace.Fast(31, trial);
            var outcome = trace.LastOutcome;
            Assert.Equal(outcome.GateOpenMonths, gateOpen[trial]);
            for (var a = 0; a < scenario.Actors.Length; a++)
            {
                var actor = scenario.Actors[a];
                var final = result.Categorical.Single(c => c.Name == MetricNames.ActorFinal(actor.Name));
                Assert.Equal(actor.States[outcome.FinalStates[a]].Name, final.Categories[final.Codes[trial]]);
                for (var s = 0; s < actor.States.Length; s++)
                {
                    if (result.Column(MetricNames.FirstEntryMonth(actor.Name, actor.States[s].Name)) is not { } column) continue;
                    var expected = outcome.FirstEntryMonth(a, s) == PolicyOutcome.Never ? double.NaN : outcome.FirstEntryMonth(a, s);
                    Assert.Equal(expected, column.Values[trial]);
                }
            }
        }
    }

    [Fact]
    public void Running_a_trial_twice_gives_the_same_outcome()
    {
        var scenario = PolicyScenarios.ThreeActors();
        var parameters = ParameterTable.For(scenario);
        var values = new double[parameters.Count];
        var hash = RandomStreams.TrialHash(3, 42);
        parameters.Draw(42, hash, values);
        var policy = new CompiledPolicy(scenario, parameters);
        var first = new PolicyOutcome(policy);
        var second = new PolicyOutcome(policy);
        policy.Run(hash, values, first);
        policy.Run(RandomStreams.TrialHash(3, 43), values, second); // dirty the buffer with another trial
        policy.Run(hash, values, second);
        Assert.Equal(first.Gates.ToArray(), second.Gates.ToArray());
        Assert.Equal(first.FinalStates.ToArray(), second.FinalStates.ToArray());
        for (var a = 0; a < 3; a++)
            for (var s = 0; s < policy.StateCount(a); s++)
                Assert.Equal(first.FirstEntryMonth(a, s), second.FirstEntryMonth(a, s));
    }
}
