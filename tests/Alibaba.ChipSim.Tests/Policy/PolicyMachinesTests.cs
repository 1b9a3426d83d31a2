using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Policy;
using Alibaba.ChipSim.Sampling;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Policy;

/// <summary>The Stateless machines are the source of truth; the compiled tables hold exactly their transitions.</summary>
public sealed class PolicyMachinesTests
{
    public static TheoryData<string> Scenarios => new() { "spec-example", "three-actors" };

    private static Scenario Named(string name) => name == "spec-example" ? TestScenarios.SpecExample() : PolicyScenarios.ThreeActors();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Compiled_tables_permit_exactly_the_transitions_of_the_Stateless_machines(string name)
    {
        var scenario = Named(name);
        var machines = new PolicyMachines(scenario);
        var policy = new CompiledPolicy(scenario, ParameterTable.For(scenario));
        for (var a = 0; a < machines.ActorCount; a++)
        {
            var actor = scenario.Actors[a];
            var stateless = machines.Info(a).States
                .SelectMany(s => s.FixedTransitions.Select(t => ((string)s.UnderlyingState, (string)t.DestinationState.UnderlyingState)))
                .ToHashSet();
            var compiled = new HashSet<(string, string)>();
            var table = policy.Actor(a);
            for (var s = 0; s < table.StateCount; s++)
            {
                for (var h = table.HazardStart[s]; h < table.HazardStart[s + 1]; h++)
                    compiled.Add((actor.States[s].Name, actor.States[table.HazardTo[h]].Name));
                for (var m = 0; m < policy.Months; m++)
                    if (table.ScheduledTo[m * table.StateCount + s] >= 0)
                        compiled.Add((actor.States[s].Name, actor.States[table.ScheduledTo[m * table.StateCount + s]].Name));
            }
            Assert.Equal(stateless.OrderBy(x => x), compiled.OrderBy(x => x));
            // Every declared transition out of a non-final state is in the machine (all dates lie in the horizon here).
            var declared = actor.Transitions.Where(t => !actor.States[actor.IndexOf(t.From)].Final).Select(t => (t.From, t.To)).ToHashSet();
            Assert.Equal(declared.OrderBy(x => x), stateless.OrderBy(x => x));
        }
    }

    [Fact]
    public void Each_state_lists_its_triggers_in_declared_order_with_their_guards()
    {
        var machines = new PolicyMachines(TestScenarios.SpecExample());
        var beijing = 1;
        var fromReview = machines.TriggersFrom(beijing, 0);
        Assert.Equal(["approved", "conditional", "discouraged"], fromReview.Select(t => t.To));
        Assert.Equal(["monthly 0.1", "monthly 0.2", "monthly 0.08"], fromReview.Select(t => t.Label));
        var conditional = machines.Info(beijing).States.Single(s => (string)s.UnderlyingState == "under_review")
            .FixedTransitions.Single(t => (string)t.DestinationState.UnderlyingState == "conditional");
        Assert.Equal(["washington = licensed"], conditional.GuardConditionsMethodDescriptions.Select(g => g.Description));
        var scheduled = Assert.Single(machines.TriggersFrom(beijing, 3), t => t.IsScheduled);
        Assert.Equal("at 2026-09", scheduled.Label);
    }

    [Fact]
    public void A_guard_reads_the_state_frozen_at_the_start_of_the_month()
    {
        var machines = new PolicyMachines(TestScenarios.SpecExample());
        var toConditional = machines.TriggersFrom(1, 0)[1];
        var beijing = machines.Machine(1);
        Assert.False(beijing.CanFire(toConditional)); // washington starts in rescinded
        machines.SetStates([1, 0]);                   // washington licensed
        Assert.True(beijing.CanFire(toConditional));
        machines.Machine(0).Fire(machines.TriggersFrom(0, 1)[0]); // washington moves to suspended this month
        Assert.True(beijing.CanFire(toConditional));  // the guard still sees the start of the month
        machines.BeginMonth();
        Assert.False(beijing.CanFire(toConditional));
    }
}
