using System.Globalization;
using System.Text;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// Reads a <c>trials.csv</c> a row at a time and checks that it is what <see cref="TrialsCsvWriter"/> writes: a regular
/// file (<see cref="Scenarios.InputFile.Open"/>: no FIFO, device or /proc file), lines of at most
/// <see cref="MaxLineLength"/> characters, a header with a <c>trial</c> column, rows with as many fields as the header,
/// trials numbered 0, 1, 2, … in order (as many as the run's summary.json counts, when known), and in every column but
/// the final states either an empty field (undefined: an ROI without a purchase) or a finite number. Anything else
/// throws <see cref="InvalidDataException"/> naming the file, line and column, never quoting the file.
/// <c>chipsim diff</c> (<see cref="PairedTrials"/>) and <c>chipsim score</c> (<see cref="Scoring.TrialColumnsReader"/>) share it.
/// </summary>
internal sealed class TrialsCsvReader : IDisposable
{
    /// <summary>The longest line read, in characters (a row of a thousand columns is about 25,000).</summary>
    public const int MaxLineLength = 1 << 20;

    public const string TrialColumnName = "trial";

    private readonly StreamReader _reader;
    private readonly long? _expectedTrials;
    private readonly bool _reportsEmpty;
    private readonly bool[] _text;
    private readonly bool _textKnown;
    private readonly char[] _chunk = new char[1 << 16];
    private readonly StringBuilder _line = new();
    private readonly List<string> _fields = [];
    private readonly List<int> _starts = [];
    private int _at;
    private int _end;
    private bool _readAny;
    private int _lineNumber;

