using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Policy;

/// <summary>
/// The actors of a scenario compiled into flat arrays for the inner loop (the fast path). The
/// Stateless machines (<see cref="PolicyMachines"/>) are the reference; tests hold both to the same
/// state paths on the same random numbers.
/// </summary>
public sealed class CompiledPolicy
{
    private readonly CompiledActor[] _actors;

    public CompiledPolicy(Scenario scenario, ParameterTable parameters)
    {
        Months = scenario.Calendar.Months;
        Start = scenario.Calendar.Start;
        var actorIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var a = 0; a < scenario.Actors.Length; a++) actorIndex[scenario.Actors[a].Name] = a;
        _actors = scenario.Actors.Select(a => new CompiledActor(a, scenario.Actors, actorIndex, parameters, Start, Months)).ToArray();
        ActorKeys = scenario.Actors.Select(a => RandomStreams.KeyOf("actors." + a.Name)).ToArray();
    }

    public int Months { get; }

    public Month Start { get; }

    public int ActorCount => _actors.Length;

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
    /// <paramref name="month"/> (0-based); <paramref name="after"/> receives the states after the step.
    /// <paramref name="uniforms"/> holds each actor's uniform for this month.
    /// </summary>
    public void Step(int month, ReadOnlySpan<byte> before, Span<byte> after, ReadOnlySpan<double> uniforms, ReadOnlySpan<double> parameterValues)
    {
        for (var a = 0; a < _actors.Length; a++)
            after[a] = (byte)_actors[a].Step(month, before, uniforms[a], parameterValues);
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
}
