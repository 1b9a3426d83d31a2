using System.Collections.Concurrent;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Alibaba.ChipSim.Distributions;

/// <summary>
/// A fast quantile function for the beta family (beta, PERT): cubic Hermite interpolation between
/// knots evenly spaced in probability, using the exact slope 1/pdf at each knot. Near 0 and 1, where
/// the slope may be unbounded or change fast, the first and last 16 segments are covered by two finer
/// tables of their own (u in [0, 16/8192] and [1 − 16/8192, 1]), whose own outermost 16 segments
/// (u below 3e-5·16/8192, about 6e-8 of draws at each end) fall back to MathNet's exact inverse. Knots are
/// found by Newton's method on the regularised incomplete beta function, started from the previous
/// knot, with MathNet's inverse as the fallback. Tests check the whole against <see cref="Beta.InvCDF"/>
/// (agreement to 2e-8 absolute on [0, 1]).
/// </summary>
internal sealed class QuantileTable
{
    private const int Segments = 8192;
    private const int TailSegments = 16;
    private const int TailTableSegments = 1024;
    private const double TailWidth = (double)TailSegments / Segments;

    private readonly double _alpha, _beta;
    private readonly Knots _body, _low, _high;

    private QuantileTable(double alpha, double beta, Knots body, Knots low, Knots high)
    {
        _alpha = alpha;
        _beta = beta;
        _body = body;
        _low = low;
        _high = high;
    }

    /// <summary>The table of Beta(<paramref name="alpha"/>, <paramref name="beta"/>), computed (tens of milliseconds).</summary>
    internal static QuantileTable Build(double alpha, double beta)
    {
        var logBeta = SpecialFunctions.BetaLn(alpha, beta);
        return FromParts(alpha, beta, (i, part) => new Knots(alpha, beta, logBeta, part.U0, part.U1, part.Segments));
    }

    /// <summary>
    /// The table of Beta(<paramref name="alpha"/>, <paramref name="beta"/>) from the table files in
    /// <paramref name="folder"/> when one holds it for this build of the engine, else computed and saved there
    /// (<see cref="TableFiles"/>; no folder: computed only). The same bits either way.
    /// </summary>
    internal static QuantileTable Load(double alpha, double beta, string? folder)
    {
        if (folder is not null && TableFiles.TryRead(folder, alpha, beta, [.. PartShapes.Select(p => KnotCount(p.Segments))]) is { } parts)
            return FromParts(alpha, beta, (i, part) => new Knots(part.U0, part.U1, part.Segments, parts[i]));
        var table = Build(alpha, beta);
        if (folder is not null) TableFiles.Write(folder, alpha, beta, [table._body.Values, table._low.Values, table._high.Values]);
        return table;
    }

    // The body over the whole of (0, 1) and the finer tables of its low and high tails, in that order (files keep it).
    private static readonly (double U0, double U1, int Segments)[] PartShapes =
        [(0, 1, Segments), (0, TailWidth, TailTableSegments), (1 - TailWidth, 1, TailTableSegments)];

    private static QuantileTable FromParts(double alpha, double beta, Func<int, (double U0, double U1, int Segments), Knots> knots) =>
        new(alpha, beta, knots(0, PartShapes[0]), knots(1, PartShapes[1]), knots(2, PartShapes[2]));

    private static int KnotCount(int segments) => 2 * (segments + 1);

    /// <summary>The knots and slopes of the body and of the low and high tail tables, in that order (tests compare tables bit for bit).</summary>
    internal IReadOnlyList<double[]> Parts => [_body.Values, _low.Values, _high.Values];

    /// <summary>
    /// The most tables kept for reuse (about 160 kB each). A scenario has a dozen beta-family parameters; a process that
    /// compiles many distinct shapes (a long-lived host, a property test) starts the cache afresh when it is full.
    /// </summary>
    internal const int CacheCapacity = 64;

    // Tables are pure functions of (α, β) and take tens of milliseconds to build: cached, so scenario variants run side by
    // side, and repeated runs, share them; across processes they are kept in table files (TableFiles). Dropping either
    // cache never changes a number, only the time to rebuild.
    private static readonly ConcurrentDictionary<(double, double), Lazy<QuantileTable>> Built = new();

    /// <summary>How many tables the cache holds now (at most <see cref="CacheCapacity"/>).</summary>
    internal static int Cached => Built.Count;

    public static QuantileTable ForBeta(double alpha, double beta)
    {
        if (Built.TryGetValue((alpha, beta), out var table)) return table.Value;
        lock (Built)
        {
            if (Built.Count >= CacheCapacity) Built.Clear();
            table = Built.GetOrAdd((alpha, beta), k => new Lazy<QuantileTable>(() => Load(k.Item1, k.Item2, TableFiles.Folder)));
        }
        return table.Value; // built outside the lock: the Lazy makes one thread build it, the others wait for that one
    }

