using Parquet;
using Parquet.Schema;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// The Parquet half of <see cref="PairedTrials"/>: two <c>trials.parquet</c> files read one row group at a time,
/// column by column, into <see cref="PairedColumn"/>s (null = undefined; strings are compared as text).
/// </summary>
internal static class PairedParquet
{
    public static IReadOnlyList<PairedColumn> Read(string fileA, string fileB, CancellationToken cancellationToken) =>
        ReadAsync(fileA, fileB, cancellationToken).GetAwaiter().GetResult();

    private static async Task<IReadOnlyList<PairedColumn>> ReadAsync(string fileA, string fileB, CancellationToken cancellationToken)
    {
        await using var streamA = File.OpenRead(fileA);
        await using var streamB = File.OpenRead(fileB);
        await using var a = await Open(streamA, fileA, cancellationToken).ConfigureAwait(false);
        await using var b = await Open(streamB, fileB, cancellationToken).ConfigureAwait(false);
        var fieldsB = b.Schema.GetDataFields().ToDictionary(f => f.Name, StringComparer.Ordinal);
        var pairs = a.Schema.GetDataFields()
            .Where(f => fieldsB.ContainsKey(f.Name))
            .Select(f => (A: f, B: fieldsB[f.Name], Column: new PairedColumn(f.Name)))
            .ToList();
        if (!pairs.Any(p => p.A.Name == "trial"))
            throw new InvalidDataException($"{fileA}: no \"trial\" column in both files (expected trials.parquet written by `chipsim run --out`)");
        if (a.RowGroupCount != b.RowGroupCount)
            throw new InvalidDataException($"{fileB}: {b.RowGroupCount} row groups, but {fileA} has {a.RowGroupCount} (were both written with the same trial count?)");
        for (var g = 0; g < a.RowGroupCount; g++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var groupA = a.OpenRowGroupReader(g);
            using var groupB = b.OpenRowGroupReader(g);
            if (groupA.RowCount != groupB.RowCount)
                throw new InvalidDataException($"{fileB}: row group {g} holds {groupB.RowCount} trials, but {fileA}'s holds {groupA.RowCount}");
            var rows = checked((int)groupA.RowCount);
            foreach (var (fieldA, fieldB, column) in pairs)
            {
                var x = await Values(groupA, fieldA, rows, fileA, cancellationToken).ConfigureAwait(false);
                var y = await Values(groupB, fieldB, rows, fileB, cancellationToken).ConfigureAwait(false);
                if (fieldA.Name == "trial")
                {
                    for (var i = 0; i < rows; i++)
                        if (!Equals(x[i], y[i]))
                            throw new InvalidDataException($"{fileB}: row {i} of row group {g} is trial {y[i]}, but {fileA} has trial {x[i]} there");
                    continue;
                }
                for (var i = 0; i < rows; i++)
                {
                    if (column.Numeric && x[i] is double p && y[i] is double q) column.Add(p, q);
                    else column.AddText(Text(x[i]), Text(y[i]));
                }
            }
        }
        return pairs.Where(p => p.A.Name != "trial").Select(p => p.Column).ToList();
    }

    private static async Task<ParquetReader> Open(Stream stream, string file, CancellationToken cancellationToken)
    {
        try
        {
            return await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException)
        {
            throw new InvalidDataException($"{file}: not a readable Parquet file ({e.Message})", e);
        }
    }

    /// <summary>One column of one row group: numbers as doubles (null = NaN), anything else as text.</summary>
    private static async Task<object?[]> Values(ParquetRowGroupReader group, DataField field, int rows, string file, CancellationToken cancellationToken)
    {
        var values = new object?[rows];
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var buffer = new string?[rows];
            await group.ReadAsync(field, buffer.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < rows; i++) values[i] = buffer[i];
        }
        else if (type == typeof(long)) await Numbers<long>(group, field, values, v => v, cancellationToken).ConfigureAwait(false);
        else if (type == typeof(int)) await Numbers<int>(group, field, values, v => v, cancellationToken).ConfigureAwait(false);
        else if (type == typeof(double)) await Numbers<double>(group, field, values, v => v, cancellationToken).ConfigureAwait(false);
        else if (type == typeof(float)) await Numbers<float>(group, field, values, v => v, cancellationToken).ConfigureAwait(false);
        else throw new InvalidDataException($"{file}: column {field.Name} has type {type.Name}, which chipsim does not write");
        return values;
    }

    private static async Task Numbers<T>(ParquetRowGroupReader group, DataField field, object?[] values, Func<T, double> toDouble,
        CancellationToken cancellationToken) where T : struct
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

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => double.IsNaN(d) ? "" : d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
