using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output.Shards;

/// <summary>
/// The run's columns read from its shard files one column at a time: a column's load reads its slice from every shard
/// (each slice is contiguous in its file) into one array in trial order; nothing else is held.
/// </summary>
internal static class ShardColumnSource
{
    /// <param name="shards">Checked shards of one run, in slice order.</param>
    public static SummaryColumns For(IReadOnlyList<ShardReader> shards)
    {
        var h = shards[0].Header;
        var rows = checked((int)h.Trials);
        var files = shards.Select(s => (s.Path, s.DataOffset, s.Header, First: (int)s.Header.FirstTrial, Count: (int)s.Header.Count)).ToList();
        var doubles = new ConcurrentBag<double[]>();
        var bytes = new ConcurrentBag<byte[]>();

        double[] Doubles(Func<ShardHeader, long> start)
        {
            // Each column is read into an array another column has finished with: at most one per thread is ever allocated.
            var values = doubles.TryTake(out var free) ? free : GC.AllocateUninitializedArray<double>(rows);
            foreach (var f in files) Read(f.Path, f.DataOffset + start(f.Header), MemoryMarshal.AsBytes(values.AsSpan(f.First, f.Count)));
            return values;
        }

        byte[] Bytes(int column)
        {
            var codes = bytes.TryTake(out var free) ? free : GC.AllocateUninitializedArray<byte>(rows);
            foreach (var f in files) Read(f.Path, f.DataOffset + f.Header.CategoricalAt(column), codes.AsSpan(f.First, f.Count));
            return codes;
        }

        var quarterBase = new int[h.Quarterly.Length];
        for (var m = 1; m < quarterBase.Length; m++) quarterBase[m] = quarterBase[m - 1] + h.Quarterly[m - 1].Quarters.Length;
        return new SummaryColumns(h.Scenario, h.ScenarioSha256, h.Seed, h.Trials,
            [.. h.Numeric.Select((c, i) => new SummaryColumns.Numeric(c.Name, c.IsBinary, c.IsWholeNumber, () => Doubles(header => header.NumericAt(i))))],
            [.. h.Categorical.Select((c, j) => new SummaryColumns.Categorical(c.Name, c.Categories, () => Bytes(j)))],
            [.. h.Quarterly.Select((q, m) => new SummaryColumns.Quarterly(q.Metric, q.Quarters, k => Doubles(header => header.QuarterAt(quarterBase[m] + k))))])
        {
            ReleaseDoubles = doubles.Add,
            ReleaseBytes = bytes.Add,
        };
    }

    private static void Read(string path, long offset, Span<byte> target)
    {
        ShardFile.RequireLittleEndian();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        stream.Position = offset;
        stream.ReadExactly(target);
    }
}
