using System.Runtime.CompilerServices;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Alibaba.ChipSim.Distributions;

/// <summary>
/// A distribution ready for the inner loop: every draw is its quantile function applied to one
/// uniform, so Latin hypercube strata and rank correlations carry through, and one uniform per
/// parameter per trial keeps streams aligned across scenario variants. Truncation maps the uniform
/// into [F(low), F(high)] first.
/// </summary>
public sealed class CompiledDistribution
{
    private enum Shape : byte { Constant, Uniform, UniformInt, Triangular, Normal, LogNormal, Tabulated, Bernoulli, Discrete }

    private readonly Shape _shape;
    private readonly double _a, _b, _c;          // shape parameters (see Compile)
    private readonly double _uLow, _uSpan;        // truncation in probability space
    private readonly double[]? _values, _cumulative;
    private readonly QuantileTable? _table;

    private CompiledDistribution(Shape shape, double a, double b, double c, double uLow, double uSpan,
        double[]? values = null, double[]? cumulative = null, QuantileTable? table = null)
    {
        _shape = shape; _a = a; _b = b; _c = c; _uLow = uLow; _uSpan = uSpan;
        _values = values; _cumulative = cumulative; _table = table;
    }

    public bool IsConstant => _shape == Shape.Constant;

    /// <summary>For a tabulated (beta, PERT) distribution: starts loading the table entries <see cref="Sample"/>(u) will read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(double u)
    {
        if (_shape == Shape.Tabulated) _table!.Prefetch(_uLow + u * _uSpan);
    }

    /// <summary>The value at probability <paramref name="u"/> in (0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sample(double u)
    {
        var p = _uLow + u * _uSpan;
        switch (_shape)
        {
            case Shape.Constant: return _a;
            case Shape.Uniform: return _a + p * (_b - _a);
            case Shape.UniformInt:
            {
                var k = Math.Floor(p * _c);
                return _a + (k >= _c ? _c - 1 : k);
            }
            case Shape.Triangular:
            {
                // _a = min, _b = max, _c = (mode - min) / (max - min)
                var w = _b - _a;
                return p < _c ? _a + Math.Sqrt(p * w * (_c * w)) : _b - Math.Sqrt((1 - p) * w * ((1 - _c) * w));
            }
            case Shape.Normal: return _a + _b * NormalQuantile.Of(p);
            case Shape.LogNormal: return Math.Exp(_a + _b * NormalQuantile.Of(p));
            case Shape.Tabulated: return _a + (_b - _a) * _table!.Quantile(p);
            case Shape.Bernoulli: return p >= 1 - _a ? 1 : 0;
            default:
            {
                var cum = _cumulative!;
                for (var i = 0; i < cum.Length - 1; i++)
                    if (p < cum[i]) return _values![i];
                return _values![^1];
            }
        }
    }

    public static CompiledDistribution Compile(DistributionSpec spec)
    {
        var d = Build(spec);
        if (spec.Low is null && spec.High is null) return d;
        var cdf = CdfOf(spec);
        var lo = spec.Low is { } l ? cdf(l) : 0.0;
        var hi = spec.High is { } h ? cdf(h) : 1.0;
        return new CompiledDistribution(d._shape, d._a, d._b, d._c, lo, hi - lo, d._values, d._cumulative, d._table);
    }

