using System.Text;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// <c>trials.csv</c>: one row per trial. Columns: <c>trial</c> (0-based index), every numeric metric (whole-number
/// metrics without decimals, missing = empty), every actor's final state by name, then every per-quarter metric
/// (<c>cloud_revenue_cny_bn_FY2027Q1</c>), then every parameter drawn per trial by its path (<see cref="TrialInputs"/>). Invariant culture, RFC 4180 quoting, LF line ends; streamed a block of rows at a time.
/// </summary>
public sealed class TrialsCsvWriter : IRunFileWriter
{
    /// <summary>Rows per formatted block.</summary>
    internal const int BlockRows = 1024;

    public string FileName => "trials.csv";

    public OutputFormats Format => OutputFormats.Csv;

    void IRunFileWriter.Write(Stream stream, SimulationResult result, RunSummary summary, CancellationToken cancellationToken)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        Write(writer, result, cancellationToken);
    }

    /// <summary>
    /// Writes the header and one row per trial to <paramref name="writer"/>, in trial order. Rows are formatted in blocks
    /// of <see cref="BlockRows"/> on up to <paramref name="maxThreads"/> threads (all processors when null) and written
    /// as each batch of blocks is ready, so memory stays bounded whatever the trial count and the text never depends
    /// on the thread count.
    /// </summary>
    public static void Write(TextWriter writer, SimulationResult result, CancellationToken cancellationToken = default, int? maxThreads = null)
    {
        var row = new TrialsCsvRow(result);
        writer.Write(row.Header);
        var threads = Math.Max(1, maxThreads ?? Environment.ProcessorCount);
        var blocks = new char[2 * threads][];
        var lengths = new int[blocks.Length];
        var inputs = new double[blocks.Length][][];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        var trials = (int)result.Trials;
        for (var first = 0; first < trials; first += blocks.Length * BlockRows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(blocks.Length, (trials - first + BlockRows - 1) / BlockRows);
            var batchStart = first;
            Parallel.For(0, count, options, b =>
            {
                var block = blocks[b] ??= new char[BlockRows * row.MaxLength];
                var start = batchStart + b * BlockRows;
                var end = Math.Min(trials, start + BlockRows);
                var values = inputs[b] ??= row.Inputs.Buffer(BlockRows);
                row.Inputs.Fill(start, end - start, values);
                var at = 0;
                for (var t = start; t < end; t++) at += row.Format(t, block.AsSpan(at), values, t - start);
                lengths[b] = at;
            });
            for (var b = 0; b < count; b++) writer.Write(blocks[b], 0, lengths[b]);
        }
        writer.Flush();
    }
}
