using System.Collections.Immutable;

namespace Alibaba.ChipSim.Scenarios;

/// <summary>Collects every problem of one load; nothing stops at the first.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public bool HasErrors { get; private set; }

    public int Count => _items.Count;

    public void Error(SourceLocation at, string keyPath, string message) => Add(new Diagnostic(Severity.Error, at, keyPath, message));

    public void Warning(SourceLocation at, string keyPath, string message) => Add(new Diagnostic(Severity.Warning, at, keyPath, message));

    /// <summary>Adds <paramref name="d"/> with its key path and message escaped (<see cref="MessageText"/>): keys come from untrusted files.</summary>
    public void Add(Diagnostic d)
    {
        d = d with { KeyPath = MessageText.Escape(d.KeyPath), Message = MessageText.Escape(d.Message) };
        _items.Add(d);
        if (d.Severity == Severity.Error) HasErrors = true;
    }

    /// <summary>
    /// By file (in <paramref name="fileOrder"/>, the scenario before the files it extends; others by name),
    /// then line and column, the order of discovery breaking ties.
    /// </summary>
    public ImmutableArray<Diagnostic> ToSortedArray(IReadOnlyList<string>? fileOrder = null)
    {
        int Rank(string file)
        {
            for (var i = 0; i < (fileOrder?.Count ?? 0); i++)
                if (fileOrder![i] == file) return i;
            return int.MaxValue;
        }
        return _items.Select((d, i) => (d, i))
            .OrderBy(x => Rank(x.d.Location.File))
            .ThenBy(x => x.d.Location.File, StringComparer.Ordinal)
            .ThenBy(x => x.d.Location.Line)
            .ThenBy(x => x.d.Location.Column)
            .ThenBy(x => x.i)
            .Select(x => x.d)
            .ToImmutableArray();
    }
}
