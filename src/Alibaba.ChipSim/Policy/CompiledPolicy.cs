using System.Runtime.Intrinsics;
using Alibaba.ChipSim.Sampling;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Policy;

/// <summary>
/// The actors of a scenario compiled into flat arrays for the inner loop (the fast path), from their
/// Stateless definitions (<see cref="PolicyMachines"/>). <see cref="ReferencePolicy"/> steps the
/// Stateless machines themselves; tests hold both to the same state paths on the same random numbers.
/// </summary>
internal sealed class CompiledPolicy
{
    private readonly CompiledActor[] _actors;

    public CompiledPolicy(Scenario scenario, ParameterTable parameters)
        : this(new PolicyMachines(scenario), scenario.Calendar, parameters)
    {
    }

    public CompiledPolicy(PolicyMachines machines, CalendarSpec calendar, ParameterTable parameters)
    {
        Months = calendar.Months;
        Start = calendar.Start;
        _actors = new CompiledActor[machines.ActorCount];
        for (var a = 0; a < _actors.Length; a++) _actors[a] = new CompiledActor(machines, a, parameters, Start, Months);
        ActorKeys = machines.Actors.Select(a => RandomStreams.KeyOf("actors." + a.Name)).ToArray();
        StateOffset = new int[_actors.Length + 1];
        for (var a = 0; a < _actors.Length; a++) StateOffset[a + 1] = StateOffset[a] + _actors[a].StateCount;
        var total = StateOffset[^1];
        _scheduled = new bool[Months * total];
        for (var a = 0; a < _actors.Length; a++)
        {
            var actor = _actors[a];
            for (var m = 0; m < Months; m++)
                for (var st = 0; st < actor.StateCount; st++)
                    _scheduled[m * total + StateOffset[a] + st] = actor.ScheduledTo[m * actor.StateCount + st] >= 0;
        }
        _finalFlat = new bool[total];
        _gateParameter = new int[total];
        _hazardStart = new int[total + 1];
        var hazardParameters = new List<int>();
        for (var a = 0; a < _actors.Length; a++)
        {
            var actor = _actors[a];
            for (var st = 0; st < actor.StateCount; st++)
            {
                var flat = StateOffset[a] + st;
                _finalFlat[flat] = actor.Final[st];
                _gateParameter[flat] = actor.GateParameter[st];
                _hazardStart[flat] = hazardParameters.Count;
                if (!actor.Final[st])
                    for (var h = actor.HazardStart[st]; h < actor.HazardStart[st + 1]; h++) hazardParameters.Add(actor.HazardParameter[h]);
            }
        }
        _hazardStart[total] = hazardParameters.Count;
        _hazardParameter = [.. hazardParameters];
        if (Months <= 64)
        {
            _scheduledMonths = new ulong[total];
            for (var m = 0; m < Months; m++)
                for (var flat = 0; flat < total; flat++)
                    if (_scheduled[m * total + flat]) _scheduledMonths[flat] |= 1UL << m;
        }
    }

    /// <summary>Per flattened state, whether it is final.</summary>
    private readonly bool[] _finalFlat;

    /// <summary>Per flattened state, bit m set when a scheduled move leaves it in month m; null beyond 64 months.</summary>
    private readonly ulong[]? _scheduledMonths;

    // Per (month, flattened state): true when a scheduled move leaves the state that month (its guard may still fail).
    private readonly bool[] _scheduled;

    /// <summary>
    /// The trial's total hazard out of each flattened state (the declared hazards summed in declared order, their guards
    /// aside; 0 for a final state or one without hazards), for <see cref="StepMonth"/>'s quick test: an actor whose month
    /// has no scheduled move and whose uniform is at least the total stays where it is, whatever the guards.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    public void TotalHazards(ReadOnlySpan<double> parameterValues, Span<double> totals)
    {
        var start = _hazardStart;
        var parameter = _hazardParameter;
        for (var flat = 0; flat < start.Length - 1; flat++)
        {
            var acc = 0.0;
            for (var h = start[flat]; h < start[flat + 1]; h++) acc += parameterValues[parameter[h]];
            totals[flat] = acc;
        }
    }

    // Per flattened state, its hazards' parameters in declared order ([_hazardStart[flat], _hazardStart[flat + 1]); none for a
    // final state), and the parameter of its gate: the actors' per-state arrays laid end to end.
    private readonly int[] _hazardStart;
    private readonly int[] _hazardParameter;
    private readonly int[] _gateParameter;

