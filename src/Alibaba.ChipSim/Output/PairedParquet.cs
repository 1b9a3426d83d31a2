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
    /// <param name="expectedA">The trial count of A's summary.json, when known: the file must hold that many rows (likewise <paramref name="expectedB"/>).</param>
    public static IReadOnlyList<PairedColumn> Read(string fileA, string fileB, long? expectedA, long? expectedB, CancellationToken cancellationToken) =>
        ReadAsync(fileA, fileB, expectedA, expectedB, cancellationToken).GetAwaiter().GetResult();

    private static async Task<IReadOnlyList<PairedColumn>> ReadAsync(string fileA, string fileB, long? expectedA, long? expectedB, CancellationToken cancellationToken)
    {
        await using var streamA = Scenarios.InputFile.Open(fileA, out var problemA) ?? throw new InvalidDataException(problemA);
        await using var streamB = Scenarios.InputFile.Open(fileB, out var problemB) ?? throw new InvalidDataException(problemB);
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
        long trials = 0;
        for (var g = 0; g < a.RowGroupCount; g++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var groupA = Scoring.TrialColumnsReader.OpenRowGroup(a, g, fileA);
            using var groupB = Scoring.TrialColumnsReader.OpenRowGroup(b, g, fileB);
            if (groupA.RowCount != groupB.RowCount)
                throw new InvalidDataException($"{fileB}: row group {g} holds {groupB.RowCount} trials, but {fileA}'s holds {groupA.RowCount}");
            var rows = checked((int)groupA.RowCount);
            foreach (var (fieldA, fieldB, column) in pairs)
            {
                var x = await Values(groupA, fieldA, rows, fileA, trials, cancellationToken).ConfigureAwait(false);
                var y = await Values(groupB, fieldB, rows, fileB, trials, cancellationToken).ConfigureAwait(false);
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
            trials += rows;
        }
        Scoring.TrialColumnsReader.CheckRows(fileA, trials, expectedA);
        Scoring.TrialColumnsReader.CheckRows(fileB, trials, expectedB);
        return pairs.Where(p => p.A.Name != "trial").Select(p => p.Column).ToList();
    }

    private static async Task<ParquetReader> Open(Stream stream, string file, CancellationToken cancellationToken)
    {
        try
        {
            return await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Scoring.TrialColumnsReader.IsDamage(e))
        {
            throw Scoring.TrialColumnsReader.Unreadable(file, e);
        }
    }

    /// <summary>One column of one row group: numbers (null = NaN) or text, never both.</summary>
    private readonly record struct ColumnValues(double[]? Numbers, string?[]? Texts)
    {
        public string Text(int i) => Texts is { } t ? t[i] ?? ""
            : double.IsNaN(Numbers![i]) ? "" : Numbers[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<ColumnValues> Values(ParquetRowGroupReader group, DataField field, int rows, string file, long firstTrial, CancellationToken cancellationToken)
    {
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var texts = new string?[rows];
            try
            {
                await group.ReadAsync(field, texts.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (Scoring.TrialColumnsReader.IsDamage(e))
            {
                throw Scoring.TrialColumnsReader.Unreadable(file, e);
            }
            return new ColumnValues(null, texts);
        }
        if (!Scoring.TrialColumnsReader.IsNumeric(field))
            throw new InvalidDataException($"{file}: column {field.Name} has type {type.Name}, which chipsim does not write");
        return new ColumnValues(await Scoring.TrialColumnsReader.Numbers(group, field, rows, file, firstTrial, cancellationToken).ConfigureAwait(false), null);
    }
}