    private static CompiledDistribution Build(DistributionSpec spec) => spec switch
    {
        FixedDistribution f => Constant(f.Value),
        UniformDistribution u when u.Min == u.Max => Constant(u.Min),
        UniformDistribution u => new(Shape.Uniform, u.Min, u.Max, 0, 0, 1),
        UniformIntDistribution ui when ui.Min == ui.Max => Constant(ui.Min),
        UniformIntDistribution ui => new(Shape.UniformInt, ui.Min, ui.Max, ui.Max - ui.Min + 1, 0, 1),
        TriangularDistribution t when t.Min == t.Max => Constant(t.Min),
        TriangularDistribution t => new(Shape.Triangular, t.Min, t.Max, (t.Mode - t.Min) / (t.Max - t.Min), 0, 1),
        PertDistribution p when p.Min == p.Max => Constant(p.Min),
        PertDistribution p => new(Shape.Tabulated, p.Min, p.Max, 0, 0, 1,
            table: QuantileTable.ForBeta(PertAlpha(p), PertBeta(p))),
        NormalDistribution n => new(Shape.Normal, n.Mean, n.Sd, 0, 0, 1),
        LogNormalDistribution ln => new(Shape.LogNormal, ln.Mu, ln.Sigma, 0, 0, 1),
        BetaDistribution b => new(Shape.Tabulated, 0, 1, 0, 0, 1, table: QuantileTable.ForBeta(b.Alpha, b.Beta)),
        BernoulliDistribution b when b.P is 0 or 1 => Constant(b.P),
        BernoulliDistribution b => new(Shape.Bernoulli, b.P, 0, 0, 0, 1),
        DiscreteDistribution d => CompileDiscrete(d),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.GetType().Name, "unknown distribution"),
    };

    private static CompiledDistribution Constant(double v) => new(Shape.Constant, v, 0, 0, 0, 1);

    private static CompiledDistribution CompileDiscrete(DiscreteDistribution d)
    {
        // Sorted by value so that the quantile function is monotone (rank correlation, LHS).
        var order = Enumerable.Range(0, d.Values.Length).Where(i => d.Weights[i] > 0).OrderBy(i => d.Values[i]).ToArray();
        if (order.Length == 1) return Constant(d.Values[order[0]]);
        var total = order.Sum(i => d.Weights[i]);
        var values = new double[order.Length];
        var cumulative = new double[order.Length];
        var running = 0.0;
        for (var k = 0; k < order.Length; k++)
        {
            values[k] = d.Values[order[k]];
            running += d.Weights[order[k]];
            cumulative[k] = running / total;
        }
        cumulative[^1] = 1.0;
        return new CompiledDistribution(Shape.Discrete, 0, 0, 0, 0, 1, values, cumulative);
    }

    public static double PertAlpha(PertDistribution p) => 1 + p.Lambda * (p.Mode - p.Min) / (p.Max - p.Min);

    public static double PertBeta(PertDistribution p) => 1 + p.Lambda * (p.Max - p.Mode) / (p.Max - p.Min);

    /// <summary>The cumulative distribution function of a continuous spec (for truncation and checks).</summary>
    public static Func<double, double> CdfOf(DistributionSpec spec) => spec switch
    {
        UniformDistribution u => x => x <= u.Min ? 0 : x >= u.Max ? 1 : (x - u.Min) / (u.Max - u.Min),
        TriangularDistribution t => x => Triangular.CDF(t.Min, t.Max, t.Mode, Math.Clamp(x, t.Min, t.Max)),
        PertDistribution p => x => x <= p.Min ? 0 : x >= p.Max ? 1 : Beta.CDF(PertAlpha(p), PertBeta(p), (x - p.Min) / (p.Max - p.Min)),
        NormalDistribution n => x => Normal.CDF(n.Mean, n.Sd, x),
        LogNormalDistribution ln => x => x <= 0 ? 0 : LogNormal.CDF(ln.Mu, ln.Sigma, x),
        BetaDistribution b => x => x <= 0 ? 0 : x >= 1 ? 1 : Beta.CDF(b.Alpha, b.Beta, x),
        FixedDistribution f => x => x < f.Value ? 0 : 1,
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "truncation applies to continuous distributions only"),
    };

    /// <summary>The support [lower, upper] of a spec after truncation (infinite where unbounded).</summary>
    public static (double Lower, double Upper) SupportOf(DistributionSpec spec)
    {
        var (lo, hi) = spec switch
        {
            FixedDistribution f => (f.Value, f.Value),
            UniformDistribution u => (u.Min, u.Max),
            UniformIntDistribution ui => ((double)ui.Min, (double)ui.Max),
            TriangularDistribution t => (t.Min, t.Max),
            PertDistribution p => (p.Min, p.Max),
            NormalDistribution => (double.NegativeInfinity, double.PositiveInfinity),
            LogNormalDistribution => (0.0, double.PositiveInfinity),
            BetaDistribution => (0.0, 1.0),
            BernoulliDistribution b => (b.P == 1 ? 1.0 : 0.0, b.P == 0 ? 0.0 : 1.0),
            DiscreteDistribution d => Bounds(d),
            _ => (double.NegativeInfinity, double.PositiveInfinity),
        };
        if (spec.Low is { } l) lo = Math.Max(lo, l);
        if (spec.High is { } h) hi = Math.Min(hi, h);
        return (lo, hi);
    }

    private static (double, double) Bounds(DiscreteDistribution d)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (var i = 0; i < d.Values.Length; i++)
        {
            if (d.Weights[i] <= 0) continue;
            lo = Math.Min(lo, d.Values[i]);
            hi = Math.Max(hi, d.Values[i]);
        }
        return (lo, hi);
    }

    /// <summary>The mean of a spec (exact where closed-form, else numerical), for reports and tests.</summary>
    public double Mean(int points = 200_000)
    {
        var sum = 0.0;
        for (var i = 0; i < points; i++) sum += Sample((i + 0.5) / points);
        return sum / points;
    }
}
