using System.Collections.Immutable;
using System.Globalization;

namespace Alibaba.ChipSim.Scenarios;

/// <summary>
/// The check the structural validation cannot make pair by pair: the rank correlations of a scenario
/// must be able to hold together, i.e. their matrix must be positive semi-definite.
/// </summary>
public static class CorrelationMatrixCheck
{
    /// <summary>One error per offending pair (at its position), naming the other offending pairs; empty when the matrix is PSD.</summary>
    public static ImmutableArray<Diagnostic> Check(ImmutableArray<CorrelationSpec> correlations) =>
        correlations.IsDefaultOrEmpty ? [] : CheckAt(correlations.Select((c, i) => (c, $"correlations[{i}]")).ToList());

    /// <summary>As <see cref="Check(ImmutableArray{CorrelationSpec})"/>, each pair with the key path to report it under.</summary>
    public static ImmutableArray<Diagnostic> CheckAt(IReadOnlyList<(CorrelationSpec Pair, string KeyPath)> correlations)
    {
        if (correlations.Count == 0) return [];
        var matrix = CorrelationMatrix.From(correlations.Select(c => c.Pair));
        var offending = matrix.OffendingPairs(out var smallest);
        if (offending.IsEmpty) return [];
        var listed = string.Join("; ", offending.Select(Describe));
        var result = ImmutableArray.CreateBuilder<Diagnostic>(offending.Length);
        foreach (var pair in offending)
        {
            var keyPath = correlations.First(c => ReferenceEquals(c.Pair, pair)).KeyPath;
            var message = string.Create(CultureInfo.InvariantCulture,
                $"these rank correlations cannot all hold: the correlation matrix is not positive semi-definite (smallest eigenvalue {smallest:0.####}); the conflicting pairs are {listed}; weaken one of them");
            result.Add(new Diagnostic(Severity.Error, pair.Location, keyPath, message));
        }
        return result.MoveToImmutable();
    }

    private static string Describe(CorrelationSpec p) =>
        string.Create(CultureInfo.InvariantCulture, $"{p.First} ~ {p.Second} (rho {p.Rho}, line {p.Location.Line})");
}
