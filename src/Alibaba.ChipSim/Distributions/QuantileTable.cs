using MathNet.Numerics.Distributions;

namespace Alibaba.ChipSim.Distributions;

/// <summary>
/// A fast quantile function for the beta family (beta, PERT): cubic Hermite interpolation between
/// knots evenly spaced in probability, using the exact slope 1/pdf at each knot; the first and last
/// segments (16 at each end), where the slope may be unbounded or change fast, fall back to MathNet's exact inverse. Tests check it
/// against <see cref="Beta.InvCDF"/> (agreement to 2e-8 absolute on [0, 1]).
/// </summary>
internal sealed class QuantileTable
{
    private const int Segments = 8192;
    private const int TailSegments = 16; // 0.2% of draws at each end go to the exact inverse
    private readonly double[] _x = new double[Segments + 1];
    private readonly double[] _slope = new double[Segments + 1];
    private readonly double _alpha, _beta;

    private QuantileTable(double alpha, double beta)
    {
        _alpha = alpha;
        _beta = beta;
        for (var i = 0; i <= Segments; i++)
        {
            var u = (double)i / Segments;
            var x = i == 0 ? 0 : i == Segments ? 1 : Beta.InvCDF(alpha, beta, u);
            _x[i] = x;
            var pdf = Beta.PDF(alpha, beta, x);
            _slope[i] = pdf > 0 && double.IsFinite(pdf) ? 1 / pdf : 0;
        }
    }

    public static QuantileTable ForBeta(double alpha, double beta) => new(alpha, beta);

    public double Quantile(double u)
    {
        var pos = u * Segments;
        var i = (int)pos;
        if (i < TailSegments || i >= Segments - TailSegments) return Beta.InvCDF(_alpha, _beta, u);
        var t = pos - i;
        const double h = 1.0 / Segments;
        double x0 = _x[i], x1 = _x[i + 1], m0 = _slope[i] * h, m1 = _slope[i + 1] * h;
        var t2 = t * t;
        var t3 = t2 * t;
        var x = (2 * t3 - 3 * t2 + 1) * x0 + (t3 - 2 * t2 + t) * m0 + (-2 * t3 + 3 * t2) * x1 + (t3 - t2) * m1;
        return x < x0 ? x0 : x > x1 ? x1 : x;
    }
}