    /// <summary>Actor a's states occupy [StateOffset[a], StateOffset[a + 1]) in flattened per-state arrays.</summary>
    public int[] StateOffset { get; }

    /// <summary>The number of states of all actors together (the length of a flattened per-state array).</summary>
    public int TotalStates => StateOffset[^1];

    public int Months { get; }

    public Month Start { get; }

    public int ActorCount => _actors.Length;

    /// <summary>The number of declared states of actor <paramref name="actor"/>.</summary>
    public int StateCount(int actor) => _actors[actor].StateCount;

    /// <summary>The random stream key of each actor's monthly draws (from its name).</summary>
    internal ulong[] ActorKeys { get; }

    internal CompiledActor Actor(int a) => _actors[a];

    /// <summary>The initial state of every actor.</summary>
    public void Reset(Span<byte> states)
    {
        for (var a = 0; a < _actors.Length; a++) states[a] = (byte)_actors[a].Initial;
    }

    /// <summary>
    /// Month <paramref name="month"/>'s step (0-based) for every actor: the one compiled step, run by the engine
    /// and held to the Stateless machines by the equivalence tests (docs/model.md, "Policy actors").
    /// <paramref name="before"/> holds the states at the start of the month (guards read them), <paramref name="after"/>
    /// (a different buffer) receives the states after the step. Each actor's uniform is the month-th of its
    /// stream; an actor in a final state stays without drawing it (draws are counter-based, so skipping one
    /// changes no other). A move into a state not entered before records the month in
    /// <paramref name="firstEntry"/> (flattened by <see cref="StateOffset"/>, −1 = never). Returns true when
    /// some actor moved (the combined gate can only change then).
    /// </summary>
    /// <remarks>
    /// <paramref name="totals"/> are the trial's <see cref="TotalHazards"/>. Hazards are at least 0, so a uniform at or
    /// above a state's total is above every partial sum the rule compares it with: the actor stays, and the rule need not
    /// run. A state with total 0 and no schedule this month stays without its uniform being computed (counter-based draws:
    /// skipping one changes no other).
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool StepMonth(int month, ReadOnlySpan<ulong> actorStreams, ReadOnlySpan<byte> before, Span<byte> after,
        ReadOnlySpan<double> parameterValues, Span<int> firstEntry, ReadOnlySpan<double> totals)
    {
        var actors = _actors;
        var offset = StateOffset;
        var scheduled = _scheduled.AsSpan(month * offset[^1], offset[^1]);
        var moved = false;
        for (var a = 0; a < actors.Length; a++)
        {
            var s = before[a];
            var flat = offset[a] + s;
            byte to;
            if (!scheduled[flat])
            {
                var total = totals[flat];
                if (total <= 0)
                {
                    after[a] = s;
                    continue;
                }
                var u = RandomStreams.Uniform(actorStreams[a], month);
                if (u >= total)
                {
                    after[a] = s;
                    continue;
                }
                to = (byte)actors[a].Step(month, before, u, parameterValues);
            }
            else
            {
                var actor = actors[a];
                to = actor.Final[s] ? s : (byte)actor.Step(month, before, RandomStreams.Uniform(actorStreams[a], month), parameterValues);
            }
            after[a] = to;
            if (to == s) continue;
            moved = true;
            ref var first = ref firstEntry[offset[a] + to];
            if (first < 0) first = month;
        }
        return moved;
    }

