using System.Diagnostics;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Benchmarks;

/// <summary>`statistics [values]`: the cost per value of one column's summary (ColumnStatistics.Summarize) for columns of the shapes a run has.</summary>
internal static class StatisticsCost
{
    public static void Go(int n)
    {
        var random = new Random(1);
        var columns = new (string Name, double[] Values, bool Binary, bool Whole)[]
        {
            ("continuous (lognormal)", Enumerable.Range(0, n).Select(_ => Math.Exp(random.NextDouble() * 3)).ToArray(), false, false),
            ("30% zeros, rest continuous", Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.3 ? 0 : random.NextDouble() * 30).ToArray(), false, false),
            ("0/1", Enumerable.Range(0, n).Select(_ => (double)(random.NextDouble() < 0.4 ? 1 : 0)).ToArray(), true, true),
            ("months 0-27, 40% missing", Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.4 ? double.NaN : random.Next(28)).ToArray(), false, true),
        };
        foreach (var (name, values, binary, whole) in columns)
        {
            double best = double.MaxValue, bestConsume = double.MaxValue;
            for (var rep = 0; rep < 5; rep++)
            {
                var sw = Stopwatch.StartNew();
                var s = ColumnStatistics.Summarize("x", values, binary, whole);
                best = Math.Min(best, sw.Elapsed.TotalNanoseconds / n);
                if (s.Count == 0) throw new InvalidOperationException();
                var column = new Alibaba.ChipSim.Statistics.Streaming.OnePassColumn("x", binary, whole);
                column.BeginPass(0);
                sw.Restart();
                for (var at = 0; at < n; at += 4096) column.Consume(values.AsSpan(at, Math.Min(4096, n - at)));
                bestConsume = Math.Min(bestConsume, sw.Elapsed.TotalNanoseconds / n);
            }
            Console.WriteLine($"{name,-30} {best,6:F1} ns per value, of which taking the values in chunks of 4,096 {bestConsume,6:F1} ns (best of 5, {n:N0} values)");
        }
    }
}

internal static class WindowCost
{
    public static void Go()
    {
        var random = new Random(2);
        var n = 1_000_000;
        var keys = Enumerable.Range(0, n).Select(_ => Alibaba.ChipSim.Statistics.SortableKey.Of(Math.Exp(random.NextDouble() * 3))).ToArray();
        for (var rep = 0; rep < 3; rep++)
        {
            var w = new Alibaba.ChipSim.Statistics.Streaming.LevelWindow(0.5);
            long appended = 0, narrowings = 0;
            double narrowNs = 0;
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < n; i++)
            {
                var k = keys[i];
                if (k < w.Lo) { w.Below++; continue; }
                if (k > w.Hi) continue;
                appended++;
                if (!w.Append(k)) continue;
                var t = Stopwatch.GetTimestamp();
                var (a, b) = w.Plan(i + 1);
                w.Keep(a, b);
                narrowNs += Stopwatch.GetElapsedTime(t).TotalNanoseconds;
                narrowings++;
            }
            Console.WriteLine($"median window: {sw.Elapsed.TotalMilliseconds:F1} ms for {n:N0} keys, {appended:N0} appended, {narrowings} narrowings taking {narrowNs / 1e6:F1} ms ({narrowNs / appended:F1} ns per appended key)");
        }
    }
}

/// <summary>`consume N binary|continuous`: a streamed column's cost per value, and of its parts taken alone (the compensated sum, the extremes, the spread).</summary>
internal static class ConsumeOnly
{
    public static void Go(int n, bool binary)
    {
        var random = new Random(1);
        var values = binary ? Enumerable.Range(0, n).Select(_ => (double)(random.NextDouble() < 0.4 ? 1 : 0)).ToArray()
            : Enumerable.Range(0, n).Select(_ => Math.Exp(random.NextDouble() * 3)).ToArray();
        for (var rep = 0; rep < 5; rep++)
        {
            var column = new Alibaba.ChipSim.Statistics.Streaming.OnePassColumn("x", binary, binary);
            column.BeginPass(0);
            var sw = Stopwatch.StartNew();
            for (var at = 0; at < n; at += 4096) column.Consume(values.AsSpan(at, Math.Min(4096, n - at)));
            var whole = sw.Elapsed.TotalNanoseconds / n;
            sw.Restart();
            var sum = new Alibaba.ChipSim.Statistics.LaneSum();
            for (var at = 0; at < n; at += 4096) sum.Add(values.AsSpan(at, Math.Min(4096, n - at)));
            var lanes = sw.Elapsed.TotalNanoseconds / n;
            sw.Restart();
            ulong minKey = ulong.MaxValue, maxKey = 0;
            foreach (var v in values)
            {
                var key = Alibaba.ChipSim.Statistics.SortableKey.Of(v);
                minKey = Math.Min(minKey, key);
                maxKey = Math.Max(maxKey, key);
            }
            var extremes = sw.Elapsed.TotalNanoseconds / n;
            sw.Restart();
            var spread = new Alibaba.ChipSim.Statistics.BlockSpread();
            for (var at = 0; at < n; at += 1024) spread.Add(values.AsSpan(at, Math.Min(1024, n - at)));
            var blocks = sw.Elapsed.TotalNanoseconds / n;
            if (double.IsNaN(sum.Value) || minKey > maxKey) throw new InvalidOperationException();
            Console.WriteLine($"{whole:F1} ns per value; alone: compensated sum {lanes:F2}, extremes {extremes:F2}, spread {blocks:F2}");
        }
    }
}
