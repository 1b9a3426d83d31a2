using System.Collections.Immutable;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Engine;

/// <summary>
/// How many trials were in each state of one actor after each month's step:
/// <c>Counts[month * States.Length + state]</c>. For the report's occupancy charts.
/// </summary>
public sealed class StateOccupancy(string actor, ImmutableArray<string> states, Month start, int months, long[] counts)
{
    public string Actor { get; } = actor;
    public ImmutableArray<string> States { get; } = states;
    public Month Start { get; } = start;
    public int Months { get; } = months;
    public long[] Counts { get; } = counts;

    public long Count(int month, int state) => Counts[month * States.Length + state];
}