    /// <summary>
    /// Every month of one trial's actors at once (the engine's path for a trial without history): the same states, first
    /// entries and gates as <see cref="StepMonth"/> month by month, found from the months where some actor can move.
    /// An actor can move in month m only when a scheduled move leaves its state that month or its m-th uniform is below
    /// its state's total hazard (<see cref="TotalHazards"/>); in every other month it stays, whatever the guards. So the
    /// months up to the earliest such month of any actor pass with no step at all, and only that month runs the step
    /// rule (for the actors that can move, with the start-of-month states of all). The uniforms are drawn for all
    /// months in one go (<see cref="RandomStreams.Uniforms"/>; counter-based, so drawing one that is not used changes no
    /// other).
    /// </summary>
    /// <param name="states">The initial states on entry (<see cref="Reset"/>); the states after the last month on return.</param>
    /// <param name="gates">Receives the combined gate after each month's step (<see cref="Gate"/>), Months long.</param>
    /// <param name="uniforms">Scratch, ActorCount × Months.</param>
    /// <param name="moves">Receives, per (month, flattened state), −1 for each move out of the state that month and +1 for each
    /// move in (added to what it holds): the occupancy of the months after a trial's initial states (<see cref="Occupancy"/>).</param>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    public void RunPath(ReadOnlySpan<ulong> actorStreams, Span<byte> states, ReadOnlySpan<double> parameterValues, Span<int> firstEntry,
        ReadOnlySpan<double> totals, Span<double> gates, Span<double> uniforms, Span<long> moves)
    {
        var months = Months;
        for (var a = 0; a < _actors.Length; a++) RandomStreams.Uniforms(actorStreams[a], uniforms.Slice(a * months, months));
        if (_scheduledMonths is { } scheduledMonths) RunPathByBits(scheduledMonths, states, parameterValues, firstEntry, totals, gates, uniforms, moves);
        else RunPathByMonths(states, parameterValues, firstEntry, totals, gates, uniforms, moves);
    }

    /// <summary>
    /// <see cref="RunPath"/> over at most 64 months: each actor's months where it can move from its present state are one
    /// word of bits (a scheduled move leaves the state that month, or the month's uniform is not at or above the state's
    /// total hazard), found when it enters the state; the next month where any actor can move is the lowest bit at or
    /// after the present month of all the words together.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    [System.Runtime.CompilerServices.SkipLocalsInit]
    private void RunPathByBits(ulong[] scheduledMonths, Span<byte> states, ReadOnlySpan<double> parameterValues, Span<int> firstEntry,
        ReadOnlySpan<double> totals, Span<double> gates, ReadOnlySpan<double> uniforms, Span<long> moves)
    {
        var actors = _actors;
        var n = actors.Length;
        var months = Months;
        var offset = StateOffset;
        var total = offset[^1];
        var finalFlat = _finalFlat;
        Span<ulong> canMove = stackalloc ulong[n];
        Span<byte> before = stackalloc byte[n];
        for (var a = 0; a < n; a++)
        {
            var flat = offset[a] + states[a];
            canMove[a] = MovableMonths(flat, finalFlat, scheduledMonths, totals, uniforms.Slice(a * months, months));
        }
        var gate = Gate(states, parameterValues);
        var m = 0;
        while (m < months)
        {
            var any = 0UL;
            for (var a = 0; a < n; a++) any |= canMove[a];
            any &= ~0UL << m;
            var next = any == 0 ? months : System.Numerics.BitOperations.TrailingZeroCount(any);
            for (var k = m; k < next; k++) gates[k] = gate; // a few months at a time: cheaper than a call to Fill
            if (next == months) return;

            // Month next: the actors that can move run the step rule, all reading the start-of-month states.
            states[..n].CopyTo(before);
            var moved = false;
            var row = next * total;
            for (var a = 0; a < n; a++)
            {
                if ((canMove[a] >> next & 1) == 0) continue;
                var s = before[a];
                var to = (byte)actors[a].Step(next, before, uniforms[a * months + next], parameterValues);
                if (to == s) continue;
                states[a] = to;
                moved = true;
                var from = offset[a] + s;
                var into = offset[a] + to;
                moves[row + from]--;
                moves[row + into]++;
                ref var first = ref firstEntry[into];
                if (first < 0) first = next;
                canMove[a] = MovableMonths(into, finalFlat, scheduledMonths, totals, uniforms.Slice(a * months, months));
            }
            if (moved) gate = Gate(states, parameterValues);
            gates[next] = gate;
            m = next + 1;
        }
    }

    /// <summary>The months (bit m) in which an actor in flattened state <paramref name="flat"/> can move, from its uniforms <paramref name="u"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static ulong MovableMonths(int flat, bool[] finalFlat, ulong[] scheduledMonths, ReadOnlySpan<double> totals, ReadOnlySpan<double> u)
    {
        if (finalFlat[flat]) return 0;
        var hazard = totals[flat];
        return scheduledMonths[flat] | (hazard <= 0 ? 0 : BelowHazard(u, hazard));
    }

    /// <summary><see cref="RunPath"/> past 64 months: the months from the present one scanned one by one for each actor.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    private void RunPathByMonths(Span<byte> states, ReadOnlySpan<double> parameterValues, Span<int> firstEntry,
        ReadOnlySpan<double> totals, Span<double> gates, ReadOnlySpan<double> uniforms, Span<long> moves)
    {
        var actors = _actors;
        var n = actors.Length;
        var months = Months;
        var offset = StateOffset;
        var total = offset[^1];
        var scheduled = _scheduled;
        Span<byte> before = stackalloc byte[n];
        var gate = Gate(states, parameterValues);
        var m = 0;
        while (m < months)
        {
            // The earliest month from m in which some actor can move.
            var next = months;
            for (var a = 0; a < n; a++)
            {
                var s = states[a];
                if (actors[a].Final[s]) continue;
                var flat = offset[a] + s;
                var hazard = totals[flat];
                var u = uniforms.Slice(a * months, months);
                for (var k = m; k < next; k++)
                {
                    if (!scheduled[k * total + flat] && (hazard <= 0 || u[k] >= hazard)) continue;
                    next = k;
                    break;
                }
            }
            for (var k = m; k < next; k++) gates[k] = gate;
            if (next == months) return;

            for (var a = 0; a < n; a++) before[a] = states[a];
            var moved = false;
            for (var a = 0; a < n; a++)
            {
                var s = before[a];
                var flat = offset[a] + s;
                var u = uniforms[a * months + next];
                if (actors[a].Final[s] || (!scheduled[next * total + flat] && (totals[flat] <= 0 || u >= totals[flat]))) continue;
                var to = (byte)actors[a].Step(next, before, u, parameterValues);
                if (to == s) continue;
                states[a] = to;
                moved = true;
                moves[next * total + flat]--;
                moves[next * total + offset[a] + to]++;
                ref var first = ref firstEntry[offset[a] + to];
                if (first < 0) first = next;
            }
            if (moved) gate = Gate(states, parameterValues);
            gates[next] = gate;
            m = next + 1;
        }
    }

    /// <summary>
    /// Bit k set where !(<paramref name="u"/>[k] ≥ <paramref name="hazard"/>) (so also where either is NaN, as the month-by-month
    /// test has it), for the first 64 months: eight months a compare where the processor has 512- or 256-bit vectors (<see cref="HotPath.EightLanes"/>).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static ulong BelowHazard(ReadOnlySpan<double> u, double hazard)
    {
        var bits = 0UL;
        var length = u.Length;
        if (HotPath.EightLanes && length >= Vector512<double>.Count)
        {
            var h = Vector512.Create(hazard);
            ref var first = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(u);
            var k = 0;
            for (; k <= length - Vector512<double>.Count; k += Vector512<double>.Count)
                bits |= (~Vector512.GreaterThanOrEqual(Vector512.LoadUnsafe(ref first, (nuint)k), h).ExtractMostSignificantBits() & 0xFFUL) << k;
            if (k < length)
            {
                // The last eight months, overlapping the ones already done (a month's bit is the same either way).
                k = length - Vector512<double>.Count;
                bits |= (~Vector512.GreaterThanOrEqual(Vector512.LoadUnsafe(ref first, (nuint)k), h).ExtractMostSignificantBits() & 0xFFUL) << k;
            }
            return bits;
        }
        for (var k = 0; k < length; k++)
            if (!(u[k] >= hazard)) bits |= 1UL << k;
        return bits;
    }

    /// <summary>
    /// The occupancy counts (per month, flattened state: trials in the state after the month's step) of
    /// <paramref name="trials"/> trials run by <see cref="RunPath"/> whose moves were summed into <paramref name="moves"/>:
    /// every trial starts in the initial states, and a move changes the counts of its month and every later one.
    /// Added to <paramref name="occupancy"/>.
    /// </summary>
    public void Occupancy(long trials, ReadOnlySpan<long> moves, Span<long> occupancy)
    {
        var total = TotalStates;
        Span<long> running = stackalloc long[total];
        running.Clear();
        for (var a = 0; a < _actors.Length; a++) running[StateOffset[a] + _actors[a].Initial] = trials;
        for (var m = 0; m < Months; m++)
            for (var flat = 0; flat < total; flat++)
            {
                running[flat] += moves[m * total + flat];
                occupancy[m * total + flat] += running[flat];
            }
    }

    /// <summary>
    /// <see cref="StepMonth"/> with observed states pinned (a run conditioned on history): an actor with an observation
    /// this month (<paramref name="observed"/>[a] ≥ 0) moves to the observed state without drawing its uniform, and
    /// <paramref name="factors"/>[a] receives the probability its own step rule gave that move (<see cref="ObservedStep"/>);
    /// every other actor steps as usual (factor 1).
    /// </summary>
    public bool StepMonthObserved(int month, ReadOnlySpan<ulong> actorStreams, ReadOnlySpan<byte> before, Span<byte> after,
        ReadOnlySpan<double> parameterValues, Span<int> firstEntry, ReadOnlySpan<int> observed, Span<double> factors)
    {
        var actors = _actors;
        var offset = StateOffset;
        var moved = false;
        for (var a = 0; a < actors.Length; a++)
        {
            var actor = actors[a];
            var s = before[a];
            byte to;
            if (observed[a] >= 0)
            {
                factors[a] = ObservedStep.Factor(actor, month, before, observed[a], parameterValues);
                to = (byte)observed[a];
            }
            else
            {
                factors[a] = 1;
                to = actor.Final[s] ? s : (byte)actor.Step(month, before, RandomStreams.Uniform(actorStreams[a], month), parameterValues);
            }
            after[a] = to;
            if (to == s) continue;
            moved = true;
            ref var first = ref firstEntry[offset[a] + to];
            if (first < 0) first = month;
        }
        return moved;
    }

    /// <summary>
    /// One month's step for every actor with given uniforms (for hand-worked tests of the rule; the engine runs
    /// <see cref="StepMonth"/>, which applies the same per-actor rule to its streams' uniforms).
    /// <paramref name="after"/> may be the same buffer as <paramref name="before"/> (guards still read the
    /// start-of-month states).
    /// </summary>
    internal void Step(int month, ReadOnlySpan<byte> before, Span<byte> after, ReadOnlySpan<double> uniforms, ReadOnlySpan<double> parameterValues)
    {
        // Stepping in place would let later actors' guards see earlier actors' moves of this month.
        Span<byte> start = stackalloc byte[_actors.Length];
        before[.._actors.Length].CopyTo(start);
        for (var a = 0; a < _actors.Length; a++)
            after[a] = (byte)_actors[a].Step(month, start, uniforms[a], parameterValues);
    }

    /// <summary>The actors' streams for one trial.</summary>
    public void Streams(ulong trialHash, Span<ulong> streams)
    {
        for (var a = 0; a < ActorKeys.Length; a++) streams[a] = RandomStreams.StreamOf(trialHash, ActorKeys[a]);
    }

    /// <summary>The combined gate: the product of each actor's state gate (drawn once per trial).</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    public double Gate(ReadOnlySpan<byte> states, ReadOnlySpan<double> parameterValues)
    {
        var g = 1.0;
        var offset = StateOffset;
        var gate = _gateParameter;
        for (var a = 0; a < offset.Length - 1; a++) g *= parameterValues[gate[offset[a] + states[a]]];
        return g;
    }

    /// <summary>
    /// Runs one trial's actors through every month by <see cref="StepMonth"/> into <paramref name="outcome"/>;
    /// when <paramref name="path"/> is not empty it receives the states row by row, (Months + 1) × ActorCount:
    /// row 0 the initial states, row m + 1 the states after month m's step.
    /// </summary>
    internal void Run(ulong trialHash, ReadOnlySpan<double> parameterValues, PolicyOutcome outcome, Span<byte> path = default)
    {
        var n = _actors.Length;
        Span<ulong> streams = stackalloc ulong[n];
        Span<byte> before = stackalloc byte[n];
        Span<byte> after = stackalloc byte[n];
        Span<double> totals = stackalloc double[TotalStates];
        Streams(trialHash, streams);
        Reset(before);
        TotalHazards(parameterValues, totals);
        outcome.Begin(before);
        if (!path.IsEmpty) before.CopyTo(path);
        for (var m = 0; m < Months; m++)
        {
            StepMonth(m, streams, before, after, parameterValues, outcome.FirstEntries, totals);
            outcome.Record(m, after, Gate(after, parameterValues));
            if (!path.IsEmpty) after.CopyTo(path[((m + 1) * n)..]);
            after.CopyTo(before);
        }
    }
}
