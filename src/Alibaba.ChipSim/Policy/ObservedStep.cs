namespace Alibaba.ChipSim.Policy;

/// <summary>
/// The probability that an actor's own step rule (docs/model.md, "Policy actors") moves it from its state at the start of
/// a month to an observed state, given the start-of-month states (for guards) and the trial's drawn hazards: a schedule
/// that applies fixes the move (1 if it leads there, else 0); otherwise the hazard(s) of the transition to the observed
/// state whose guards hold, or 1 − the sum of the active hazards when the observed state is the one it started in.
/// </summary>
internal static class ObservedStep
{
    public static double Factor(CompiledActor actor, int month, ReadOnlySpan<byte> before, int observed, ReadOnlySpan<double> parameterValues)
    {
        int s = before[actor.IndexInPolicy];
        if (actor.Final[s]) return observed == s ? 1 : 0;
        var k = month * actor.StateCount + s;
        var scheduled = actor.ScheduledTo[k];
        if (scheduled >= 0 && Holds(actor, actor.ScheduledGuard[k], before)) return scheduled == observed ? 1 : 0;
        double active = 0, toObserved = 0;
        for (var h = actor.HazardStart[s]; h < actor.HazardStart[s + 1]; h++)
        {
            if (!Holds(actor, actor.HazardGuard[h], before)) continue; // a false guard: the hazard cannot fire this month
            var p = parameterValues[actor.HazardParameter[h]];
            active += p;
            if (actor.HazardTo[h] == observed) toObserved += p;
        }
        return observed == s ? Math.Max(0, 1 - active) : toObserved;
    }

    private static bool Holds(CompiledActor actor, int guard, ReadOnlySpan<byte> before)
    {
        for (var g = actor.GuardStart[guard]; g < actor.GuardStart[guard + 1]; g++)
            if (before[actor.GuardActor[g]] != actor.GuardState[g]) return false;
        return true;
    }
}
