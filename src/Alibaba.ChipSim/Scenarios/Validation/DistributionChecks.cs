using System.Collections.Immutable;
using Alibaba.ChipSim.Distributions;

namespace Alibaba.ChipSim.Scenarios.Validation;

/// <summary>
/// The rules of each distribution's arguments (docs/scenario-format.md#distributions), each message naming what was expected and
/// what was got, e.g. <c>uniform-int needs min &lt;= max (got min 10000, max 5000)</c>.
/// </summary>
internal sealed class DistributionChecks(DiagnosticBag diagnostics, SourceLocation at, string path)
{
    private bool _ok = true;

    public DistributionSpec? Build(string kind, Dictionary<string, double> n, Dictionary<string, ImmutableArray<double>> lists)
    {
        double Arg(string key) => n.GetValueOrDefault(key);
        DistributionSpec? spec = kind switch
        {
            "fixed" => new FixedDistribution(Arg("value")),
            "uniform" => MinMax(kind, Arg("min"), Arg("max")) ? new UniformDistribution(Arg("min"), Arg("max")) : null,
            "uniform-int" => UniformInt(Arg("min"), Arg("max")),
            "triangular" => MinModeMax(kind, Arg("min"), Arg("mode"), Arg("max")) ? new TriangularDistribution(Arg("min"), Arg("mode"), Arg("max")) : null,
            "pert" => Pert(Arg("min"), Arg("mode"), Arg("max"), n.TryGetValue("lambda", out var l) ? l : 4),
            "normal" => Positive(kind, "sd", Arg("sd")) ? new NormalDistribution(Arg("mean"), Arg("sd")) : null,
            "lognormal" => LogNormal(n),
            "beta" => Positive(kind, "alpha", Arg("alpha")) & Positive(kind, "beta", Arg("beta")) ? new BetaDistribution(Arg("alpha"), Arg("beta")) : null,
            "bernoulli" => Probability(Arg("p")) ? new BernoulliDistribution(Arg("p")) : null,
            "discrete" => Discrete(lists["values"], lists["weights"]),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a kind of DistributionKinds without a builder"),
        };
        if (spec is null || !_ok) return null;
        double? low = n.TryGetValue("low", out var lo) ? lo : null;
        double? high = n.TryGetValue("high", out var hi) ? hi : null;
        if (low is not null || high is not null)
        {
            spec = spec with { Low = low, High = high };
            if (!Truncation(spec)) return null;
        }
        return Samplable(spec, n) ? spec : null;
    }

    /// <summary>
    /// A last guard for arguments so extreme that the quantile function breaks down (a PERT with
    /// λ = 1e308, a beta with α = 1e-300): probe it where the engine will, and refuse what is not finite.
    /// </summary>
    private bool Samplable(DistributionSpec spec, Dictionary<string, double> arguments)
    {
        var probes = new[] { 1e-9, 0.001, 0.5, 0.999, 1 - 1e-9 };
        try
        {
            if (spec.Low is null && spec.High is null && spec is PertDistribution or BetaDistribution)
            {
                // Checked on MathNet's exact quantile, without building the engine's interpolation table.
                var (a, b) = spec is PertDistribution p && p.Min < p.Max ? (CompiledDistribution.PertAlpha(p), CompiledDistribution.PertBeta(p))
                    : spec is BetaDistribution beta ? (beta.Alpha, beta.Beta) : (1.0, 1.0);
                if (double.IsFinite(a) && double.IsFinite(b) && probes.All(u => double.IsFinite(MathNet.Numerics.Distributions.Beta.InvCDF(a, b, u))))
                    return true;
            }
            else
            {
                var compiled = CompiledDistribution.Compile(spec);
                if (probes.All(u => double.IsFinite(compiled.Sample(u)))) return true;
            }
        }
        catch (Exception e) when (e is ArithmeticException or ArgumentException or MathNet.Numerics.NonConvergenceException)
        {
            // falls through to the message below
        }
        var given = string.Join(", ", arguments.Select(a => $"{a.Key} {F(a.Value)}"));
        Fail($"this {spec.Kind} cannot be sampled: its arguments are too extreme for finite quantiles (got {given}); choose more moderate values");
        return false;
    }

    private void Fail(string message)
    {
        diagnostics.Error(at, path, message);
        _ok = false;
    }

    private static string F(double x) => ScalarReader.Format(x);

