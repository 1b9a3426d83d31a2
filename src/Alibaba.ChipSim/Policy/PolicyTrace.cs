using Alibaba.ChipSim.Sampling;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Policy;

/// <summary>
/// The state path of every actor in one trial (scenario, seed, trial), by the fast path
/// (<see cref="CompiledPolicy"/>) or by the reference path (<see cref="ReferencePolicy"/>), on the same
/// random numbers as the engine: the parameters from <see cref="ParameterTable.Draw"/>, each actor's
/// uniforms from the stream "actors.&lt;name&gt;" with the month as counter. Reuse one instance across
/// trials; not thread-safe.
/// </summary>
internal sealed class PolicyTrace
{
    private readonly Scenario _scenario;
    private readonly ParameterTable _parameters;
    private readonly CompiledPolicy _compiled;
    private readonly ReferencePolicy _reference;
    private readonly PolicyOutcome _outcome;
    private readonly double[] _values;
    private readonly ulong[] _actorKeys;

    public PolicyTrace(Scenario scenario)
    {
        _scenario = scenario;
        _parameters = ParameterTable.For(scenario);
        _compiled = new CompiledPolicy(scenario, _parameters);
        _reference = new ReferencePolicy(scenario, _parameters);
        _outcome = new PolicyOutcome(_compiled);
        _values = new double[_parameters.Count];
        _actorKeys = scenario.Actors.Select(a => RandomStreams.KeyOf("actors." + a.Name)).ToArray();
    }

    public CompiledPolicy Compiled => _compiled;

    public ParameterTable Parameters => _parameters;

    /// <summary>The outcome of the last <see cref="Fast"/> call.</summary>
    public PolicyOutcome LastOutcome => _outcome;

    /// <summary>The path by the compiled tables.</summary>
    public PolicyPath Fast(ulong seed, long trial)
    {
        var trialHash = RandomStreams.TrialHash(seed, trial);
        _parameters.Draw(trial, trialHash, _values);
        var n = _scenario.Actors.Length;
        var months = _scenario.Calendar.Months;
        var states = new byte[(months + 1) * n];
        _compiled.Run(trialHash, _values, _outcome, states);
        return new PolicyPath(_scenario.Actors, months, states, _outcome.Gates.ToArray());
    }

    /// <summary>The path by stepping the Stateless machines.</summary>
    public PolicyPath Reference(ulong seed, long trial)
    {
        var trialHash = RandomStreams.TrialHash(seed, trial);
        _parameters.Draw(trial, trialHash, _values);
        var n = _scenario.Actors.Length;
        var months = _scenario.Calendar.Months;
        var states = new byte[(months + 1) * n];
        var gates = new double[months];
        var uniforms = new double[n];
        _reference.Reset();
        _reference.States(states.AsSpan(0, n));
        for (var m = 0; m < months; m++)
        {
            for (var a = 0; a < n; a++)
                uniforms[a] = RandomStreams.Uniform(RandomStreams.StreamOf(trialHash, _actorKeys[a]), m);
            _reference.Step(m, uniforms, _values);
            _reference.States(states.AsSpan((m + 1) * n, n));
            gates[m] = _reference.Gate(_values);
        }
        return new PolicyPath(_scenario.Actors, months, states, gates);
    }
}
