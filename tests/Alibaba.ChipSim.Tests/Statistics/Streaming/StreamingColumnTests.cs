using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Statistics.Streaming;
using CsCheck;

namespace Alibaba.ChipSim.Tests.Statistics.Streaming;

/// <summary>The statistics of a column seen chunk by chunk (<see cref="OnePassColumn"/>) against the same column held in memory, bit for bit.</summary>
public sealed class StreamingColumnTests
{
    private static readonly Gen<double> Value = Gen.Frequency(
        (6, Gen.Double[-1e6, 1e6]),
        (3, Gen.Int[-5, 5].Select(i => (double)i)),
        (1, Gen.OneOf(Gen.Const(0.0), Gen.Const(-0.0))),
        (1, Gen.Double[-1e300, 1e300]),
        (1, Gen.Const(double.NaN)),
        (2, Gen.Int[0, 300].Select(i => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(1.0) + i))));

    /// <summary>Columns of every shape the summaries meet: mixed, continuous, whole numbers (counted), 0/1, constant, mostly missing.</summary>
    private static readonly Gen<double[]> Column = Gen.OneOf(
        Value.Array[0, 20_000],
        Gen.Double[0, 1].Array[1, 20_000],
        Gen.Int[0, 40].Select(i => (double)i).Array[4_000, 12_000],
        Gen.Int[0, 1].Select(i => (double)i).Array[1, 12_000],
        Gen.Const(3.25).Array[1, 9_000],
        Gen.Frequency((9, Gen.Const(double.NaN)), (1, Gen.Double[-5, 5])).Array[1, 20_000]);

    /// <summary>
    /// Feeds <paramref name="values"/> in chunks of <paramref name="chunk"/> values, as many passes as the column asks for
    /// (one, unless a window lost its rank: then the further passes of the fallback).
    /// </summary>
    internal static (MetricSummary Summary, int Passes, long MostHeld) Stream(string name, double[] values, bool isBinary, bool isWholeNumber,
        int chunk, int gatherLimit = StreamingColumn.GatherLimit, int distinctLimit = LevelWindow.DefaultDistinctLimit,
        int appendLimit = LevelWindow.DefaultAppendLimit)
    {
        var column = new OnePassColumn(name, isBinary, isWholeNumber, distinctLimit, appendLimit, gatherLimit);
        var pass = 0;
        long mostHeld = 0;
        while (column.BeginPass(pass))
        {
            for (var at = 0; at < values.Length; at += chunk)
            {
                column.Consume(values.AsSpan(at, Math.Min(chunk, values.Length - at)));
                mostHeld = Math.Max(mostHeld, column.HeldNumbers);
            }
            column.EndPass();
            pass++;
        }
        return (column.Result, pass, mostHeld);
    }

    internal static void AssertSameBits(MetricSummary expected, MetricSummary actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Count, actual.Count);
        foreach (var p in typeof(MetricSummary).GetProperties().Where(p => p.PropertyType == typeof(double?)))
        {
            var e = (double?)p.GetValue(expected);
            var a = (double?)p.GetValue(actual);
            Assert.True(e.HasValue == a.HasValue, $"{p.Name}: {e} vs {a}");
            if (e is { } x) Assert.True(BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(a!.Value), $"{p.Name}: {x:R} vs {a:R}");
        }
        Assert.Equal(expected.Ci95, actual.Ci95);
    }

    [Fact]
    public void A_streamed_column_has_the_statistics_of_the_column_held_in_memory_bit_for_bit()
    {
        Gen.Select(Column, Gen.Int[1, 5000], Gen.Int[1, 64], Gen.Bool).Sample((values, chunk, gatherLimit, flagged) =>
        {
            var whole = flagged && values.All(v => double.IsNaN(v) || v == Math.Round(v));
            var binary = whole && values.All(v => double.IsNaN(v) || v is 0 or 1);
            AssertSameBits(ColumnStatistics.Summarize("x", values, binary, whole), Stream("x", values, binary, whole, chunk).Summary);
        }, iter: 150);
    }

    [Fact]
    public void With_windows_too_small_to_hold_their_ranks_a_streamed_column_still_has_the_statistics_of_the_column_held_in_memory()
    {
        // Tiny windows lose their ranks: the streamed column then makes further passes (with a small gather limit, several
        // levels of histograms) and still gives the bits of the column held in memory.
        Gen.Select(Column, Gen.Int[1, 5000], Gen.Int[1, 64], Gen.Int[1, 8], Gen.Int[1, 64]).Sample((values, chunk, gatherLimit, distinct, append) =>
        {
            var whole = values.All(v => double.IsNaN(v) || v == Math.Round(v));
            var streamed = Stream("x", values, false, whole, chunk, gatherLimit, distinct, append).Summary;
            AssertSameBits(ColumnStatistics.Summarize("x", values, false, whole), streamed);
        }, iter: 150);
    }

    [Fact]
    public void The_spread_and_the_tails_agree_with_the_two_pass_formulas_to_rounding()
    {
        // Chan's block merge against the corrected two-pass sum of squares about the exact mean, and the windows' tail
        // sums against trial-order sums of the values beyond p5 and p95: the same numbers but for the order of rounding.
        Gen.Select(Gen.Double[-1e6, 1e6].Array[2, 30_000], Gen.Double[0, 1e9]).Sample((raw, shift) =>
        {
            var values = raw.Select(v => v + shift).ToArray();
            var s = ColumnStatistics.Summarize("x", values);
            var mean = values.Sum() / values.Length;
            var twoPass = TwoPass(values, s.Mean!.Value, s.P5!.Value, s.P95!.Value);
            var sd = Math.Sqrt(twoPass.SquaredDeviations / (values.Length - 1));
            Assert.True(Math.Abs(s.Sd!.Value - sd) <= 1e-12 * sd + 1e-300, $"sd {s.Sd:R} vs {sd:R}");
            Assert.True(Math.Abs(s.Cvar5!.Value - twoPass.LowerTailMean) <= 1e-13 * Math.Abs(twoPass.LowerTailMean), $"cvar5 {s.Cvar5:R} vs {twoPass.LowerTailMean:R}");
            Assert.True(Math.Abs(s.Cvar95!.Value - twoPass.UpperTailMean) <= 1e-13 * Math.Abs(twoPass.UpperTailMean), $"cvar95 {s.Cvar95:R} vs {twoPass.UpperTailMean:R}");
            Assert.True(Math.Abs(s.Mean.Value - mean) <= 1e-9 * Math.Abs(mean) + 1e-6);
        }, iter: 100);
    }

    /// <summary>The reference: Σ(x − mean)² − (Σ(x − mean))²/n about the exact mean, and the tails summed in trial order.</summary>
    private static ColumnStatistics.Tails TwoPass(double[] values, double mean, double p5, double p95)
    {
        var squares = new NeumaierSum();
        var deviations = new NeumaierSum();
        var lower = new NeumaierSum();
        var upper = new NeumaierSum();
        long lowerCount = 0, upperCount = 0;
        foreach (var v in values)
        {
            var d = v - mean;
            squares.Add(d * d);
            deviations.Add(d);
            if (v <= p5)
            {
                lower.Add(v);
                lowerCount++;
            }
            if (v >= p95)
            {
                upper.Add(v);
                upperCount++;
            }
        }
        var drift = deviations.Value;
        return new ColumnStatistics.Tails(squares.Value - drift * drift / values.Length, lower.Value / lowerCount, upper.Value / upperCount);
    }

    [Fact]
    public void A_constant_column_has_no_spread()
    {
        var s = ColumnStatistics.Summarize("x", Enumerable.Repeat(0.1, 50_000).ToArray());
        Assert.Equal(0.0, s.Sd);
        Assert.Equal(0.1, s.Cvar5);
        Assert.Equal(0.1, s.P50);
    }

    [Fact]
    public void A_column_flagged_whole_that_is_not_falls_back_to_selection_like_the_column_statistics()
    {
        var values = Enumerable.Range(0, 10_000).Select(i => i % 7 == 0 ? i + 0.5 : i % 50).ToArray();
        var expected = ColumnStatistics.Summarize("x", values, isWholeNumber: true);
        AssertSameBits(expected, Stream("x", values, false, true, 1000).Summary);
    }

    [Fact]
    public void A_counted_column_whose_range_widens_or_that_stops_being_whole_has_the_statistics_of_the_column_held_in_memory()
    {
        // Counted eight at a time while every value of a group falls in the range seen so far; a group with a new
        // value (the range widens), one past the counting range or not whole (counting stops) goes one value at a time.
        var late = Gen.Frequency(
            (4, Gen.Int[-3, 3].Select(i => (double)i)),
            (2, Gen.Int[-70_000, 70_000].Select(i => (double)i)),
            (1, Gen.Double[-10, 10]),
            (1, Gen.OneOf(Gen.Const(double.NaN), Gen.Const(-0.0), Gen.Const(1e300))));
        var column = Gen.Select(Gen.Int[0, 12].Select(i => (double)i).Array[0, 9_000], late.Array[0, 40], Gen.Int[0, 9_000])
            .Select((whole, odd, at) =>
            {
                var values = whole.ToList();
                foreach (var v in odd) values.Insert(Math.Min(at, values.Count), v);
                return values.ToArray();
            });
        Gen.Select(column, Gen.Int[1, 5000]).Sample((values, chunk) =>
        {
            var whole = values.All(v => double.IsNaN(v) || v == Math.Round(v));
            AssertSameBits(ColumnStatistics.Summarize("x", values, false, true), Stream("x", values, false, true, chunk).Summary);
            if (whole) AssertSameBits(ColumnStatistics.Summarize("x", values, false, true), Stream("x", values, false, true, 4096).Summary);
        }, iter: 300);
    }

    [Fact]
    public void A_tiny_value_in_a_column_flagged_whole_is_not_counted_as_the_whole_number_it_rounds_to()
    {
        // −3e−72 − (−200) rounds to 200, a whole number: counted as −200 + 200 = 0 it would move the 25th percentile.
        var values = Enumerable.Repeat(-200.0, 1450).Concat(Enumerable.Repeat(-3e-72, 100)).Concat(Enumerable.Repeat(200.0, 4450))
            .OrderBy(v => v * 7919 % 13).ToArray();
        var inMemory = ColumnStatistics.Summarize("x", values, isWholeNumber: true);
        Assert.Equal(-3e-72, inMemory.P25);
        AssertSameBits(inMemory, Stream("x", values, false, true, 1000).Summary);
    }

    [Fact]
    public void A_column_with_a_point_mass_in_a_tail_is_summarised_in_one_pass()
    {
        // 30% zeros (as incremental revenue when nothing is delivered), the rest spread: the zeros are one key in the
        // low windows, with a large count.
        var random = new Random(5);
        var values = Enumerable.Range(0, 50_000).Select(i => i % 10 < 3 ? 0.0 : random.NextDouble() * 30).ToArray();
        var (summary, passes, _) = Stream("x", values, false, false, 4096, gatherLimit: 16);
        AssertSameBits(ColumnStatistics.Summarize("x", values), summary);
        Assert.Equal(1, passes);
    }

    [Fact]
    public void The_numbers_a_column_holds_are_bounded_by_the_window_sizes_not_the_trial_count()
    {
        // Bound: nine windows, each at most twice its distinct-key limit (keys and counts, arrays grown to a power of two)
        // and its append buffer, plus the first batch, the counting array, one block, and one chunk's keys, values and
        // tail lanes (chunks of 4,096 here).
        const int chunk = 4096;
        var bound = 9L * (2L * 2 * LevelWindow.DefaultDistinctLimit + LevelWindow.DefaultAppendLimit) + LevelWindow.DefaultAppendLimit
            + ColumnStatistics.CountingRange * 2 + ColumnStatistics.TailBlock + 2 * chunk + chunk / 8;
        var random = new Random(11);
        long held = 0;
        foreach (var n in new[] { 20_000, 200_000, 2_000_000 })
        {
            var values = new double[n];
            for (var i = 0; i < n; i++) values[i] = Math.Exp(random.NextDouble() * 3);
            var (summary, passes, mostHeld) = Stream("x", values, false, false, chunk);
            AssertSameBits(ColumnStatistics.Summarize("x", values), summary);
            Assert.Equal(1, passes);
            Assert.True(mostHeld <= bound, $"{mostHeld} numbers held at {n} trials");
            held = Math.Max(held, mostHeld);
        }
        Assert.True(held > 0);
    }

    [Fact]
    public void A_column_spanning_many_binades_with_a_point_mass_at_zero_is_summarised_in_one_pass()
    {
        // As chips delivered: 13% zeros, the rest spread to ~3e5 (too wide a range to count).
        var random = new Random(3);
        var values = new double[2_000_000];
        for (var i = 0; i < values.Length; i++) values[i] = random.NextDouble() < 0.13 ? 0 : Math.Round(-60_000 * Math.Log(1 - random.NextDouble()));
        var (summary, passes, _) = Stream("chips", values, false, true, 4096);
        AssertSameBits(ColumnStatistics.Summarize("chips", values, isWholeNumber: true), summary);
        Assert.Equal(1, passes);
    }

    [Fact]
    public void A_continuous_column_in_random_order_takes_one_pass_and_a_sorted_one_more_with_the_same_statistics()
    {
        // The windows follow each level's rank among the values seen so far: in trial order (independent trials) they
        // hold it; sorted values run away from every window, and the streamed column then makes further passes (the
        // column held in memory selects). The numbers are those of the column held in memory either way.
        var random = new Random(8);
        var values = new double[300_000];
        for (var i = 0; i < values.Length; i++) values[i] = Math.Exp(random.NextDouble() * 4) + random.NextDouble();
        var (shuffled, randomPasses, _) = Stream("x", values, false, false, 4096);
        AssertSameBits(ColumnStatistics.Summarize("x", values), shuffled);
        Assert.Equal(1, randomPasses);
        var sorted = values.Order().ToArray();
        var (inOrder, sortedPasses, _) = Stream("x", sorted, false, false, 4096);
        AssertSameBits(ColumnStatistics.Summarize("x", sorted), inOrder);
        Assert.True(sortedPasses > 1, $"{sortedPasses} passes sorted");
    }


    [Fact]
    public void Windows_that_narrow_many_times_within_each_chunk_still_hold_their_ranks_in_one_pass()
    {
        // A small append batch makes each window narrow again and again, in the middle of a chunk (and of a group of
        // eight): each narrowing must plan with the count of values seen up to that key and the count below it, or its
        // rank drifts out and the column needs a further pass. NaN rows, a point mass and negative zeros are mixed in.
        // The first two values are the column's extremes: the first batch (as small as the append batch here) then reaches
        // below the 1st percentile and above the 99th, as a first batch of the default size does.
        Gen.Select(Gen.Int[20_000, 60_000], Gen.Int[8, 64], Gen.Int[1, 9000], Gen.Int[0, 1000]).Sample((n, append, chunk, seed) =>
        {
            var random = new Random(seed);
            var values = new double[n];
            for (var i = 0; i < n; i++)
                values[i] = random.Next(20) switch
                {
                    0 => double.NaN,
                    1 => 2.5,
                    2 => -0.0,
                    _ => Math.Exp(random.NextDouble() * 6) - 20,
                };
            values[0] = -1e9;
            values[1] = 1e9;
            var (summary, passes, _) = Stream("x", values, false, false, chunk, appendLimit: append);
            AssertSameBits(ColumnStatistics.Summarize("x", values), summary);
            Assert.True(passes == 1, $"n {n} append {append} chunk {chunk} seed {seed}: {passes} passes");
        }, iter: 40);
    }
    [Fact]
    public void A_rank_window_reports_a_rank_exactly_or_not_at_all()
    {
        Gen.Select(Value.Array[1, 30_000], Gen.Double[0.001, 0.999]).Sample((values, level) =>
        {
            var keys = values.Where(v => !double.IsNaN(v)).Select(SortableKey.Of).ToArray();
            if (keys.Length == 0) return;
            var window = new LevelWindow(level);
            var seen = 0L;
            foreach (var k in keys) window.Add(k, ++seen);
            var sorted = keys.Order().ToArray();
            var found = 0;
            for (var rank = 0L; rank < sorted.Length; rank++)
            {
                if (!window.TryKeyAt(rank, out var key)) continue;
                Assert.Equal(sorted[rank], key);
                found++;
            }
            var target = (long)(level * (sorted.Length - 1));
            Assert.True(found > 0 && window.TryKeyAt(target, out _), $"the level's own rank {target} of {sorted.Length} was not kept");
        }, iter: 60);
    }
}
