using System.Globalization;
using Alibaba.ChipSim.Distributions;

namespace Alibaba.ChipSim.Report;

/// <summary>A distribution as a reader would write it: <c>PERT(24,000, 27,000, 31,000)</c>, <c>0.25</c>.</summary>
internal static class DistributionText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Of(DistributionSpec spec)
    {
        var text = spec switch
        {
            FixedDistribution f => N(f.Value),
            UniformDistribution u => $"uniform({N(u.Min)}, {N(u.Max)})",
            UniformIntDistribution u => $"uniform whole numbers({N(u.Min)}, {N(u.Max)})",
            TriangularDistribution t => $"triangular({N(t.Min)}, {N(t.Mode)}, {N(t.Max)})",
            PertDistribution p => p.Lambda == 4
                ? $"PERT({N(p.Min)}, {N(p.Mode)}, {N(p.Max)})"
                : $"PERT({N(p.Min)}, {N(p.Mode)}, {N(p.Max)}; λ {N(p.Lambda)})",
            NormalDistribution n => $"normal(mean {N(n.Mean)}, sd {N(n.Sd)})",
            LogNormalDistribution l => LogNormal(l),
            BetaDistribution b => $"beta({N(b.Alpha)}, {N(b.Beta)})",
            BernoulliDistribution b => $"Bernoulli({N(b.P)})",
            DiscreteDistribution d => $"discrete({string.Join(", ", d.Values.Select(N))}; weights {string.Join(", ", d.Weights.Select(N))})",
            _ => spec.Kind,
        };
        if (spec.Low is not null || spec.High is not null)
            text += $" truncated to [{(spec.Low is { } lo ? N(lo) : "−∞")}, {(spec.High is { } hi ? N(hi) : "∞")}]";
        return text;
    }

    /// <summary>Log-normals are written by the variable's own mean and sd; the scenario stores μ and σ of the logarithm.</summary>
    private static string LogNormal(LogNormalDistribution l)
    {
        var mean = Math.Exp(l.Mu + l.Sigma * l.Sigma / 2);
        var sd = mean * Math.Sqrt(Math.Exp(l.Sigma * l.Sigma) - 1);
        return $"lognormal(mean {N(Round(mean))}, sd {N(Round(sd))})";
    }

    /// <summary>Round-trips the conversion's last-bit noise away (12 significant digits).</summary>
    private static double Round(double v) => v == 0 ? 0 : double.Parse(v.ToString("G12", Invariant), Invariant);

    private static string N(double v)
    {
        if (v == Math.Floor(v) && Math.Abs(v) < 1e15) return v.ToString("#,0", Invariant).Replace("-", "−", StringComparison.Ordinal);
        return v.ToString(Math.Abs(v) >= 1000 ? "#,0.####" : "0.######", Invariant).Replace("-", "−", StringComparison.Ordinal);
    }
}
