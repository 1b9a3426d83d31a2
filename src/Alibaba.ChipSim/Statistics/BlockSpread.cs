using System.Runtime.Intrinsics;

namespace Alibaba.ChipSim.Statistics;

/// <summary>
/// The sum of squared deviations from the mean, Σ(x − mean)², over blocks of <see cref="ColumnStatistics.TailBlock"/>
/// rows in trial order: each block's own mean and corrected sum of squares (Σ(x − m)² − (Σ(x − m))²/n), merged into the
/// running ones by Chan, Golub and LeVeque's update, the merged sums compensated. It needs no mean in advance, so a
/// column held in memory and a run streamed past once compute it alike, block for block, to the same bits.
/// </summary>
internal struct BlockSpread
{
    private long _count;
    private double _mean;
    private NeumaierSum _spread;

    /// <summary>Adds the next block (every row, missing values as NaN; all but the last block of a column full).</summary>
    public void Add(ReadOnlySpan<double> block)
    {
        var (n, sum) = BlockSum(block);
        if (n == 0) return;
        var mean = sum / n;
        var (squares, deviations) = BlockDeviations(block, mean);
        var own = Math.Max(0, squares - deviations * deviations / n);
        if (_count == 0)
        {
            _count = n;
            _mean = mean;
            _spread.Add(own);
            return;
        }
        var total = _count + n;
        var delta = mean - _mean;
        _mean += delta * n / total;
        _spread.Add(own);
        _spread.Add(delta * delta * ((double)_count * n / total));
        _count = total;
    }

    /// <summary>Σ(x − mean)² (0 for a column of one value, <paramref name="constant"/>).</summary>
    public readonly double SquaredDeviations(bool constant) => constant ? 0 : Math.Max(0, _spread.Value);

    /// <summary>The spread of a whole column, block by block.</summary>
    public static double Of(double[] values, bool constant)
    {
        var spread = new BlockSpread();
        for (var start = 0; start < values.Length; start += ColumnStatistics.TailBlock)
            spread.Add(values.AsSpan(start, Math.Min(ColumnStatistics.TailBlock, values.Length - start)));
        return spread.SquaredDeviations(constant);
    }

    private const int Lanes = 8;


    /// <summary>
    /// The defined values of a block and their plain sum, in eight lanes (value i into lane i mod 8, whole groups of eight),
    /// the lanes then added in order, then the rest: the same bits with or without 512-bit vectors.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    private static (long Count, double Sum) BlockSum(ReadOnlySpan<double> block)
    {
        long n = 0;
        var i = 0;
        Span<double> lanes = stackalloc double[Lanes];
        lanes.Clear();
        var whole = block.Length - block.Length % Lanes;
        if (HotPath.EightLanes)
        {
            var acc = Vector512<double>.Zero;
            for (; i < whole; i += Lanes)
            {
                var v = Vector512.Create(block.Slice(i, Lanes));
                var defined = Vector512.Equals(v, v);
                acc += v & defined;
                n += System.Numerics.BitOperations.PopCount(defined.ExtractMostSignificantBits());
            }
            acc.CopyTo(lanes);
        }
        else
        {
            for (; i < whole; i += Lanes)
                for (var j = 0; j < Lanes; j++)
                {
                    var v = block[i + j];
                    if (double.IsNaN(v)) v = 0;
                    else n++;
                    lanes[j] += v;
                }
        }
        var sum = Reduce(lanes);
        for (; i < block.Length; i++)
        {
            var v = block[i];
            if (double.IsNaN(v)) continue;
            n++;
            sum += v;
        }
        return (n, sum);
    }

    /// <summary>Σ(v − mean)² and Σ(v − mean) over the defined values of a block, in the lanes of <see cref="BlockSum"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    private static (double Squares, double Deviations) BlockDeviations(ReadOnlySpan<double> block, double mean)
    {
        var i = 0;
        Span<double> squareLanes = stackalloc double[Lanes];
        Span<double> deviationLanes = stackalloc double[Lanes];
        squareLanes.Clear();
        deviationLanes.Clear();
        var whole = block.Length - block.Length % Lanes;
        if (HotPath.EightLanes)
        {
            var m = Vector512.Create(mean);
            var squares = Vector512<double>.Zero;
            var deviations = Vector512<double>.Zero;
            for (; i < whole; i += Lanes)
            {
                var v = Vector512.Create(block.Slice(i, Lanes));
                var d = (v - m) & Vector512.Equals(v, v);
                squares += d * d;
                deviations += d;
            }
            squares.CopyTo(squareLanes);
            deviations.CopyTo(deviationLanes);
        }
        else
        {
            for (; i < whole; i += Lanes)
                for (var j = 0; j < Lanes; j++)
                {
                    var v = block[i + j];
                    var d = double.IsNaN(v) ? 0 : v - mean;
                    squareLanes[j] += d * d;
                    deviationLanes[j] += d;
                }
        }
        var sq = Reduce(squareLanes);
        var dev = Reduce(deviationLanes);
        for (; i < block.Length; i++)
        {
            var v = block[i];
            if (double.IsNaN(v)) continue;
            var d = v - mean;
            sq += d * d;
            dev += d;
        }
        return (sq, dev);
    }

    private static double Reduce(ReadOnlySpan<double> lanes)
    {
        var sum = 0.0;
        foreach (var x in lanes) sum += x;
        return sum;
    }

}
