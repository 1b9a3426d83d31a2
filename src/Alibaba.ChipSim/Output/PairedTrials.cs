using Alibaba.ChipSim.Statistics.Comparison;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// Reads the per-trial columns of two run folders side by side, trial for trial, into <see cref="PairedColumn"/>s:
/// two <c>trials.csv</c> files streamed row by row in lockstep (<see cref="TrialsCsvReader"/>: invariant culture, RFC 4180
/// quoting, an empty field = undefined, every row checked), or, when either folder lacks one, two <c>trials.parquet</c> files read a row group at a time.
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

    /// <summary>
    /// Pairs the columns of two per-trial files of the runs <paramref name="runA"/> and <paramref name="runB"/> (their
    /// summaries say which columns hold final states and how many trials there are); throws
    /// <see cref="InvalidDataException"/> naming the file and line.
    /// </summary>
    public static IReadOnlyList<PairedColumn> Read(string fileA, string fileB, ComparableRun runA, ComparableRun runB, CancellationToken cancellationToken = default) =>
        fileA.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)
            ? PairedParquet.Read(fileA, fileB, runA.Trials, runB.Trials, cancellationToken)
            : ReadCsv(fileA, fileB, runA, runB, cancellationToken);

    /// <summary>The columns of a run's trials.csv that hold final states (names): its summary's metrics with shares.</summary>
    public static IReadOnlyCollection<string> TextColumns(ComparableRun run) =>
        run.Metrics.Values.Where(m => m.Shares is not null).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);

    private static IReadOnlyList<PairedColumn> ReadCsv(string fileA, string fileB, ComparableRun runA, ComparableRun runB, CancellationToken cancellationToken)
    {
        using var a = TrialsCsvReader.Open(fileA, TextColumns(runA), runA.Trials);
        using var b = TrialsCsvReader.Open(fileB, TextColumns(runB), runB.Trials);
        var indexB = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < b.Header.Count; i++) indexB.TryAdd(b.Header[i], i);
        var pairs = new List<(int A, int B, bool Text, PairedColumn Column)>();
        for (var i = 0; i < a.Header.Count; i++)
            if (i != a.TrialColumn && indexB.TryGetValue(a.Header[i], out var j) && j != b.TrialColumn)
                pairs.Add((i, j, a.IsText(i) || b.IsText(j), new PairedColumn(a.Header[i])));

        while (true)
        {
            if ((a.Line & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            var moreA = a.Read();
            var moreB = b.Read();
            if (!moreA || !moreB)
            {
                if (!moreA && !moreB) break;
                var (shorter, longer) = moreA ? (b, a) : (a, b);
                throw new InvalidDataException($"{shorter.File}:{shorter.Line + 1}: the file ends here, but {longer.File} has more trials");
            }
            foreach (var (i, j, text, column) in pairs)
            {
                if (text) column.AddText(a.Text(i), b.Text(j));
                else column.Add(a.Number(i), b.Number(j));
            }
        }
        return pairs.Select(p => p.Column).ToList();
    }
}
