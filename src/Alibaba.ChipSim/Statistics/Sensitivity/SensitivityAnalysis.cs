using System.Collections.Immutable;
using MathNet.Numerics.LinearAlgebra;

namespace Alibaba.ChipSim.Statistics.Sensitivity;

/// <summary>
/// Rank-based global sensitivity: for each output, Spearman's ρ with every input, and a linear regression
/// of the output's ranks on all the inputs' ranks (SRRC, R²). Rows where the output is missing (NaN) are
/// left out for that output; inputs must be defined in every trial.
/// </summary>
public static class SensitivityAnalysis
{
    /// <param name="inputs">Per-trial inputs.</param>
    /// <param name="outputs">Per-trial outputs.</param>
    /// <param name="weights">
    /// The trials' weights in a run conditioned on history (docs/history.md), or null. Trials of weight 0 carry no information
    /// and are left out; when the rest have equal weights the analysis is the unweighted one of those trials, bit for bit;
    /// otherwise ranks are weighted mid-ranks and correlations and the regression are weighted
    /// (<see cref="Standardized.Of(ReadOnlyMemory{double}[], double[])"/>).
    /// </param>
    public static SensitivityReport Compute(IReadOnlyList<KeyValuePair<string, double[]>> inputs, IReadOnlyList<KeyValuePair<string, double[]>> outputs,
        double[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        if (weights is null) return Analyse(inputs, outputs, null);
        var rows = new List<int>(weights.Length);
        for (var i = 0; i < weights.Length; i++) if (weights[i] > 0) rows.Add(i);
        var kept = rows.ToArray();
        var keptWeights = Gather(weights, kept);
        var keptInputs = inputs.Select(c => new KeyValuePair<string, double[]>(c.Key, Gather(c.Value, kept))).ToList();
        var keptOutputs = outputs.Select(c => new KeyValuePair<string, double[]>(c.Key, Gather(c.Value, kept))).ToList();
        // Equal weights on the trials that have weight: the unweighted analysis of those trials is the weighted one.
        var equal = Array.TrueForAll(keptWeights, w => w == keptWeights[0]);
        return Analyse(keptInputs, keptOutputs, equal ? null : keptWeights);
    }

    /// <summary>Every output against every input; with <paramref name="weights"/> (all &gt; 0), ranks and correlations weighted.</summary>
    private static SensitivityReport Analyse(IReadOnlyList<KeyValuePair<string, double[]>> inputs, IReadOnlyList<KeyValuePair<string, double[]>> outputs,
        double[]? weights)
    {
        var names = inputs.Select(i => i.Key).ToImmutableArray();
        var results = ImmutableArray.CreateBuilder<OutputSensitivity>(outputs.Count);
        Standardized? full = null;
        foreach (var (name, y) in outputs)
        {
            var rows = DefinedRows(y);
            var w = weights is null || rows is null ? weights : Gather(weights, rows);
            Standardized Of(ReadOnlyMemory<double>[] columns) => w is null ? Standardized.Of(columns) : Standardized.Of(columns, w);
            var x = rows is null
                ? full ??= Of(inputs.Select(i => (ReadOnlyMemory<double>)i.Value).ToArray())
                : Of(inputs.Select(i => (ReadOnlyMemory<double>)Gather(i.Value, rows)).ToArray());
            var yValues = rows is null ? y : Gather(y, rows);
            results.Add(Analyse(name, names, x, yValues, w));
        }
        return new SensitivityReport(names, results.MoveToImmutable());
    }

    private static OutputSensitivity Analyse(string output, ImmutableArray<string> names, Standardized x, double[] y, double[]? weights = null)
    {
        var k = names.Length;
        var n = y.Length;
        var yz = (weights is null ? Standardized.Of([y]) : Standardized.Of([y], weights)).Columns[0];
        var rho = new double[k];
        for (var i = 0; i < k; i++) rho[i] = x.Columns[i] is { } c && yz is not null ? Standardized.Correlation(c, yz) : double.NaN;

        // Regression on the inputs that vary (and with an output that varies): β = Rxx⁻¹ rxy, R² = β·rxy.
        var used = Enumerable.Range(0, k).Where(i => !double.IsNaN(rho[i])).ToArray();
        var srrc = new double[k];
        Array.Fill(srrc, double.NaN);
        var r2 = double.NaN;
        if (used.Length > 0 && n > used.Length + 1)
        {
            var rxx = Matrix<double>.Build.Dense(used.Length, used.Length, (a, b) => x.Correlation(used[a], used[b]));
            var rxy = Vector<double>.Build.Dense(used.Length, a => rho[used[a]]);
            // The pseudo-inverse keeps collinear inputs (e.g. a hazard and the approval month it drives) from blowing up.
            var beta = rxx.PseudoInverse() * rxy;
            r2 = Math.Clamp(beta.DotProduct(rxy), 0, 1);
            for (var a = 0; a < used.Length; a++) srrc[used[a]] = beta[a];
        }
        var sumSquares = 0.0;
        foreach (var b in srrc) if (!double.IsNaN(b)) sumSquares += b * b;
        var entries = new InputSensitivity[k];
        for (var i = 0; i < k; i++)
        {
            var share = double.IsNaN(srrc[i]) ? double.NaN : sumSquares > 0 ? srrc[i] * srrc[i] / sumSquares : 0;
            entries[i] = new InputSensitivity(names[i], rho[i], srrc[i], share);
        }
        var ranked = entries
            .OrderByDescending(e => double.IsNaN(e.Spearman) ? -1 : Math.Abs(e.Spearman))
            .ThenBy(e => e.Input, StringComparer.Ordinal)
            .ToImmutableArray();
        return new OutputSensitivity(output, n, r2, ranked);
    }

    /// <summary>The rows where <paramref name="y"/> is defined, or null when it is defined everywhere.</summary>
    private static int[]? DefinedRows(double[] y)
    {
        var missing = 0;
        foreach (var v in y) if (double.IsNaN(v)) missing++;
        if (missing == 0) return null;
        var rows = new int[y.Length - missing];
        var j = 0;
        for (var i = 0; i < y.Length; i++) if (!double.IsNaN(y[i])) rows[j++] = i;
        return rows;
    }

    private static double[] Gather(double[] values, int[] rows)
    {
        var result = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++) result[i] = values[rows[i]];
        return result;
    }
}
