using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace Alibaba.ChipSim.Output.Scoring;

/// <summary>
/// Reads chosen numeric columns (and <c>weight</c>, when present) of a run folder's <c>trials.csv</c> (preferred) or
/// <c>trials.parquet</c>. Columns that are not in the file are left out, for the caller to report. Throws
/// <see cref="InvalidDataException"/> naming the file (and line) when it cannot be read.
/// </summary>
internal static class TrialColumnsReader
{
    public const string WeightColumn = "weight";

    /// <summary>The per-trial file of <paramref name="runFolder"/>, or null when it has none.</summary>
    public static string? FileOf(string runFolder)
    {
        foreach (var name in new[] { PairedTrials.CsvFileName, PairedTrials.ParquetFileName })
        {
            var path = Path.Combine(runFolder, name);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    /// <summary>Whether the per-trial file has a column named <paramref name="name"/> (its header row, or its Parquet schema).</summary>
    public static bool HasColumn(string file, string name)
    {
        if (!file.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(file, Encoding.UTF8, true, 1 << 12);
            return reader.ReadLine() is { } header && PairedTrials.Fields(header, file, 1).Contains(name);
        }
        return HasParquetColumn(file, name).GetAwaiter().GetResult();
    }

    private static async Task<bool> HasParquetColumn(string file, string name)
    {
        await using var stream = File.OpenRead(file);
        try
        {
            await using var reader = await ParquetReader.CreateAsync(stream).ConfigureAwait(false);
            return reader.Schema.GetDataFields().Any(f => f.Name == name);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException)
        {
            throw new InvalidDataException($"{file}: not a readable Parquet file ({e.Message})", e);
        }
    }

    public static TrialColumns Read(string file, IReadOnlyCollection<string> names, CancellationToken cancellationToken = default) =>
        file.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)
            ? ReadParquet(file, names, cancellationToken).GetAwaiter().GetResult()
            : ReadCsv(file, names, cancellationToken);

    private static TrialColumns ReadCsv(string file, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(file, Encoding.UTF8, true, 1 << 16);
        var header = PairedTrials.Fields(reader.ReadLine() ?? throw new InvalidDataException($"{file}: empty file (expected a header row)"), file, 1);
        var wanted = new List<(int Index, string Name, List<double> Values)>();
        for (var i = 0; i < header.Count; i++)
            if (names.Contains(header[i]) || header[i] == WeightColumn) wanted.Add((i, header[i], new List<double>()));
        var trials = 0;
        for (var line = 2; reader.ReadLine() is { } row; line++)
        {
            if ((line & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (row.Length == 0) continue;
            var fields = PairedTrials.Fields(row, file, line);
            if (fields.Count != header.Count) throw new InvalidDataException($"{file}:{line}: {fields.Count} fields, but the header has {header.Count}");
            foreach (var (index, name, values) in wanted)
            {
                var field = fields[index];
                if (field.Length == 0) values.Add(double.NaN);
                else if (double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) values.Add(v);
                else if (name == WeightColumn) throw new InvalidDataException($"{file}:{line}: weight '{field}' is not a number");
                else values.Add(double.NaN); // a text column (a final state): not a number to score
            }
            trials++;
        }
        return Build(file, trials, wanted.Select(w => (w.Name, w.Values.ToArray())), header);
    }

    private static async Task<TrialColumns> ReadParquet(string file, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException)
        {
            throw new InvalidDataException($"{file}: not a readable Parquet file ({e.Message})", e);
        }
        await using (reader)
        {
            var fields = reader.Schema.GetDataFields();
            var wanted = fields.Where(f => (names.Contains(f.Name) || f.Name == WeightColumn) && IsNumeric(f)).ToList();
            var columns = wanted.Select(_ => new List<double>()).ToList();
            var trials = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var group = reader.OpenRowGroupReader(g);
                var rows = checked((int)group.RowCount);
                for (var c = 0; c < wanted.Count; c++) columns[c].AddRange(await Numbers(group, wanted[c], rows, cancellationToken).ConfigureAwait(false));
                trials += rows;
            }
            return Build(file, trials, wanted.Select((f, c) => (f.Name, columns[c].ToArray())), fields.Select(f => f.Name).ToList());
        }
    }

    private static bool IsNumeric(DataField f) => f.ClrType == typeof(double) || f.ClrType == typeof(long) || f.ClrType == typeof(int) || f.ClrType == typeof(float);

    private static async Task<double[]> Numbers(ParquetRowGroupReader group, DataField field, int rows, CancellationToken cancellationToken)
    {
        var values = new double[rows];
        if (field.ClrType == typeof(double)) await Read<double>(group, field, values, v => v, cancellationToken).ConfigureAwait(false);
        else if (field.ClrType == typeof(long)) await Read<long>(group, field, values, v => v, cancellationToken).ConfigureAwait(false);
        else if (field.ClrType == typeof(int)) await Read<int>(group, field, values, v => v, cancellationToken).ConfigureAwait(false);
        else await Read<float>(group, field, values, v => v, cancellationToken).ConfigureAwait(false);
        return values;
    }

    private static async Task Read<T>(ParquetRowGroupReader group, DataField field, double[] values, Func<T, double> toDouble, CancellationToken cancellationToken)
        where T : struct
    {
        if (field.IsNullable)
        {
            var buffer = new T?[values.Length];
            await group.ReadAsync(field, buffer.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < values.Length; i++) values[i] = buffer[i] is { } v ? toDouble(v) : double.NaN;
        }
        else
        {
            var buffer = new T[values.Length];
            await group.ReadAsync(field, buffer.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < values.Length; i++) values[i] = toDouble(buffer[i]);
        }
    }

    private static TrialColumns Build(string file, int trials, IEnumerable<(string Name, double[] Values)> columns, IReadOnlyList<string> header)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, double[]>(StringComparer.Ordinal);
        double[]? weights = null;
        foreach (var (name, values) in columns)
        {
            if (name == WeightColumn)
            {
                for (var t = 0; t < values.Length; t++)
                    if (!(values[t] >= 0) || double.IsInfinity(values[t]))
                        throw new InvalidDataException($"{file}: trial {t}: weight {values[t].ToString(CultureInfo.InvariantCulture)} (a weight is a finite number ≥ 0)");
                weights = values;
            }
            builder[name] = values;
        }
        return new TrialColumns(file, trials, builder.ToImmutable(), weights, [.. header]);
    }
}
