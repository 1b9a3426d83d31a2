using Alibaba.ChipSim.Statistics.Comparison;
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
                        if (x.Numbers?[i] is not { } t || y.Numbers?[i] is not { } u || t != u)
                            throw new InvalidDataException($"{fileB}: row {i} of row group {g}: its trial differs from {fileA}'s (were both written by `chipsim run --out`?)");
                    continue;
                }
                if (column.Numeric && x.Numbers is { } p && y.Numbers is { } q)
                    for (var i = 0; i < rows; i++) column.Add(p[i], q[i]);
                else
                    for (var i = 0; i < rows; i++) column.AddText(x.Text(i), y.Text(i));
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

    /// <summary>One column of one row group: numbers (null = NaN) or text, never both.</summary>
    private readonly record struct ColumnValues(double[]? Numbers, string?[]? Texts)
    {
        public string Text(int i) => Texts is { } t ? t[i] ?? ""
            : double.IsNaN(Numbers![i]) ? "" : Numbers[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<ColumnValues> Values(ParquetRowGroupReader group, DataField field, int rows, string file, CancellationToken cancellationToken)
    {
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var texts = new string?[rows];
            await group.ReadAsync(field, texts.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            return new ColumnValues(null, texts);
        }
        var numbers = new double[rows];
        if (type == typeof(long)) await Numbers<long>(group, field, numbers, v => v, cancellationToken).ConfigureAwait(false);
        else if (type == typeof(int)) await Numbers<int>(group, field, numbers, v => v, cancellationToken).ConfigureAwait(false);
        else if (type == typeof(double)) await Numbers<double>(group, field, numbers, v => v, cancellationToken).ConfigureAwait(false);
        else if (type == typeof(float)) await Numbers<float>(group, field, numbers, v => v, cancellationToken).ConfigureAwait(false);
        else throw new InvalidDataException($"{file}: column {field.Name} has type {type.Name}, which chipsim does not write");
        return new ColumnValues(numbers, null);
    }

    private static async Task Numbers<T>(ParquetRowGroupReader group, DataField field, double[] values, Func<T, double> toDouble,
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
}