    private bool MinMax(string kind, double min, double max)
    {
        if (min <= max) return true;
        Fail($"{kind} needs min <= max (got min {F(min)}, max {F(max)})");
        return false;
    }

    private bool MinModeMax(string kind, double min, double mode, double max)
    {
        if (!MinMax(kind, min, max)) return false;
        if (mode >= min && mode <= max) return true;
        Fail($"{kind} needs min <= mode <= max (got min {F(min)}, mode {F(mode)}, max {F(max)})");
        return false;
    }

    private bool Positive(string kind, string name, double x)
    {
        if (x > 0) return true;
        Fail($"{kind} needs {name} > 0 (got {name} {F(x)})");
        return false;
    }

    private bool Probability(double p)
    {
        if (p is >= 0 and <= 1) return true;
        Fail($"bernoulli needs p in [0, 1] (got p {F(p)})");
        return false;
    }

    private UniformIntDistribution? UniformInt(double min, double max)
    {
        const double limit = 9007199254740992; // 2^53: whole numbers beyond it are not exact in a double
        var whole = true;
        foreach (var (name, x) in new[] { ("min", min), ("max", max) })
        {
            if (x == Math.Floor(x) && Math.Abs(x) <= limit) continue;
            Fail($"uniform-int needs whole-number bounds within ±2^53 (got {name} {F(x)})");
            whole = false;
        }
        if (!whole || !MinMax("uniform-int", min, max)) return null;
        return new UniformIntDistribution((long)min, (long)max);
    }

    private PertDistribution? Pert(double min, double mode, double max, double lambda)
    {
        var shape = MinModeMax("pert", min, mode, max);
        var weight = Positive("pert", "lambda", lambda);
        return shape && weight ? new PertDistribution(min, mode, max, lambda) : null;
    }

    private LogNormalDistribution? LogNormal(Dictionary<string, double> n)
    {
        if (n.TryGetValue("mu", out var mu))
            return Positive("lognormal", "sigma", n["sigma"]) ? new LogNormalDistribution(mu, n["sigma"]) : null;
        var mean = n["mean"];
        var sd = n["sd"];
        if (!(Positive("lognormal", "mean", mean) & Positive("lognormal", "sd", sd))) return null;
        var d = LogNormalDistribution.FromMeanSd(mean, sd);
        if (double.IsFinite(d.Mu) && double.IsFinite(d.Sigma) && d.Sigma > 0) return d;
        Fail($"lognormal with mean {F(mean)} and sd {F(sd)} has no finite mu/sigma; use mu and sigma");
        return null;
    }

    private DiscreteDistribution? Discrete(ImmutableArray<double> values, ImmutableArray<double> weights)
    {
        if (values.Length == 0) Fail("discrete needs at least one value (got values [])");
        if (weights.Length != values.Length)
            Fail($"discrete needs one weight per value (got {values.Length} values, {weights.Length} weights)");
        for (var i = 0; i < weights.Length; i++)
            if (weights[i] < 0) Fail($"discrete needs weights >= 0 (got weights[{i}] {F(weights[i])})");
        if (weights.Length > 0 && weights.All(w => w <= 0)) Fail("discrete needs at least one positive weight (got none)");
        else if (weights.Sum() is var total && !double.IsFinite(total)) Fail("discrete weights sum to more than ±1.8e308; scale them down");
        return _ok ? new DiscreteDistribution(values, weights) : null;
    }

    private bool Truncation(DistributionSpec spec)
    {
        var lo = spec.Low ?? double.NegativeInfinity;
        var hi = spec.High ?? double.PositiveInfinity;
        if (lo >= hi)
        {
            Fail($"truncation needs low < high (got low {F(lo)}, high {F(hi)})");
            return false;
        }
        double mass;
        try
        {
            var cdf = CompiledDistribution.CdfOf(spec with { Low = null, High = null });
            mass = (spec.High is { } h ? cdf(h) : 1.0) - (spec.Low is { } l ? cdf(l) : 0.0);
        }
        catch (Exception e) when (e is ArithmeticException or ArgumentException or MathNet.Numerics.NonConvergenceException)
        {
            mass = double.NaN;
        }
        if (mass > 1e-12 && double.IsFinite(mass)) return true;
        Fail($"this {spec.Kind} has probability 0 (or too little to sample) in the truncation interval [{Domain.Format(lo)}, {Domain.Format(hi)}]");
        return false;
    }
}