    /// <summary>Asks the processor to start loading the knots <see cref="Quantile"/>(u) reads (a hint: nothing else changes).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Prefetch(double u)
    {
        var i = (int)(u * Segments);
        if (i >= TailSegments && i < Segments - TailSegments) _body.Prefetch(i);
    }

    public double Quantile(double u)
    {
        var pos = u * Segments;
        var i = (int)pos;
        if (i >= TailSegments && i < Segments - TailSegments) return _body.Interpolate(pos, i);
        var tail = i < TailSegments ? _low : _high;
        var tailPos = (u - tail.U0) * tail.Scale;
        var j = (int)tailPos;
        if (j >= TailSegments && j < TailTableSegments - TailSegments) return tail.Interpolate(tailPos, j);
        return Beta.InvCDF(_alpha, _beta, u);
    }

    /// <summary>
    /// Knots x(u) and slopes dx/du on [U0, U0 + segments / Scale], interleaved (x₀, m₀, x₁, m₁, …) so that a
    /// segment's four numbers share a cache line: a scenario has a dozen such tables, more than the L2 cache holds.
    /// </summary>
    private sealed class Knots
    {
        private readonly double[] _knots;
        private readonly double _h;

        /// <summary>Knots already computed (read back from a table file).</summary>
        public Knots(double u0, double u1, int segments, double[] knots)
        {
            U0 = u0;
            Scale = segments / (u1 - u0);
            _h = (u1 - u0) / segments;
            _knots = knots;
        }

        public Knots(double alpha, double beta, double logBeta, double u0, double u1, int segments)
        {
            U0 = u0;
            Scale = segments / (u1 - u0);
            _h = (u1 - u0) / segments;
            _knots = new double[KnotCount(segments)];
            var guess = double.NaN;
            for (var i = 0; i <= segments; i++)
            {
                var u = i == segments ? u1 : u0 + i * _h;
                var x = u <= 0 ? 0 : u >= 1 ? 1 : Invert(alpha, beta, logBeta, u, guess);
                var pdf = x <= 0 || x >= 1 ? Beta.PDF(alpha, beta, x) : Pdf(alpha, beta, logBeta, x);
                var slope = pdf > 0 && double.IsFinite(pdf) ? 1 / pdf : 0;
                _knots[2 * i] = x;
                _knots[2 * i + 1] = slope * _h; // stored per segment width: the Hermite tangent
                guess = x + slope * _h; // Newton starts from the tangent at this knot
            }
        }

        public double U0 { get; }

        public double[] Values => _knots;

        /// <summary>Segments per unit of probability.</summary>
        public double Scale { get; }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public unsafe void Prefetch(int i)
        {
            if (!System.Runtime.Intrinsics.X86.Sse.IsSupported) return;
            // The address may be stale by the time it is used if the GC moves the array: a prefetch never faults.
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(System.Runtime.CompilerServices.Unsafe.AsPointer(ref _knots[2 * i]));
        }

        public double Interpolate(double pos, int i)
        {
            var t = pos - i;
            var k = _knots.AsSpan(2 * i, 4);
            double x0 = k[0], m0 = k[1], x1 = k[2], m1 = k[3];
            var t2 = t * t;
            var t3 = t2 * t;
            var x = (2 * t3 - 3 * t2 + 1) * x0 + (t3 - 2 * t2 + t) * m0 + (-2 * t3 + 3 * t2) * x1 + (t3 - t2) * m1;
            return x < x0 ? x0 : x > x1 ? x1 : x;
        }

        /// <summary>x with I_x(α, β) = u: Newton from the previous knot, else MathNet's (slower) inverse.</summary>
        private static double Invert(double alpha, double beta, double logBeta, double u, double start)
        {
            if (double.IsFinite(start) && start > 0 && start < 1)
            {
                var x = start;
                for (var k = 0; k < 50; k++)
                {
                    var f = SpecialFunctions.BetaRegularized(alpha, beta, x) - u;
                    var pdf = Pdf(alpha, beta, logBeta, x);
                    if (!(pdf > 0) || !double.IsFinite(pdf)) break;
                    var next = x - f / pdf;
                    if (next <= 0) next = x / 2;
                    else if (next >= 1) next = (x + 1) / 2;
                    if (Math.Abs(next - x) <= 1e-15 * x)
                        return next;
                    x = next;
                }
            }
            return Beta.InvCDF(alpha, beta, u);
        }

        private static double Pdf(double alpha, double beta, double logBeta, double x) =>
            Math.Exp((alpha - 1) * Math.Log(x) + (beta - 1) * Math.Log(1 - x) - logBeta);
    }
}
