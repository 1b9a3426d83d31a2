using System.Collections.Immutable;

namespace Alibaba.ChipSim.Scenarios.Validation;

/// <summary>How a distribution parameter is written.</summary>
internal enum DistributionArgumentType
{
    Number,
    Integer,
    NumberList,
}

internal sealed record DistributionArgument(string Name, DistributionArgumentType Type, string Description);

/// <summary>
/// One <c>dist:</c> of the scenario format: its arguments and which of them are required
/// (<see cref="RequiredSets"/> lists alternatives: lognormal takes mean/sd or mu/sigma).
/// Continuous kinds also take <c>low</c>/<c>high</c> (truncation).
/// </summary>
internal sealed record DistributionKind(
    string Name,
    string Description,
    bool Continuous,
    ImmutableArray<DistributionArgument> Arguments,
    ImmutableArray<ImmutableArray<string>> RequiredSets)
{
    public IEnumerable<string> AllowedKeys =>
        Arguments.Select(a => a.Name).Prepend("dist").Concat(Continuous ? ["low", "high"] : []);
}
