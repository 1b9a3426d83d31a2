using System.Collections.Immutable;

namespace Alibaba.ChipSim.Scenarios;

/// <summary>The reported quarters of a horizon and, per simulated month, its quarter's index (−1 if not reported).</summary>
public sealed record QuarterLayout(ImmutableArray<string> Names, int[] QuarterOfMonth)
{
    public int Count => Names.Length;
}
