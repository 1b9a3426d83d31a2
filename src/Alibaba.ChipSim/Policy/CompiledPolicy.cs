using Alibaba.ChipSim.Sampling;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Policy;

/// <summary>
/// The actors of a scenario compiled into flat arrays for the inner loop (the fast path), from their
/// Stateless definitions (<see cref="PolicyMachines"/>). <see cref="ReferencePolicy"/> steps the
/// Stateless machines themselves; tests hold both to the same state paths on the same random numbers.
/// </summary>
public sealed class CompiledPolicy
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
    }

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
    /// One month's step for every actor: <paramref name="before"/> holds the states at the start of month
    /// <paramref name="month"/> (0-based); <paramref name="after"/> receives the states after the step and
    /// may be the same buffer (guards still read the start-of-month states).
    /// <paramref name="uniforms"/> holds each actor's uniform for this month.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Step(int month, ReadOnlySpan<byte> before, Span<byte> after, ReadOnlySpan<double> uniforms, ReadOnlySpan<double> parameterValues)
    {
        if (before.Overlaps(after))
        {
            StepInPlace(month, before, after, uniforms, parameterValues);
            return;
        }
        for (var a = 0; a < _actors.Length; a++)
            after[a] = (byte)_actors[a].Step(month, before, uniforms[a], parameterValues);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void StepInPlace(int month, ReadOnlySpan<byte> before, Span<byte> after, ReadOnlySpan<double> uniforms, ReadOnlySpan<double> parameterValues)
    {
        // Stepping in place would let later actors' guards see earlier actors' moves of this month.
        Span<byte> start = stackalloc byte[_actors.Length];
        before[.._actors.Length].CopyTo(start);
        for (var a = 0; a < _actors.Length; a++)
            after[a] = (byte)_actors[a].Step(month, start, uniforms[a], parameterValues);
    }

    /// <summary>Draws each actor's uniform for <paramref name="month"/> from its stream.</summary>
    public void MonthUniforms(ReadOnlySpan<ulong> actorStreams, int month, Span<double> uniforms)
    {
        for (var a = 0; a < actorStreams.Length; a++) uniforms[a] = RandomStreams.Uniform(actorStreams[a], month);
    }

    /// <summary>The actors' streams for one trial.</summary>
    public void Streams(ulong trialHash, Span<ulong> streams)
    {
        for (var a = 0; a < ActorKeys.Length; a++) streams[a] = RandomStreams.StreamOf(trialHash, ActorKeys[a]);
    }

    /// <summary>The combined gate: the product of each actor's state gate (drawn once per trial).</summary>
    public double Gate(ReadOnlySpan<byte> states, ReadOnlySpan<double> parameterValues)
    {
        var g = 1.0;
        for (var a = 0; a < _actors.Length; a++) g *= parameterValues[_actors[a].GateParameter[states[a]]];
        return g;
    }

    /// <summary>
    /// Runs one trial's actors through every month into <paramref name="outcome"/>; when
    /// <paramref name="path"/> is not empty it receives the states row by row, (Months + 1) × ActorCount:
    /// row 0 the initial states, row m + 1 the states after month m's step.
    /// </summary>
    public void Run(ulong trialHash, ReadOnlySpan<double> parameterValues, PolicyOutcome outcome, Span<byte> path = default)
    {
        var n = _actors.Length;
        Span<ulong> streams = stackalloc ulong[n];
        Span<double> uniforms = stackalloc double[n];
        Span<byte> before = stackalloc byte[n];
        Span<byte> after = stackalloc byte[n];
        Streams(trialHash, streams);
        Reset(before);
        outcome.Begin(before);
        if (!path.IsEmpty) before.CopyTo(path);
        for (var m = 0; m < Months; m++)
        {
            MonthUniforms(streams, m, uniforms);
            Step(m, before, after, uniforms, parameterValues);
            outcome.Record(m, before, after, Gate(after, parameterValues));
            if (!path.IsEmpty) after.CopyTo(path[((m + 1) * n)..]);
            after.CopyTo(before);
        }
    }
}
