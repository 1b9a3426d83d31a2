using Alibaba.ChipSim.Sampling;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Policy;

/// <summary>
/// The reference path: steps the Stateless machines themselves, month by month, firing their triggers
/// (<c>CanFire</c> evaluates the guards, <c>Fire</c> moves). Same rule and the same uniforms as
/// <see cref="CompiledPolicy"/>, without its tables; slow, for tests and traces.
/// </summary>
internal sealed class ReferencePolicy
{
    private readonly PolicyMachines _machines;
    private readonly Dictionary<PolicyTrigger, int> _hazardParameter = new();
    private readonly int[][] _gateParameter;

    public ReferencePolicy(Scenario scenario, ParameterTable parameters)
    {
        _machines = new PolicyMachines(scenario);
        Start = scenario.Calendar.Start;
        _gateParameter = new int[_machines.ActorCount][];
        for (var a = 0; a < _machines.ActorCount; a++)
        {
            var actor = _machines.Actors[a];
            _gateParameter[a] = actor.States.Select(s => parameters.IndexOf(s.Gate)).ToArray();
            for (var s = 0; s < actor.States.Length; s++)
                foreach (var t in _machines.TriggersFrom(a, s))
                    if (!t.IsScheduled) _hazardParameter[t] = parameters.IndexOf(actor.Transitions[t.Index].Monthly!);
        }
    }

    public Month Start { get; }

    public PolicyMachines Machines => _machines;

    public void Reset() => _machines.Reset();

    /// <summary>Month <paramref name="month"/>'s step (0-based) for every actor, with each actor's uniform.</summary>
    public void Step(int month, ReadOnlySpan<double> uniforms, ReadOnlySpan<double> parameterValues)
    {
        _machines.BeginMonth();
        var calendarMonth = Start.AddMonths(month);
        for (var a = 0; a < _machines.ActorCount; a++)
        {
            var machine = _machines.Machine(a);
            var triggers = _machines.TriggersFrom(a, _machines.StateOf(a));
            PolicyTrigger? fire = null;
            foreach (var t in triggers)
                if (t.At == calendarMonth && machine.CanFire(t))
                {
                    fire = t;
                    break;
                }
            if (fire is null)
            {
                var acc = 0.0;
                foreach (var t in triggers)
                {
                    if (t.IsScheduled) continue;
                    acc += parameterValues[_hazardParameter[t]];
                    if (uniforms[a] < acc)
                    {
                        if (machine.CanFire(t)) fire = t;
                        break;
                    }
                }
            }
            if (fire is not null) machine.Fire(fire);
        }
    }

    /// <summary>Every actor's state index now.</summary>
    public void States(Span<byte> states)
    {
        for (var a = 0; a < _machines.ActorCount; a++) states[a] = (byte)_machines.StateOf(a);
    }

    /// <summary>The combined gate of the current states.</summary>
    public double Gate(ReadOnlySpan<double> parameterValues)
    {
        var g = 1.0;
        for (var a = 0; a < _machines.ActorCount; a++) g *= parameterValues[_gateParameter[a][_machines.StateOf(a)]];
        return g;
    }
}
