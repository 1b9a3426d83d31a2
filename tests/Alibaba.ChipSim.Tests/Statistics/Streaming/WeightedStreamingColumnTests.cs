using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Statistics.Streaming;
using Alibaba.ChipSim.Statistics.Weighted;
using CsCheck;

namespace Alibaba.ChipSim.Tests.Statistics.Streaming;

/// <summary>
/// A weighted column seen pass after pass in chunks (<see cref="WeightedStreamingColumn"/>) against the same column and
/// weights held in memory (<see cref="WeightedColumnStatistics.Summarize"/>), bit for bit.
/// </summary>
public sealed class WeightedStreamingColumnTests
{
    private static readonly Gen<double> Value = Gen.Frequency(
        (6, Gen.Double[-1e6, 1e6]),
        (3, Gen.Int[-5, 5].Select(i => (double)i)),
        (1, Gen.OneOf(Gen.Const(0.0), Gen.Const(-0.0))),
        (1, Gen.Double[-1e300, 1e300]),
        (1, Gen.Const(double.NaN)),
        (2, Gen.Int[0, 300].Select(i => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(1.0) + i))));

    /// <summary>Columns of the shapes the summaries meet: mixed, continuous, whole numbers (counted), 0/1, a point mass, mostly missing.</summary>
    private static readonly Gen<double[]> Column = Gen.OneOf(
        Value.Array[1, 8_000],
        Gen.Double[0, 1].Array[1, 8_000],
        Gen.Int[0, 40].Select(i => (double)i).Array[4_000, 8_000],
        Gen.Int[0, 1].Select(i => (double)i).Array[1, 8_000],
        Gen.Frequency((7, Gen.Const(-0.0)), (3, Gen.Double[-5, 5])).Array[1, 8_000],
        Gen.Frequency((9, Gen.Const(double.NaN)), (1, Gen.Double[-5, 5])).Array[1, 8_000]);

    /// <summary>Weights as histories give them: hazards' products, 0/1 rejection, a likelihood's tiny values, all equal.</summary>
    private static readonly Gen<double> Weight = Gen.Frequency(
        (6, Gen.Double[0, 1]),
        (2, Gen.Const(0.0)),
        (1, Gen.Double[0, 1].Select(w => w * 1e-200)),
        (1, Gen.Int[1, 4].Select(i => i * 0.125)));

    internal static (MetricSummary Summary, int Passes) Stream(string name, double[] values, double[] weights, bool isBinary, bool isWholeNumber,
        int chunk, int buckets = WeightedStreamingColumn.DefaultBuckets, int gatherLimit = StreamingColumn.GatherLimit)
    {
        var column = new WeightedStreamingColumn(name, isBinary, isWholeNumber, buckets, gatherLimit);
        var pass = 0;
        while (column.BeginPass(pass))
        {
            for (var at = 0; at < values.Length; at += chunk)
            {
                var n = Math.Min(chunk, values.Length - at);
                column.Consume(values.AsSpan(at, n), weights.AsSpan(at, n));
            }
            column.EndPass();
            pass++;
        }
        return (column.Result, pass);
    }

    [Fact]
    public void A_streamed_weighted_column_has_the_statistics_of_the_column_held_in_memory_bit_for_bit()
    {
        var shapes = Gen.Select(Column, Gen.Int[0, 3], Gen.Bool);
        Gen.Select(shapes, Gen.Int[1, 3000], Gen.Int[1, 10].Select(b => 1 << b), Gen.Int[1, 200]).Sample((shape, chunk, buckets, gatherLimit) =>
        {
            var (values, weighting, flagged) = shape;
            var weights = Weights(values.Length, weighting);
            var whole = flagged && values.All(v => double.IsNaN(v) || v == Math.Round(v));
            var binary = whole && values.All(v => double.IsNaN(v) || v is 0 or 1);
            var expected = WeightedColumnStatistics.Summarize("x", values, weights, binary, whole);
            StreamingColumnTests.AssertSameBits(expected, Stream("x", values, weights, binary, whole, chunk, buckets, gatherLimit).Summary);
            Assert.Equal(expected.Ess, Stream("x", values, weights, binary, whole, chunk, buckets, gatherLimit).Summary.Ess);
        }, iter: 200);
    }

    /// <summary>Weights of one kind: 0 = mixed, 1 = all 1 (the unweighted path), 2 = 0 or 1 (rejection), 3 = a few distinct values.</summary>
    private static double[] Weights(int n, int kind)
    {
        var random = new Random(n * 31 + kind);
        var weights = new double[n];
        for (var t = 0; t < n; t++)
            weights[t] = kind switch
            {
                1 => 1,
                2 => random.Next(3) == 0 ? 0 : 0.5,
                3 => random.Next(4) * 0.25,
                _ => random.Next(10) switch { 0 => 0, 1 => random.NextDouble() * 1e-200, _ => random.NextDouble() },
            };
        return weights;
    }

    [Fact]
    public void Few_buckets_and_a_tiny_gather_limit_split_the_histogram_again_over_further_passes_with_the_same_bits()
    {
        var random = new Random(5);
        var values = new double[20_000];
        var weights = new double[values.Length];
        for (var t = 0; t < values.Length; t++)
        {
            values[t] = random.Next(5) == 0 ? 0 : random.NextDouble() * 100;
            weights[t] = random.NextDouble();
        }
        var expected = WeightedColumnStatistics.Summarize("x", values, weights);
        var (roomy, roomyPasses) = Stream("x", values, weights, false, false, 4096);
        var (cramped, crampedPasses) = Stream("x", values, weights, false, false, 97, buckets: 4, gatherLimit: 8);
        StreamingColumnTests.AssertSameBits(expected, roomy);
        StreamingColumnTests.AssertSameBits(expected, cramped);
        // The range, the sums, one look at the gathered keys, the tails; and more looks when the buckets are too full.
        Assert.Equal(4, roomyPasses);
        Assert.True(crampedPasses > 6, $"{crampedPasses} passes");
    }

    [Fact]
    public void A_point_mass_is_followed_trial_by_trial_without_gathering_its_trials()
    {
        // 90% of the values are one number: its trials are far more than the gather limit and hold p5 to p75.
        var random = new Random(9);
        var values = new double[30_000];
        var weights = new double[values.Length];
        for (var t = 0; t < values.Length; t++)
        {
            values[t] = random.Next(10) == 0 ? 10 + random.NextDouble() : 2.5;
            weights[t] = 0.1 + random.NextDouble();
        }
        var expected = WeightedColumnStatistics.Summarize("x", values, weights);
        var (streamed, _) = Stream("x", values, weights, false, false, 1000, gatherLimit: 16);
        StreamingColumnTests.AssertSameBits(expected, streamed);
        Assert.Equal(2.5, streamed.P50);
    }

    [Fact]
    public void A_column_with_no_trial_of_weight_has_count_zero_and_no_further_pass()
    {
        var (summary, passes) = Stream("x", [1, 2, double.NaN], [0, 0, 1], false, false, 2);
        Assert.Equal(0, summary.Count);
        Assert.Equal(0, summary.Ess);
        Assert.Equal(1, passes);
    }

    /// <summary>A whole number rounded to the nearest double, ties to even, by hand.</summary>
    private static double Nearest(UInt128 x)
    {
        var v = (System.Numerics.BigInteger)x;
        var length = (int)v.GetBitLength();
        if (length <= 53) return (double)(ulong)v;
        var shift = length - 53;
        var kept = v >> shift;
        var rest = v - (kept << shift);
        var half = System.Numerics.BigInteger.One << (shift - 1);
        var q = (ulong)kept;
        if (rest > half || (rest == half && (q & 1) == 1)) q++;
        return Math.ScaleB(q, shift);
    }

    [Fact]
    public void Weight_units_sum_exactly_and_convert_as_the_exact_sum_rounds()
    {
        var random = new Random(3);
        for (var i = 0; i < 10_000; i++)
        {
            var u = random.NextDouble() * Math.Pow(2, -random.Next(60));
            var units = WeightUnits.Of(u);
            var exact = new System.Numerics.BigInteger(Math.ScaleB(u, 64));
            // Of rounds to the nearest unit; ToDouble of a sum is the sum's value rounded once, as BigInteger's conversion.
            Assert.True(System.Numerics.BigInteger.Abs((System.Numerics.BigInteger)units - exact) <= 1);
            var sum = units * (UInt128)(ulong)random.Next(1, 1_000_000_000) + (UInt128)(ulong)random.NextInt64();
            Assert.Equal(Math.ScaleB(Nearest(sum), -64), WeightUnits.ToDouble(sum));
        }
        foreach (var edge in new[] { (UInt128)1 << 64, ((UInt128)1 << 117) + ((UInt128)1 << 64), ((UInt128)1 << 117) + ((UInt128)1 << 64) + 1, UInt128.MaxValue >> 1 })
            Assert.Equal(Math.ScaleB(Nearest(edge), -64), WeightUnits.ToDouble(edge));
        Assert.Equal(UInt128.One << 64, WeightUnits.Of(1));
        Assert.Equal(1.0, WeightUnits.ToDouble(UInt128.One << 64));
    }

    [Fact]
    public void Weight_units_from_the_doubles_bits_are_the_rounded_scaled_weight_ties_to_even()
    {
        var random = new Random(17);
        var cases = new List<double> { 0, -0.0, 1, double.Epsilon, 1e-300, Math.ScaleB(1, -1022) };
        for (var e = 0; e <= 70; e++)
        {
            var p = Math.ScaleB(1, -e);
            // Powers of two, the halves between units (ties), and their neighbours.
            cases.AddRange([p, Math.BitDecrement(p), Math.BitIncrement(p), p * 1.5, p * 0.75, Math.ScaleB(3, -66 - (e % 3))]);
        }
        for (var i = 0; i < 200_000; i++) cases.Add(random.NextDouble() * Math.ScaleB(1, -random.Next(70)));
        foreach (var u in cases.Where(u => u <= 1))
            Assert.True(WeightUnits.Reference(u) == WeightUnits.Of(u), $"u = {u:R}: {WeightUnits.Of(u)} against {WeightUnits.Reference(u)}");
        Assert.Throws<ArgumentOutOfRangeException>(() => WeightUnits.Of(Math.BitIncrement(1.0)));
    }
}
