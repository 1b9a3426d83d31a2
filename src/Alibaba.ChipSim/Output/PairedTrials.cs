using System.Globalization;
using System.Text;
using Alibaba.ChipSim.Statistics.Comparison;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// Reads the per-trial columns of two run folders side by side, trial for trial, into <see cref="PairedColumn"/>s:
/// two <c>trials.csv</c> files streamed row by row in lockstep (invariant culture, RFC 4180 quoting, an empty field =
/// undefined), or, when either folder lacks one, two <c>trials.parquet</c> files read a row group at a time.
/// Only columns present in both files are paired; the two files must hold the same trials in the same order.
/// </summary>
internal static class PairedTrials
{
    public const string CsvFileName = "trials.csv";
    public const string ParquetFileName = "trials.parquet";

    /// <summary>The per-trial file both folders hold (CSV preferred), or null when there is none in common.</summary>
    public static (string A, string B)? CommonFiles(string folderA, string folderB)
    {
        foreach (var name in new[] { CsvFileName, ParquetFileName })
        {
            string a = Path.Combine(folderA, name), b = Path.Combine(folderB, name);
            if (File.Exists(a) && File.Exists(b)) return (a, b);
        }
        return null;
    }

    /// <summary>Pairs the columns of two per-trial files; throws <see cref="InvalidDataException"/> naming the file and line.</summary>
    public static IReadOnlyList<PairedColumn> Read(string fileA, string fileB, CancellationToken cancellationToken = default) =>
        fileA.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)
            ? PairedParquet.Read(fileA, fileB, cancellationToken)
            : ReadCsv(fileA, fileB, cancellationToken);

    private static IReadOnlyList<PairedColumn> ReadCsv(string fileA, string fileB, CancellationToken cancellationToken)
    {
        using var a = new StreamReader(fileA, Encoding.UTF8, true, 1 << 16);
        using var b = new StreamReader(fileB, Encoding.UTF8, true, 1 << 16);
        var headerA = Fields(a.ReadLine() ?? throw new InvalidDataException($"{fileA}: empty file (expected a header row)"), fileA, 1);
        var headerB = Fields(b.ReadLine() ?? throw new InvalidDataException($"{fileB}: empty file (expected a header row)"), fileB, 1);
        var trialA = TrialColumn(headerA, fileA);
        var trialB = TrialColumn(headerB, fileB);
        var indexB = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headerB.Count; i++) indexB.TryAdd(headerB[i], i);
        var pairs = new List<(int A, int B, PairedColumn Column)>();
        for (var i = 0; i < headerA.Count; i++)
            if (i != trialA && indexB.TryGetValue(headerA[i], out var j) && j != trialB) pairs.Add((i, j, new PairedColumn(headerA[i])));

        for (var line = 2; ; line++)
        {
            if ((line & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            var rowA = a.ReadLine();
            var rowB = b.ReadLine();
            if (rowA is null || rowB is null)
            {
                if (rowA is null && rowB is null) break;
                var (shorter, longer) = rowA is null ? (fileA, fileB) : (fileB, fileA);
                throw new InvalidDataException($"{shorter}:{line}: the file ends here, but {longer} has more trials");
            }
            var fieldsA = Fields(rowA, fileA, line);
            var fieldsB = Fields(rowB, fileB, line);
            Check(fieldsA, headerA.Count, fileA, line);
            Check(fieldsB, headerB.Count, fileB, line);
            if (!string.Equals(fieldsA[trialA], fieldsB[trialB], StringComparison.Ordinal))
                throw new InvalidDataException($"{fileB}:{line}: trial {fieldsB[trialB]}, but {fileA} has trial {fieldsA[trialA]} on this line");
            foreach (var (i, j, column) in pairs)
            {
                if (column.Numeric && Number(fieldsA[i]) is { } x && Number(fieldsB[j]) is { } y) column.Add(x, y);
                else column.AddText(fieldsA[i], fieldsB[j]);
            }
        }
        return pairs.Select(p => p.Column).ToList();
    }

    private static int TrialColumn(List<string> header, string file)
    {
        var i = header.IndexOf("trial");
        return i >= 0 ? i : throw new InvalidDataException($"{file}:1: no \"trial\" column (expected a trials.csv written by `chipsim run --out`)");
    }

    private static void Check(List<string> fields, int expected, string file, int line)
    {
        if (fields.Count != expected)
            throw new InvalidDataException($"{file}:{line}: {fields.Count} fields, but the header has {expected}");
    }

    /// <summary>An empty field is undefined (NaN); null when the field is not a number.</summary>
    private static double? Number(string field) =>
        field.Length == 0 ? double.NaN
        : double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
        : null;

    /// <summary>Splits one CSV line (RFC 4180: a quoted field may hold commas and doubled quotes).</summary>
    internal static List<string> Fields(string line, string file, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length) throw new InvalidDataException($"{file}:{lineNumber}:{i + 1}: unterminated quoted field");
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(line[i++]);
                }
                if (i < line.Length && line[i] != ',')
                    throw new InvalidDataException($"{file}:{lineNumber}:{i + 1}: expected a comma after a quoted field");
            }
            else
            {
                var end = line.IndexOf(',', i);
                if (end < 0) end = line.Length;
                field.Append(line, i, end - i);
                i = end;
            }
            fields.Add(field.ToString());
            if (i >= line.Length) return fields;
            i++; // the comma
        }
    }
}
