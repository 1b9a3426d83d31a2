using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Policy;

/// <summary>One actor as arrays: hazards per state in declared order, scheduled moves per (month, state), guards.</summary>
internal sealed class CompiledActor
{
    private const int None = -1;

    public CompiledActor(ActorSpec actor, IReadOnlyList<ActorSpec> all, IReadOnlyDictionary<string, int> actorIndex,
        ParameterTable parameters, Month start, int months)
    {
        Name = actor.Name;
        IndexInPolicy = actorIndex[actor.Name];
        StateCount = actor.States.Length;
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

        int AddGuards(TransitionSpec t)
        {
            foreach (var g in t.When)
            {
                var ga = actorIndex[g.Actor];
                guardActor.Add(ga);
                guardState.Add(all[ga].IndexOf(g.State));
            }
            guardStart.Add(guardActor.Count);
            return guardStart.Count - 2;
        }

        for (var s = 0; s < StateCount; s++)
        {
            hazardStart[s] = hazardTo.Count;
            foreach (var t in actor.Transitions)
            {
                if (t.Monthly is null || t.From != actor.States[s].Name) continue;
                hazardTo.Add(actor.IndexOf(t.To));
                hazardParam.Add(parameters.IndexOf(t.Monthly));
                hazardGuard.Add(AddGuards(t));
            }
        }
        hazardStart[StateCount] = hazardTo.Count;

        ScheduledTo = new int[months * StateCount];
        ScheduledGuard = new int[months * StateCount];
        Array.Fill(ScheduledTo, None);
        foreach (var t in actor.Transitions)
        {
            if (t.At is not { } at) continue;
            var m = at.MonthsSince(start);
            if (m < 0 || m >= months) continue;
            var s = actor.IndexOf(t.From);
            ScheduledTo[m * StateCount + s] = actor.IndexOf(t.To);
            ScheduledGuard[m * StateCount + s] = AddGuards(t);
        }

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

    /// <summary>The state after month <paramref name="month"/>'s step (SPEC §2.1).</summary>
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
            if (u < acc) return Holds(HazardGuard[h], before) ? HazardTo[h] : s;
        }
        return s;
    }

    /// <summary>This actor's position in the policy's state vector.</summary>
    public int IndexInPolicy { get; }

    private bool Holds(int guard, ReadOnlySpan<byte> before)
    {
        for (var g = GuardStart[guard]; g < GuardStart[guard + 1]; g++)
            if (before[GuardActor[g]] != GuardState[g]) return false;
        return true;
    }
}
