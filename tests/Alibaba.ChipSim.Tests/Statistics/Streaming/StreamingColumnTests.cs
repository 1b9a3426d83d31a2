using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Statistics.Streaming;
using CsCheck;

namespace Alibaba.ChipSim.Tests.Statistics.Streaming;

/// <summary>The statistics of a column seen chunk by chunk, pass after pass, against the same column held in memory, bit for bit.</summary>
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

    /// <summary>Feeds <paramref name="values"/> in chunks of <paramref name="chunk"/> values, as many passes as the column asks for.</summary>
    internal static (MetricSummary Summary, int Passes, long MostHeld) Stream(string name, double[] values, bool isBinary, bool isWholeNumber,
        int chunk, int gatherLimit = StreamingColumn.GatherLimit)
    {
        var column = new StreamingColumn(name, isBinary, isWholeNumber, gatherLimit);
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
            var expected = ColumnStatistics.Summarize("x", values, binary, whole);
            // A small gather limit forces several levels of histograms before the keys are gathered.
            AssertSameBits(expected, Stream("x", values, binary, whole, chunk, gatherLimit).Summary);
            AssertSameBits(expected, Stream("x", values, binary, whole, chunk).Summary);
        }, iter: 150);
    }

    [Fact]
    public void A_column_flagged_whole_that_is_not_falls_back_to_selection_like_the_column_statistics()
    {
        var values = Enumerable.Range(0, 10_000).Select(i => i % 7 == 0 ? i + 0.5 : i % 50).ToArray();
        var expected = ColumnStatistics.Summarize("x", values, isWholeNumber: true);
        AssertSameBits(expected, Stream("x", values, false, true, 1000).Summary);
    }

    [Fact]
    public void A_column_with_a_point_mass_in_a_tail_resolves_its_ranks_by_the_keys_seen_in_each_bin()
    {
        // 30% zeros (as incremental revenue when nothing is delivered), the rest spread: the zeros' bin is one key wide.
        var random = new Random(5);
        var values = Enumerable.Range(0, 50_000).Select(i => i % 10 < 3 ? 0.0 : random.NextDouble() * 30).ToArray();
        var (summary, passes, _) = Stream("x", values, false, false, 4096, gatherLimit: 16);
        AssertSameBits(ColumnStatistics.Summarize("x", values), summary);
        Assert.True(passes <= 6, $"{passes} passes");
    }

    [Fact]
    public void The_numbers_a_column_holds_depend_on_the_histogram_sizes_and_the_gather_limit_not_the_trial_count()
    {
        // Bound: the first histogram (2^16 bins, three numbers each), 18 ranges each either a 2^12-bin histogram or at
        // most GatherLimit keys. Ten times the trials hold no more.
        var bound = 3L * (1 << 16) + 18L * Math.Max(3L * (1 << 12), StreamingColumn.GatherLimit);
        var random = new Random(11);
        long held = 0;
        foreach (var n in new[] { 20_000, 200_000, 2_000_000 })
        {
            var values = new double[n];
            for (var i = 0; i < n; i++) values[i] = Math.Exp(random.NextDouble() * 3);
            var (summary, _, mostHeld) = Stream("x", values, false, false, 4096);
            AssertSameBits(ColumnStatistics.Summarize("x", values), summary);
            Assert.True(mostHeld <= bound, $"{mostHeld} numbers held at {n} trials");
            held = Math.Max(held, mostHeld);
        }
        Assert.True(held > 0);
    }

    [Fact]
    public void A_column_spanning_many_binades_with_a_point_mass_at_zero_needs_two_passes_at_a_hundred_million_trials_scale()
    {
        // As chips delivered: 13% zeros, the rest spread to ~3e5. 2e6 values with a gather limit 50 times below the
        // default hold as many values per bin, relative to the limit, as 1e8 trials do: the value-width first histogram
        // narrows every other rank to a gatherable bin in one pass, and pass 0's windows hold p5 and p95, so the tails
        // are summed in the same second pass.
        var random = new Random(3);
        var values = new double[2_000_000];
        for (var i = 0; i < values.Length; i++) values[i] = random.NextDouble() < 0.13 ? 0 : Math.Round(-60_000 * Math.Log(1 - random.NextDouble()));
        var (summary, passes, _) = Stream("chips", values, false, true, 4096, StreamingColumn.GatherLimit / 50);
        AssertSameBits(ColumnStatistics.Summarize("chips", values, isWholeNumber: true), summary);
        Assert.Equal(2, passes);
    }

    [Fact]
    public void A_continuous_column_in_random_order_needs_two_passes_and_a_sorted_one_more_with_the_same_statistics()
    {
        // Pass 0's windows follow the 5th and 95th percentiles of the values seen so far: in trial order (independent
        // trials) they hold them, so the tails are summed in pass 1; sorted values run away from every window, and the
        // tails then take a third pass. The numbers are the same either way.
        var random = new Random(8);
        var values = new double[300_000];
        for (var i = 0; i < values.Length; i++) values[i] = Math.Exp(random.NextDouble() * 4) + random.NextDouble();
        var expected = ColumnStatistics.Summarize("x", values);
        var (shuffled, randomPasses, _) = Stream("x", values, false, false, 4096);
        AssertSameBits(expected, shuffled);
        Assert.Equal(2, randomPasses);
        var sorted = values.Order().ToArray();
        var (inOrder, sortedPasses, _) = Stream("x", sorted, false, false, 4096);
        AssertSameBits(ColumnStatistics.Summarize("x", sorted), inOrder);
        Assert.True(sortedPasses > randomPasses, $"{sortedPasses} passes sorted");
    }

    [Fact]
    public void A_rank_window_reports_a_rank_exactly_or_not_at_all()
    {
        Gen.Select(Value.Array[1, 30_000], Gen.Double[0.001, 0.999]).Sample((values, level) =>
        {
            var keys = values.Where(v => !double.IsNaN(v)).Select(SortableKey.Of).ToArray();
            if (keys.Length == 0) return;
            var window = new RankWindow(level);
            foreach (var k in keys) window.Add(k);
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
