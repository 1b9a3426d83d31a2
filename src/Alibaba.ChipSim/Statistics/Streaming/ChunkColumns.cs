using Alibaba.ChipSim.Engine;

namespace Alibaba.ChipSim.Statistics.Streaming;

/// <summary>
/// The columns a streamed summary takes from each chunk, in its order: the numeric ones, the per-quarter ones metric by
/// metric, then each year's total of every quarterly metric (<see cref="YearTotals"/>' order), summed into buffers of
/// its own chunk by chunk.
/// </summary>
internal sealed class ChunkColumns
{
    private readonly List<(string Year, int[] Quarters)> _years;
    private readonly double[][] _yearSums;
    private readonly int _quarterlyMetrics;

    public ChunkColumns(SimulationResult layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Numeric = layout.Numeric.Length;
        Quarterly = layout.Quarterly.Sum(qc => qc.Quarters.Length);
        _quarterlyMetrics = layout.Quarterly.Length;
        _years = YearTotals.Years(layout);
        _yearSums = new double[_years.Count * _quarterlyMetrics][];
        var names = new List<(string Name, bool IsBinary, bool IsWholeNumber)>();
        foreach (var c in layout.Numeric) names.Add((c.Name, c.IsBinary, c.IsWholeNumber));
        foreach (var qc in layout.Quarterly)
            foreach (var quarter in qc.Quarters)
                names.Add((SummaryBuilder.QuarterMetricName(qc.Metric, quarter), false, false));
        foreach (var (year, _) in _years)
            foreach (var qc in layout.Quarterly)
                names.Add((YearTotals.ColumnName(qc.Metric, year), false, false));
        Columns = names;
    }

    /// <summary>Every column's name and kind, in order.</summary>
    public IReadOnlyList<(string Name, bool IsBinary, bool IsWholeNumber)> Columns { get; }

    /// <summary>The numeric columns (first) and the per-quarter ones (next); the year totals follow.</summary>
    public int Numeric { get; }

    public int Quarterly { get; }

    /// <summary>The years whose four quarters are all reported, as <see cref="YearTotals.Years"/> lists them.</summary>
    public IReadOnlyList<(string Year, int[] Quarters)> Years => _years;

    /// <summary>Column <paramref name="c"/> of a chunk's view, its first <paramref name="rows"/> rows (a year total is summed here).</summary>
    public ReadOnlySpan<double> Values(SimulationResult view, int c, int rows)
    {
        if (c < Numeric) return view.Numeric[c].Values.AsSpan(0, rows);
        var q = c - Numeric;
        if (q < Quarterly)
        {
            foreach (var qc in view.Quarterly)
            {
                if (q < qc.Values.Length) return qc.Values[q].AsSpan(0, rows);
                q -= qc.Values.Length;
            }
        }
        var y = c - Numeric - Quarterly;
        var (_, quarters) = _years[y / _quarterlyMetrics];
        var sums = _yearSums[y] ??= new double[view.Trials];
        var span = sums.AsSpan(0, rows);
        YearTotals.AddQuarters(view.Quarterly[y % _quarterlyMetrics], quarters, span);
        return span;
    }
}
