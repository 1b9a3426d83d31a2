using Alibaba.ChipSim.Engine;
using Parquet;
using Parquet.Schema;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// Writes <c>trials.parquet</c>: one row per trial, a <c>trial</c> index, then one typed column per per-trial
/// metric (whole-number metrics as nullable INT64, the others as nullable DOUBLE, NaN written as null) and one
/// string column per actor's final state. Readable by DuckDB, pandas/pyarrow and R arrow.
/// </summary>
public static class TrialsParquetWriter
{
    /// <summary>Rows per row group: large enough for fast scans, small enough to bound the write buffers.</summary>
    public const int DefaultRowGroupSize = 1_000_000;

    public const string FileName = "trials.parquet";

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

        var schema = new ParquetSchema([trialField, .. numericFields, .. categoricalFields]);
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
        for (var start = 0; start < rows || (rows == 0 && start == 0); start += size)
        {
            var count = Math.Min(size, rows - start);
            using var group = writer.CreateRowGroup();

            for (var r = 0; r < count; r++) longs[r] = start + r;
            await group.WriteAsync<long>(trialField, longs.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);

            for (var i = 0; i < numericFields.Length; i++)
            {
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
                    for (var r = 0; r < count; r++)
                    {
                        var v = values[start + r];
                        doubles[r] = double.IsNaN(v) ? null : v;
                    }
                    await group.WriteAsync<double>(numericFields[i], doubles.AsMemory(0, count), cancellationToken: cancellationToken)
                        .ConfigureAwait(false);
                }
            }

            for (var i = 0; i < categoricalFields.Length; i++)
            {
                var column = result.Categorical[i];
                for (var r = 0; r < count; r++) strings[r] = column.Categories[column.Codes[start + r]];
                await group.WriteAsync(categoricalFields[i], new ArraySegment<string>(strings, 0, count)).ConfigureAwait(false);
            }
            group.CompleteValidate();
            if (rows == 0) break;
        }
    }

    private static int RowCount(SimulationResult result)
    {
        if (result.Trials > Array.MaxLength) throw new ArgumentException($"{result.Trials} trials exceed one array.", nameof(result));
        var rows = (int)result.Trials;
        foreach (var c in result.Numeric)
            if (c.Values.Length != rows) throw new ArgumentException($"Column {c.Name} has {c.Values.Length} values for {rows} trials.", nameof(result));
        foreach (var c in result.Categorical)
            if (c.Codes.Length != rows) throw new ArgumentException($"Column {c.Name} has {c.Codes.Length} codes for {rows} trials.", nameof(result));
        return rows;
    }
}
