using System.Collections.Immutable;
using System.Globalization;
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
            using var reader = TrialsCsvReader.Open(file);
            return reader.Header.Contains(name);
        }
        return HasParquetColumn(file, name).GetAwaiter().GetResult();
    }

    private static async Task<bool> HasParquetColumn(string file, string name)
    {
        await using var stream = Scenarios.InputFile.Open(file, out var problem) ?? throw new InvalidDataException(problem);
        try
        {
            await using var reader = await ParquetReader.CreateAsync(stream).ConfigureAwait(false);
            return reader.Schema.GetDataFields().Any(f => f.Name == name);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Unreadable(file, e);
        }
    }

    /// <summary>
    /// Reads the columns <paramref name="names"/> (and <c>weight</c>) of a per-trial file. <paramref name="textColumns"/>
    /// (the final states) and <paramref name="expectedTrials"/> come from the run's summary.json, when it has one: a
    /// trials.csv must then hold exactly that many trials and a number (or an empty field) in every other column.
    /// </summary>
    public static TrialColumns Read(string file, IReadOnlyCollection<string> names, IReadOnlyCollection<string>? textColumns = null,
        long? expectedTrials = null, CancellationToken cancellationToken = default) =>
        file.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)
            ? ReadParquet(file, names, expectedTrials, cancellationToken).GetAwaiter().GetResult()
            : ReadCsv(file, names, textColumns, expectedTrials, cancellationToken);

    private static TrialColumns ReadCsv(string file, IReadOnlyCollection<string> names, IReadOnlyCollection<string>? textColumns,
        long? expectedTrials, CancellationToken cancellationToken)
    {
        using var reader = TrialsCsvReader.Open(file, textColumns, expectedTrials);
        var header = reader.Header;
        var wanted = new List<(int Index, string Name, List<double> Values)>();
        for (var i = 0; i < header.Count; i++)
            if (names.Contains(header[i]) || header[i] == WeightColumn) wanted.Add((i, header[i], new List<double>()));
        while (reader.Read())
        {
            if ((reader.Line & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            foreach (var (index, _, values) in wanted) values.Add(reader.Number(index)); // a final state is NaN: not a number to score
        }
        return Build(file, checked((int)reader.Trials), wanted.Select(w => (w.Name, w.Values.ToArray())), [.. header]);
    }

    private static async Task<TrialColumns> ReadParquet(string file, IReadOnlyCollection<string> names, long? expectedTrials, CancellationToken cancellationToken)
    {
        await using var stream = Scenarios.InputFile.Open(file, out var problem) ?? throw new InvalidDataException(problem);
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Unreadable(file, e);
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
                using var group = OpenRowGroup(reader, g, file);
                var rows = checked((int)group.RowCount);
                for (var c = 0; c < wanted.Count; c++)
                    columns[c].AddRange(await Numbers(group, wanted[c], rows, file, trials, cancellationToken).ConfigureAwait(false));
                trials += rows;
            }
            CheckRows(file, trials, expectedTrials);
            return Build(file, trials, wanted.Select((f, c) => (f.Name, columns[c].ToArray())), fields.Select(f => f.Name).ToList());
        }
    }

    /// <summary>
    /// Whether an exception from Parquet.Net means the file is damaged: for a truncated or corrupt file it throws many
    /// kinds (its Thrift errors, Snappy's InvalidDataException, index and argument errors), none of them a program error.
    /// </summary>
    internal static bool IsDamage(Exception e) => e is not (OperationCanceledException or OutOfMemoryException);

    /// <summary>The error for a damaged trials.parquet; the library's message is left out (it may quote the file's bytes).</summary>
    internal static InvalidDataException Unreadable(string file, Exception e) =>
        new($"{file}: not a readable Parquet file (truncated or damaged; expected a trials.parquet written by `chipsim run --out`)", e);

    internal static ParquetRowGroupReader OpenRowGroup(ParquetReader reader, int group, string file)
    {
        try
        {
            return reader.OpenRowGroupReader(group);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Unreadable(file, e);
        }
    }

    /// <summary>Refuses a trials.parquet of no rows, or of other than the <paramref name="expected"/> trials its summary.json counts.</summary>
    internal static void CheckRows(string file, long trials, long? expected)
    {
        if (trials == 0) throw new InvalidDataException($"{file}: no trials (no rows)");
        if (expected is { } count && trials != count)
            throw new InvalidDataException($"{file}: {trials} trials, but its summary.json counts {count}");
    }

    internal static bool IsNumeric(DataField f) => f.ClrType == typeof(double) || f.ClrType == typeof(long) || f.ClrType == typeof(int) || f.ClrType == typeof(float);

    /// <summary>One row group's values of a numeric column (null = NaN); a stored NaN or infinity is refused, as in trials.csv.</summary>
    internal static async Task<double[]> Numbers(ParquetRowGroupReader group, DataField field, int rows, string file, long firstTrial, CancellationToken cancellationToken)
    {
        var values = new double[rows];
        int bad;
        try
        {
            if (field.ClrType == typeof(double)) bad = await Read<double>(group, field, values, v => v, cancellationToken).ConfigureAwait(false);
            else if (field.ClrType == typeof(long)) bad = await Read<long>(group, field, values, v => v, cancellationToken).ConfigureAwait(false);
            else if (field.ClrType == typeof(int)) bad = await Read<int>(group, field, values, v => v, cancellationToken).ConfigureAwait(false);
            else bad = await Read<float>(group, field, values, v => v, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Unreadable(file, e);
        }
        if (bad >= 0)
            throw new InvalidDataException($"{file}: trial {firstTrial + bad}: {field.Name}: not a finite number (chipsim writes an undefined value as null)");
        return values;
    }

    /// <summary>Fills <paramref name="values"/>; returns the first row holding a stored value that is not finite, or -1.</summary>
    private static async Task<int> Read<T>(ParquetRowGroupReader group, DataField field, double[] values, Func<T, double> toDouble, CancellationToken cancellationToken)
        where T : struct
    {
        var bad = -1;
        if (field.IsNullable)
        {
            var buffer = new T?[values.Length];
            await group.ReadAsync(field, buffer.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = buffer[i] is { } v ? toDouble(v) : double.NaN;
                if (buffer[i] is not null && !double.IsFinite(values[i]) && bad < 0) bad = i;
            }
        }
        else
        {
            var buffer = new T[values.Length];
            await group.ReadAsync(field, buffer.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = toDouble(buffer[i]);
                if (!double.IsFinite(values[i]) && bad < 0) bad = i;
            }
        }
        return bad;
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
