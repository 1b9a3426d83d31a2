using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Alibaba.ChipSim.Scenarios.Actuals;

/// <summary>The actuals when the file has no error, and every diagnostic in file order.</summary>
public sealed record ActualsLoadResult(ActualsFile? Actuals, ImmutableArray<Diagnostic> Diagnostics)
{
    [MemberNotNullWhen(true, nameof(Actuals))]
    public bool Succeeded => Actuals is not null;
}
