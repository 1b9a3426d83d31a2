using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Alibaba.ChipSim.Scenarios;

/// <summary>
/// What loading a scenario gave: the scenario when there is no error, and every diagnostic
/// (errors and warnings) in file order.
/// </summary>
public sealed record ScenarioLoadResult(Scenario? Scenario, ImmutableArray<Diagnostic> Diagnostics)
{
    [MemberNotNullWhen(true, nameof(Scenario))]
    public bool Succeeded => Scenario is not null;

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning);
}
