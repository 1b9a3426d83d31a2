using Alibaba.ChipSim.Sampling;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Policy;

/// <summary>
/// One actor as arrays, compiled from its Stateless definition (<see cref="PolicyMachines"/>): the
/// permitted triggers of each state, split into hazards (declared order) and scheduled moves per
/// (month, state), with their guards.
/// </summary>
internal sealed class CompiledActor
{
    private const int None = -1;

    public CompiledActor(PolicyMachines machines, int actorIndex, ParameterTable parameters, Month start, int months)
    {
        var actor = machines.Actors[actorIndex];
        Name = actor.Name;
        IndexInPolicy = actorIndex;
        StateCount = actor.States.Length;
        if (StateCount > byte.MaxValue) throw new ArgumentException($"actor {Name}: at most 255 states are supported");
        Initial = actor.IndexOf(actor.Initial);
        Final = actor.States.Select(s => s.Final).ToArray();
        GateParameter = actor.States.Select(s => parameters.IndexOf(s.Gate)).ToArray();

        var hazardStart = new int[StateCount + 1];
        var hazardTo = new List<int>();
        var hazardParam = new List<int>();
        var hazardGuard = new List<int>();
        var guardActor = new List<int>();
        var guardState = new List<int>();
        var guardStart = new List<int> { 0 };

        var actorNames = machines.Actors.Select(x => x.Name).ToList();

        int AddGuards(TransitionSpec t)
        {
            foreach (var g in t.When)
            {
                var ga = actorNames.IndexOf(g.Actor);
                guardActor.Add(ga);
                guardState.Add(machines.Actors[ga].IndexOf(g.State));
            }
            guardStart.Add(guardActor.Count);
            return guardStart.Count - 2;
        }

        ScheduledTo = new int[months * StateCount];
        ScheduledGuard = new int[months * StateCount];
        Array.Fill(ScheduledTo, None);
        for (var s = 0; s < StateCount; s++)
        {
            hazardStart[s] = hazardTo.Count;
            foreach (var trigger in machines.TriggersFrom(actorIndex, s))
            {
                var t = actor.Transitions[trigger.Index];
                var to = actor.IndexOf(trigger.To);
                if (trigger.At is { } at)
                {
                    var m = at.MonthsSince(start);
                    if (m < 0 || m >= months) continue;
                    if (ScheduledTo[m * StateCount + s] != None)
                        throw new ArgumentException($"actor {Name}: two scheduled transitions leave {trigger.From} in {at}");
                    ScheduledTo[m * StateCount + s] = to;
                    ScheduledGuard[m * StateCount + s] = AddGuards(t);
                }
                else
                {
                    hazardTo.Add(to);
                    hazardParam.Add(parameters.IndexOf(t.Monthly!));
                    hazardGuard.Add(AddGuards(t));
                }
            }
        }
        hazardStart[StateCount] = hazardTo.Count;

        HazardStart = hazardStart;
        HazardTo = hazardTo.ToArray();
        HazardParameter = hazardParam.ToArray();
        HazardGuard = hazardGuard.ToArray();
        GuardActor = guardActor.ToArray();
        GuardState = guardState.ToArray();
        GuardStart = guardStart.ToArray();
    }

    public string Name { get; }
    public int StateCount { get; }
    public int Initial { get; }
    public bool[] Final { get; }
    public int[] GateParameter { get; }
    public int[] HazardStart { get; }
    public int[] HazardTo { get; }
    public int[] HazardParameter { get; }
    public int[] HazardGuard { get; }
    public int[] ScheduledTo { get; }
    public int[] ScheduledGuard { get; }
    public int[] GuardActor { get; }
    public int[] GuardState { get; }
    public int[] GuardStart { get; }

    /// <summary>This actor's position in the policy's state vector.</summary>
    public int IndexInPolicy { get; }

    /// <summary>The state after month <paramref name="month"/>'s step (docs/model.md, "Policy actors").</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int Step(int month, ReadOnlySpan<byte> before, double u, ReadOnlySpan<double> parameterValues)
    {
        int s = before[IndexInPolicy];
        if (Final[s]) return s;
        var k = month * StateCount + s;
        var to = ScheduledTo[k];
        if (to != None && Holds(ScheduledGuard[k], before)) return to;
        var acc = 0.0;
        for (var h = HazardStart[s]; h < HazardStart[s + 1]; h++)
        {
            acc += parameterValues[HazardParameter[h]];
            // The slice that u falls in decides; a false guard keeps the actor where it is (no passing on).
            if (u < acc) return Holds(HazardGuard[h], before) ? HazardTo[h] : s;
        }
        return s;
    }

    private bool Holds(int guard, ReadOnlySpan<byte> before)
    {
        for (var g = GuardStart[guard]; g < GuardStart[guard + 1]; g++)
            if (before[GuardActor[g]] != GuardState[g]) return false;
        return true;
    }
}
