using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Statistics;
using Parquet;
using Parquet.Schema;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// Writes <c>trials.parquet</c>, the columns of <c>trials.csv</c> with their types: <c>trial</c> (0-based index),
/// every per-trial metric (whole-number metrics as nullable INT64, the others as nullable DOUBLE, NaN written as
/// null), every actor's final state as a string, then every per-quarter metric (<c>cloud_revenue_cny_bn_FY2027Q1</c>)
/// as nullable DOUBLE, then every parameter drawn per trial by its path (<see cref="TrialInputs"/>; whole-valued ones as
/// INT64). Snappy-compressed; readable by DuckDB, pandas/pyarrow and R arrow.
/// </summary>
public sealed class TrialsParquetWriter : IRunFileWriter
{
    /// <summary>Rows per row group: large enough for fast scans, small enough to bound the write buffers.</summary>
    public const int DefaultRowGroupSize = 1_000_000;

    public string FileName => "trials.parquet";

    public OutputFormats Format => OutputFormats.Parquet;

    void IRunFileWriter.Write(Stream stream, SimulationResult result, RunSummary summary, CancellationToken cancellationToken) =>
        WriteAsync(result, stream, DefaultRowGroupSize, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Writes <paramref name="result"/> to <paramref name="path"/> atomically (a temp file in the same folder, then a move).</summary>
    public static void Write(SimulationResult result, string path, int rowGroupSize = DefaultRowGroupSize) =>
        WriteAsync(result, path, rowGroupSize).GetAwaiter().GetResult();

    public static async Task WriteAsync(SimulationResult result, string path, int rowGroupSize = DefaultRowGroupSize,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupSize, 1);
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20))
            {
                await WriteAsync(result, stream, rowGroupSize, cancellationToken).ConfigureAwait(false);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Writes to a writable, seekable stream, which is left open.</summary>
    public static async Task WriteAsync(SimulationResult result, Stream output, int rowGroupSize = DefaultRowGroupSize,
        CancellationToken cancellationToken = default)
    {
        var rows = RowCount(result);
        var trialField = new DataField<long>("trial");
        var numericFields = new DataField[result.Numeric.Length];
        for (var i = 0; i < numericFields.Length; i++)
        {
            var c = result.Numeric[i];
            numericFields[i] = c.IsWholeNumber ? new DataField<long?>(c.Name) : new DataField<double?>(c.Name);
        }
        var categoricalFields = new DataField[result.Categorical.Length];
        for (var i = 0; i < categoricalFields.Length; i++)
            categoricalFields[i] = new DataField<string>(result.Categorical[i].Name, false);

        var quarterly = new List<double[]>();
        var quarterFields = new List<DataField>();
        foreach (var qc in result.Quarterly)
            for (var q = 0; q < qc.Quarters.Length; q++)
            {
                quarterFields.Add(new DataField<double?>(SummaryBuilder.QuarterMetricName(qc.Metric, qc.Quarters[q])));
                quarterly.Add(qc.Values[q]);
            }
        if (result.Weights is { } weights)
        {
            // A run conditioned on history: each trial's weight (not normalised), last.
            quarterFields.Add(new DataField<double?>("weight"));
            quarterly.Add(weights);
        }

        var inputs = TrialInputs.Of(result);
        var inputFields = new DataField[inputs.Count];
        for (var i = 0; i < inputFields.Length; i++)
            inputFields[i] = inputs.Whole[i] ? new DataField<long?>(inputs.Names[i]) : new DataField<double?>(inputs.Names[i]);

        var schema = new ParquetSchema([trialField, .. numericFields, .. categoricalFields, .. quarterFields, .. inputFields]);
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        await using var writer = await ParquetWriter.CreateAsync(schema, output, options, append: false, cancellationToken)
            .ConfigureAwait(false);
        writer.CustomMetadata = new Dictionary<string, string>
        {
            ["chipsim.scenario"] = result.Scenario.Name,
            ["chipsim.seed"] = result.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["chipsim.engine"] = EngineInfo.Name,
        };

        var size = (int)Math.Min(rowGroupSize, Math.Max(rows, 1));
        var longs = new long[size];
        var nullableLongs = new long?[size];
        var doubles = new double?[size];
        var strings = new string[size];
        var inputValues = inputs.Buffer(size);
        for (var start = 0; start < rows || (rows == 0 && start == 0); start += size)
        {
            var count = Math.Min(size, rows - start);
            using var group = writer.CreateRowGroup();

            for (var r = 0; r < count; r++) longs[r] = start + r;
            await group.WriteAsync<long>(trialField, longs.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);

            for (var i = 0; i < numericFields.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var values = result.Numeric[i].Values;
                if (result.Numeric[i].IsWholeNumber)
                {
                    for (var r = 0; r < count; r++)
                    {
                        var v = values[start + r];
                        nullableLongs[r] = double.IsNaN(v) ? null : (long)Math.Round(v);
                    }
                    await group.WriteAsync<long>(numericFields[i], nullableLongs.AsMemory(0, count), cancellationToken: cancellationToken)
                        .ConfigureAwait(false);
                }
                else
                {
                    await WriteDoubles(group, numericFields[i], values, start, count, doubles, cancellationToken).ConfigureAwait(false);
                }
            }

            for (var i = 0; i < categoricalFields.Length; i++)
            {
                var column = result.Categorical[i];
                for (var r = 0; r < count; r++) strings[r] = column.Categories[column.Codes[start + r]];
                await group.WriteAsync(categoricalFields[i], new ArraySegment<string>(strings, 0, count)).ConfigureAwait(false);
            }
            for (var i = 0; i < quarterFields.Count; i++)
                await WriteDoubles(group, quarterFields[i], quarterly[i], start, count, doubles, cancellationToken).ConfigureAwait(false);
            inputs.Fill(start, count, inputValues);
            for (var i = 0; i < inputFields.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (inputs.Whole[i])
                {
                    for (var r = 0; r < count; r++) nullableLongs[r] = (long)Math.Round(inputValues[i][r]);
                    await group.WriteAsync<long>(inputFields[i], nullableLongs.AsMemory(0, count), cancellationToken: cancellationToken)
                        .ConfigureAwait(false);
                }
                else
                {
                    await WriteDoubles(group, inputFields[i], inputValues[i], 0, count, doubles, cancellationToken).ConfigureAwait(false);
                }
            }
            group.CompleteValidate();
            if (rows == 0) break;
        }
    }

    private static Task WriteDoubles(ParquetRowGroupWriter group, DataField field, double[] values, int start, int count,
        double?[] buffer, CancellationToken cancellationToken)
    {
        for (var r = 0; r < count; r++)
        {
            var v = values[start + r];
            buffer[r] = double.IsNaN(v) ? null : v;
        }
        return group.WriteAsync<double>(field, buffer.AsMemory(0, count), cancellationToken: cancellationToken);
    }

    private static int RowCount(SimulationResult result)
    {
        if (result.Trials > Array.MaxLength) throw new ArgumentException($"{result.Trials} trials exceed one array.", nameof(result));
        var rows = (int)result.Trials;
        foreach (var c in result.Numeric)
            if (c.Values.Length != rows) throw new ArgumentException($"Column {c.Name} has {c.Values.Length} values for {rows} trials.", nameof(result));
        foreach (var c in result.Categorical)
            if (c.Codes.Length != rows) throw new ArgumentException($"Column {c.Name} has {c.Codes.Length} codes for {rows} trials.", nameof(result));
        foreach (var qc in result.Quarterly)
            foreach (var v in qc.Values)
                if (v.Length != rows) throw new ArgumentException($"Quarter column {qc.Metric} has {v.Length} values for {rows} trials.", nameof(result));
        return rows;
    }
}
