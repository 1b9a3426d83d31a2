using System.Collections.Immutable;
using Alibaba.ChipSim.Scenarios;
using Stateless;
using Stateless.Reflection;

namespace Alibaba.ChipSim.Policy;

/// <summary>
/// The actors of a scenario as Stateless machines, the source of truth for states and permitted
/// transitions (docs/model.md, "Policy actors"). One <see cref="StateMachine{TState, TTrigger}"/> per actor, one trigger per
/// declared transition, guards as <c>PermitIf</c> conditions that read the other actors' states at the
/// start of the month (<see cref="BeginMonth"/>), and no permits out of final states (they absorb).
/// The machines keep their states here, so one instance is one run: not thread-safe.
/// </summary>
internal sealed class PolicyMachines
{
    private readonly int[] _current;
    private readonly int[] _startOfMonth;
    private readonly StateMachine<string, PolicyTrigger>[] _machines;
    private readonly PolicyTrigger[][][] _triggersFrom;

    public PolicyMachines(Scenario scenario)
    {
        Actors = scenario.Actors;
        if (Actors.Length > byte.MaxValue) throw new ArgumentException("at most 255 actors are supported", nameof(scenario));
        var actorIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var a = 0; a < Actors.Length; a++) actorIndex[Actors[a].Name] = a;
        _current = new int[Actors.Length];
        _startOfMonth = new int[Actors.Length];
        _machines = new StateMachine<string, PolicyTrigger>[Actors.Length];
        _triggersFrom = new PolicyTrigger[Actors.Length][][];
        for (var a = 0; a < Actors.Length; a++)
        {
            _machines[a] = Define(a, actorIndex);
            _triggersFrom[a] = TriggersByState(Actors[a], _machines[a].GetInfo());
        }
        Reset();
    }

    public ImmutableArray<ActorSpec> Actors { get; }

    public int ActorCount => Actors.Length;

    /// <summary>The Stateless machine of actor <paramref name="actor"/> (states are the declared state names).</summary>
    public StateMachine<string, PolicyTrigger> Machine(int actor) => _machines[actor];

    /// <summary>Stateless's own description of actor <paramref name="actor"/>: what the diagrams and the compiled tables are built from.</summary>
    public StateMachineInfo Info(int actor) => _machines[actor].GetInfo();

    /// <summary>
    /// The triggers permitted out of state <paramref name="state"/> (an index into the actor's declared
    /// states), read from <see cref="Info"/>, in declared order.
    /// </summary>
    public IReadOnlyList<PolicyTrigger> TriggersFrom(int actor, int state) => _triggersFrom[actor][state];

    /// <summary>The state index of actor <paramref name="actor"/> now.</summary>
    public int StateOf(int actor) => _current[actor];

    /// <summary>Puts every machine back in its initial state.</summary>
    public void Reset()
    {
        for (var a = 0; a < Actors.Length; a++)
        {
            _current[a] = Actors[a].IndexOf(Actors[a].Initial);
            _startOfMonth[a] = _current[a];
        }
    }

    /// <summary>Puts each machine in the given state (indices into the declared states), e.g. to step from the middle of a path.</summary>
    public void SetStates(ReadOnlySpan<byte> states)
    {
        for (var a = 0; a < Actors.Length; a++)
        {
            _current[a] = states[a];
            _startOfMonth[a] = states[a];
        }
    }

    /// <summary>Freezes the states that guards read during this month's step (the states at the start of the month).</summary>
    public void BeginMonth() => Array.Copy(_current, _startOfMonth, _current.Length);

    private StateMachine<string, PolicyTrigger> Define(int a, Dictionary<string, int> actorIndex)
    {
        var actor = Actors[a];
        var machine = new StateMachine<string, PolicyTrigger>(
            () => actor.States[_current[a]].Name,
            name => _current[a] = actor.IndexOf(name));
        foreach (var state in actor.States) machine.Configure(state.Name);
        for (var i = 0; i < actor.Transitions.Length; i++)
        {
            var t = actor.Transitions[i];
            var from = actor.IndexOf(t.From);
            if (from < 0 || actor.IndexOf(t.To) < 0)
                throw new ArgumentException($"actor {actor.Name}: transition {t.From} -> {t.To} names an undeclared state");
            if (actor.States[from].Final) continue; // final states absorb: nothing leaves them
            var trigger = new PolicyTrigger(i, t.From, t.To, t.At, PolicyLabels.Transition(t));
            var config = machine.Configure(t.From);
            if (t.When.IsDefaultOrEmpty)
            {
                config.Permit(trigger, t.To);
                continue;
            }
            var guards = new Tuple<Func<bool>, string>[t.When.Length];
            for (var g = 0; g < t.When.Length; g++)
            {
                var guardActor = actorIndex.TryGetValue(t.When[g].Actor, out var ga)
                    ? ga
                    : throw new ArgumentException($"actor {actor.Name}: guard names an undeclared actor {t.When[g].Actor}");
                var guardState = Actors[guardActor].IndexOf(t.When[g].State);
                guards[g] = Tuple.Create<Func<bool>, string>(() => _startOfMonth[guardActor] == guardState, PolicyLabels.Guard(t.When[g]));
            }
            config.PermitIf(trigger, t.To, guards);
        }
        return machine;
    }

    private static PolicyTrigger[][] TriggersByState(ActorSpec actor, StateMachineInfo info)
    {
        var byState = new PolicyTrigger[actor.States.Length][];
        for (var s = 0; s < byState.Length; s++) byState[s] = [];
        foreach (var state in info.States)
        {
            var s = actor.IndexOf((string)state.UnderlyingState);
            byState[s] = state.FixedTransitions
                .Select(t => (PolicyTrigger)t.Trigger.UnderlyingTrigger)
                .OrderBy(t => t.Index)
                .ToArray();
        }
        return byState;
    }
}