    /// <param name="file">The trials.csv.</param>
    /// <param name="textColumns">
    /// The columns holding final states (names, not numbers), from the run's summary.json; null when there is no
    /// summary, and then a field that is not a number is taken for a name (but NaN, Infinity or 1e999 are still refused).
    /// </param>
    /// <param name="expectedTrials">The trial count of the run's summary.json, when known: the file must hold exactly that many rows.</param>
    public static TrialsCsvReader Open(string file, IReadOnlyCollection<string>? textColumns = null, long? expectedTrials = null)
    {
        var stream = Scenarios.InputFile.Open(file, out var problem) ?? throw new InvalidDataException(problem);
        try
        {
            return new TrialsCsvReader(stream, file, textColumns, expectedTrials);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private TrialsCsvReader(FileStream stream, string file, IReadOnlyCollection<string>? textColumns, long? expectedTrials)
    {
        File = file;
        _expectedTrials = expectedTrials;
        // procfs and sysfs files are "regular" but report no size and change as they are read.
        _reportsEmpty = stream.CanSeek && stream.Length == 0;
        _reader = new StreamReader(stream, Encoding.UTF8, true, 1 << 16);
        var header = NextLine() ?? throw new InvalidDataException($"{file}: empty file (expected a header row)");
        var fields = new List<string>();
        var starts = new List<int>();
        Split(header, file, 1, fields, starts);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
            if (!seen.Add(fields[i]))
                throw new InvalidDataException($"{file}:1:{starts[i] + 1}: column {i + 1} has the same name as column {fields.IndexOf(fields[i]) + 1}");
        Header = fields;
        TrialColumn = fields.IndexOf(TrialColumnName);
        if (TrialColumn < 0)
            throw new InvalidDataException($"{file}:1: no \"trial\" column (expected a trials.csv written by `chipsim run --out`)");
        _textKnown = textColumns is not null;
        _text = [.. Header.Select(h => textColumns?.Contains(h) ?? false)];
    }

    public string File { get; }

    /// <summary>The column names, in file order.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The index of the <c>trial</c> column.</summary>
    public int TrialColumn { get; }

    /// <summary>The line number of the current row (1 is the header).</summary>
    public int Line => _lineNumber;

    /// <summary>The rows read so far.</summary>
    public long Trials { get; private set; }

    /// <summary>Whether column <paramref name="column"/> holds final states (names) rather than numbers.</summary>
    public bool IsText(int column) => _text[column];

    /// <summary>
    /// Moves to the next row and checks its field count and trial number; false at the end of the file, after checking
    /// that the file held as many trials as its summary counts. Blank lines are allowed only at the end.
    /// </summary>
    public bool Read()
    {
        var blank = 0;
        while (true)
        {
            var line = NextLine();
            if (line is null)
            {
                if (Trials == 0)
                    throw new InvalidDataException($"{File}:{_lineNumber + 1}: the file ends after its header row: no trials");
                if (_expectedTrials is { } expected && Trials != expected)
                    throw new InvalidDataException($"{File}:{_lineNumber + 1 - blank}: the file ends here after {Trials} trial{(Trials == 1 ? "" : "s")}, but its summary.json counts {expected}");
                return false;
            }
            if (line.Length == 0)
            {
                blank++;
                continue;
            }
            if (_expectedTrials is { } total && Trials == total)
                throw new InvalidDataException($"{File}:{_lineNumber}: a row after the {total} trials its summary.json counts");
            if (blank > 0)
                throw new InvalidDataException($"{File}:{_lineNumber - blank}: an empty line (expected trial {Trials})");
            Split(line, File, _lineNumber, _fields, _starts);
            break;
        }
        var count = _fields.Count;
        if (count != Header.Count)
            throw new InvalidDataException($"{File}:{_lineNumber}: {count} fields, but the header has {Header.Count}");
        if (!long.TryParse(_fields[TrialColumn], NumberStyles.None, CultureInfo.InvariantCulture, out var trial) || trial != Trials)
            throw new InvalidDataException($"{File}:{_lineNumber}:{_starts[TrialColumn] + 1}: expected trial {Trials} (the trial column numbers the rows 0, 1, 2, … in order)");
        Trials++;
        return true;
    }

    /// <summary>Field <paramref name="column"/> of the current row, as written.</summary>
    public string Text(int column) => _fields[column];

    /// <summary>
    /// Field <paramref name="column"/> of the current row as a number: NaN when it is empty (undefined), or when it is a
    /// final state's name. Throws naming the line and column when a numeric column holds anything but a finite number.
    /// </summary>
    public double Number(int column)
    {
        var field = _fields[column];
        if (field.Length == 0) return double.NaN;
        var parsed = double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
        if (parsed && double.IsFinite(value)) return value;
        if (_text[column] || (!parsed && !_textKnown)) return double.NaN;
        throw new InvalidDataException($"{File}:{_lineNumber}:{_starts[column] + 1}: {ColumnName(column)}: "
            + (parsed ? "not a finite number" : "not a number") + " (an undefined value is an empty field)");
    }

    /// <summary>The column's name for a message: as in the header when it is a plain identifier, else by its position.</summary>
    public string ColumnName(int column)
    {
        var name = Header[column];
        return name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')
            ? name
            : $"column {column + 1}";
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>The next line without its line break, or null at the end of the file; refuses lines longer than <see cref="MaxLineLength"/>.</summary>
    private string? NextLine()
    {
        _line.Clear();
        var any = false;
        while (true)
        {
            if (_at == _end)
            {
                _end = _reader.Read(_chunk, 0, _chunk.Length);
                _at = 0;
                if (_end == 0)
                {
                    if (!any) return null;
                    break;
                }
                if (_reportsEmpty && !_readAny)
                    throw new InvalidDataException($"{File} reports a size of 0 bytes yet has content (a /proc or /sys file?); it is not a trials.csv");
                _readAny = true;
            }
            any = true;
            var newline = Array.IndexOf(_chunk, '\n', _at, _end - _at);
            var stop = newline < 0 ? _end : newline;
            if (_line.Length + (stop - _at) > MaxLineLength)
                throw new InvalidDataException($"{File}:{_lineNumber + 1}: a line longer than {MaxLineLength:N0} characters; not a trials.csv written by `chipsim run --out`");
            _line.Append(_chunk, _at, stop - _at);
            _at = stop;
            if (newline >= 0)
            {
                _at++;
                break;
            }
        }
        _lineNumber++;
        if (_line.Length > 0 && _line[^1] == '\r') _line.Length--;
        return _line.ToString();
    }

    /// <summary>Splits one CSV line (RFC 4180: a quoted field may hold commas and doubled quotes).</summary>
    internal static List<string> Fields(string line, string file, int lineNumber)
    {
        var fields = new List<string>();
        Split(line, file, lineNumber, fields, []);
        return fields;
    }

    /// <summary>Splits <paramref name="line"/> into <paramref name="fields"/>, with the 0-based position where each starts.</summary>
    private static void Split(string line, string file, int lineNumber, List<string> fields, List<int> starts)
    {
        fields.Clear();
        starts.Clear();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            field.Clear();
            starts.Add(i);
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
            if (i >= line.Length) return;
            i++; // the comma
        }
    }
}
