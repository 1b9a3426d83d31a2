using System.Collections.Immutable;
using System.Text;

namespace Alibaba.ChipSim.Policy;

/// <summary>
/// Every actor's state month by month in one trial: row 0 holds the initial states, row m + 1 the
/// states after month m's step; with the combined gate of each month.
/// </summary>
internal sealed class PolicyPath
{
    private readonly byte[] _states;
    private readonly double[] _gates;

    internal PolicyPath(ImmutableArray<Scenarios.ActorSpec> actors, int months, byte[] states, double[] gates)
    {
        Actors = actors;
        Months = months;
        _states = states;
        _gates = gates;
    }

    public ImmutableArray<Scenarios.ActorSpec> Actors { get; }

    public int Months { get; }

    /// <summary>Actor <paramref name="actor"/>'s state index in row <paramref name="row"/> (0 = initial, m + 1 = after month m).</summary>
    public int State(int actor, int row) => _states[row * Actors.Length + actor];

    public string StateName(int actor, int row) => Actors[actor].States[State(actor, row)].Name;

    /// <summary>The combined gate of month <paramref name="month"/> (0-based), after its step.</summary>
    public double Gate(int month) => _gates[month];

    /// <summary>True when both paths visit the same states in the same months and see the same gates, bit for bit.</summary>
    public bool SameAs(PolicyPath other) =>
        Actors.Length == other.Actors.Length && _states.AsSpan().SequenceEqual(other._states)
        && _gates.AsSpan().SequenceEqual(other._gates);

    /// <summary>One line per actor: the state names from the initial one to the last month's.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        for (var a = 0; a < Actors.Length; a++)
        {
            sb.Append(Actors[a].Name).Append(':');
            for (var row = 0; row <= Months; row++) sb.Append(' ').Append(StateName(a, row));
            sb.AppendLine();
        }
        return sb.ToString();
    }
}
