using System.Collections.Immutable;
using MathNet.Numerics.LinearAlgebra;

namespace Alibaba.ChipSim.Scenarios;

/// <summary>
/// The target rank-correlation matrix of a scenario's <c>correlations:</c> section: the parameters
/// named there (in order of first mention) and their pairwise Spearman ρ, 0 where no pair is given.
/// </summary>
public sealed class CorrelationMatrix
{
    /// <summary>Below this, an eigenvalue counts as negative (rounding in the decomposition is far smaller).</summary>
    public const double EigenTolerance = 1e-9;

    private CorrelationMatrix(ImmutableArray<string> paths, double[,] rho, ImmutableArray<CorrelationSpec> pairs)
    {
        Paths = paths;
        Rho = rho;
        Pairs = pairs;
    }

    public ImmutableArray<string> Paths { get; }

    public ImmutableArray<CorrelationSpec> Pairs { get; }

    /// <summary>Spearman ρ between <see cref="Paths"/>[i] and [j]; 1 on the diagonal. Not to be modified.</summary>
    internal double[,] Rho { get; }

    public int Count => Paths.Length;

    public double this[int i, int j] => Rho[i, j];

    public static CorrelationMatrix From(IEnumerable<CorrelationSpec> correlations)
    {
        var pairs = correlations.ToImmutableArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var paths = ImmutableArray.CreateBuilder<string>();
        foreach (var c in pairs)
            foreach (var p in new[] { c.First, c.Second })
                if (index.TryAdd(p, paths.Count)) paths.Add(p);
        var n = paths.Count;
        var rho = new double[n, n];
        for (var i = 0; i < n; i++) rho[i, i] = 1;
        foreach (var c in pairs)
        {
            var a = index[c.First];
            var b = index[c.Second];
            if (a == b) continue;
            rho[a, b] = rho[b, a] = c.Rho;
        }
        return new CorrelationMatrix(paths.ToImmutable(), rho, pairs);
    }

    /// <summary>
    /// When the matrix is not positive semi-definite, the pairs behind it: along the eigenvector of the
    /// most negative eigenvalue v, vᵀCv &lt; 0 is the sum of 1 (the diagonal) and 2·vᵢvⱼρᵢⱼ over the pairs;
    /// the pairs with a negative term pull it below zero. Returned most negative term first; empty when PSD.
    /// </summary>
    public ImmutableArray<CorrelationSpec> OffendingPairs(out double smallestEigenvalue)
    {
        smallestEigenvalue = 1;
        if (Count == 0) return [];
        var evd = Evd();
        var smallest = 0;
        for (var i = 1; i < Count; i++)
            if (evd.EigenValues[i].Real < evd.EigenValues[smallest].Real) smallest = i;
        smallestEigenvalue = evd.EigenValues[smallest].Real;
        if (smallestEigenvalue >= -EigenTolerance) return [];
        var v = evd.EigenVectors.Column(smallest);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Count; i++) index[Paths[i]] = i;
        return [.. Pairs
            .Select(p => (p, term: 2 * v[index[p.First]] * v[index[p.Second]] * p.Rho))
            .Where(x => x.term < 0)
            .OrderBy(x => x.term)
            .Select(x => x.p)];
    }

    private MathNet.Numerics.LinearAlgebra.Factorization.Evd<double> Evd() =>
        Matrix<double>.Build.Dense(Count, Count, (i, j) => Rho[i, j]).Evd(Symmetricity.Symmetric);
}
