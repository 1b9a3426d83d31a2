using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Alibaba.ChipSim.Sampling;

/// <summary>
/// The Iman–Conover method (1982): rearranges the rows of each column so that the columns reach a
/// target rank correlation, without changing any value, so every marginal stays exactly as drawn.
/// Van der Waerden scores Φ⁻¹(r/(n+1)) take each column's current ranks; the score matrix S is
/// decorrelated with the Cholesky factor F of its own correlation and correlated with a factor P of
/// the target, T = S F⁻ᵀ Pᵀ; each column is then reordered to the ranks of T's column.
/// </summary>
internal static class ImanConover
{
    /// <summary>
    /// Rearranges <paramref name="columns"/> (k columns of n values) in place towards the Spearman
    /// correlations <paramref name="spearman"/> (k × k, unit diagonal, positive semi-definite).
    /// </summary>
    public static void Apply(double[][] columns, double[,] spearman)
    {
        var k = columns.Length;
        if (k < 2) return;
        var n = columns[0].Length;
        if (n < k + 1) return; // too few rows to rearrange meaningfully

        var scores = new double[n];
        for (var r = 0; r < n; r++) scores[r] = Normal.InvCDF(0, 1, (r + 1.0) / (n + 1.0));

        // S: column j holds the score of each row's rank in column j.
        var s = new double[k][];
        for (var j = 0; j < k; j++)
        {
            var order = OrderOf(columns[j]);
            var sj = new double[n];
            for (var r = 0; r < n; r++) sj[order[r]] = scores[r];
            s[j] = sj;
        }

        // The scores are the same multiset in every column, mean 0 up to rounding: the correlation is SᵀS / Σs².
        var sumSquares = 0.0;
        for (var r = 0; r < n; r++) sumSquares += scores[r] * scores[r];
        var e = Matrix<double>.Build.Dense(k, k);
        for (var a = 0; a < k; a++)
        {
            e[a, a] = 1;
            for (var b = 0; b < a; b++)
            {
                var dot = 0.0;
                var sa = s[a];
                var sb = s[b];
                for (var r = 0; r < n; r++) dot += sa[r] * sb[r];
                e[a, b] = e[b, a] = dot / sumSquares;
            }
        }

        var target = Matrix<double>.Build.Dense(k, k, (a, b) => PearsonOfNormalScores(spearman[a, b]));
        var m = Factor(target) * Decorrelation(e); // rows of T are (M s_row)

        var t = new double[n];
        var sorted = new double[n];
        for (var j = 0; j < k; j++)
        {
            for (var r = 0; r < n; r++)
            {
                var sum = 0.0;
                for (var l = 0; l <= j; l++) sum += m[j, l] * s[l][r];
                // M is lower-triangular when both factors are Cholesky factors; the full row covers the eigen fallback.
                for (var l = j + 1; l < k; l++) sum += m[j, l] * s[l][r];
                t[r] = sum;
            }
            var column = columns[j];
            Array.Copy(column, sorted, n);
            Array.Sort(sorted);
            var order = OrderOf(t);
            for (var r = 0; r < n; r++) column[order[r]] = sorted[r];
        }
    }

    /// <summary>
    /// The Pearson correlation of normal scores that gives Spearman's ρ: r = 2 sin(πρ/6) (Pearson 1907),
    /// so that the rank correlation reached is the one asked for, not the normal-score one.
    /// </summary>
    public static double PearsonOfNormalScores(double rho) => rho == 1 || rho == -1 ? rho : 2 * Math.Sin(Math.PI * rho / 6);

    /// <summary>F⁻¹ for the Cholesky factor F of the scores' own correlation; the identity in the (measure-zero) case of singular scores.</summary>
    private static Matrix<double> Decorrelation(Matrix<double> e)
    {
        try
        {
            return e.Cholesky().Factor.Inverse();
        }
        catch (ArgumentException)
        {
            return Matrix<double>.Build.DenseIdentity(e.RowCount);
        }
    }

    /// <summary>P with P Pᵀ = C: Cholesky when C is positive definite, else the symmetric square root with negative eigenvalues clipped to 0.</summary>
    private static Matrix<double> Factor(Matrix<double> c)
    {
        try
        {
            return c.Cholesky().Factor;
        }
        catch (ArgumentException)
        {
            var evd = c.Evd(Symmetricity.Symmetric);
            var root = Vector<double>.Build.Dense(c.RowCount, i => Math.Sqrt(Math.Max(0, evd.EigenValues[i].Real)));
            return evd.EigenVectors * Matrix<double>.Build.DenseOfDiagonalVector(root) * evd.EigenVectors.Transpose();
        }
    }

    /// <summary>The row indices of <paramref name="values"/> in ascending order of value (ties by row).</summary>
    internal static int[] OrderOf(double[] values)
    {
        var n = values.Length;
        var keys = (double[])values.Clone();
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        Array.Sort(keys, order);
        // Array.Sort is not stable; put equal keys in row order so the result never depends on the sort's internals.
        for (var i = 0; i < n;)
        {
            var j = i + 1;
            while (j < n && keys[j] == keys[i]) j++;
            if (j - i > 1) Array.Sort(order, i, j - i);
            i = j;
        }
        return order;
    }
}
