using System.Globalization;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output;

/// <summary>The columns of <c>trials.csv</c> (outcomes, then the drawn inputs) and the formatting of one row into a caller's buffer (no allocation).</summary>
internal sealed class TrialsCsvRow
{
    private readonly (double[] Values, bool Whole)[] _numeric;
    private readonly (byte[] Codes, string[] Names)[] _categorical;
    private readonly bool[] _inputWhole;

    public TrialsCsvRow(SimulationResult result)
    {
        var header = new List<string> { "trial" };
        var numeric = new List<(double[], bool)>();
        foreach (var c in result.Numeric)
        {
            header.Add(c.Name);
            numeric.Add((c.Values, c.IsWholeNumber));
        }
        var categorical = new List<(byte[], string[])>();
        var namesLength = 0;
        foreach (var c in result.Categorical)
        {
            header.Add(c.Name);
            var names = new string[c.Categories.Length];
            for (var i = 0; i < names.Length; i++) names[i] = CsvText.Escape(c.Categories[i]);
            categorical.Add((c.Codes, names));
            namesLength += (names.Length == 0 ? 0 : names.Max(n => n.Length)) + 1;
        }
        // Per-quarter metrics follow the categorical columns in the file but format like numeric ones.
        var quarterly = new List<(double[], bool)>();
        foreach (var qc in result.Quarterly)
        {
            for (var q = 0; q < qc.Quarters.Length; q++)
            {
                header.Add(SummaryBuilder.QuarterMetricName(qc.Metric, qc.Quarters[q]));
                quarterly.Add((qc.Values[q], false));
            }
        }
        // A run conditioned on history ends each row with the trial's weight (not normalised).
        if (result.Weights is { } weights)
        {
            header.Add("weight");
            quarterly.Add((weights, false));
        }
        Inputs = TrialInputs.Of(result);
        foreach (var name in Inputs.Names) header.Add(name);
        _inputWhole = [.. Inputs.Whole];
        _numeric = [.. numeric];
        _categorical = [.. categorical];
        Quarterly = [.. quarterly];
        Header = string.Join(',', header.Select(CsvText.Escape)) + "\n";
        MaxLength = CsvText.MaxNumberLength * (1 + _numeric.Length + Quarterly.Length + Inputs.Count) + namesLength + 1;
    }

    /// <summary>The drawn inputs, the last columns: the caller fills a block of them (<see cref="TrialInputs.Fill"/>) before formatting its rows.</summary>
    public TrialInputs Inputs { get; }

    /// <summary>The header line, line break included.</summary>
    public string Header { get; }

    /// <summary>No row is longer than this many characters (line break included).</summary>
    public int MaxLength { get; }

    private (double[] Values, bool Whole)[] Quarterly { get; }

    /// <summary>
    /// Writes trial <paramref name="trial"/>'s row, line break included, and returns its length; its inputs are
    /// <c>inputs[c][inputRow]</c>.
    /// </summary>
    public int Format(int trial, Span<char> row, double[][] inputs, int inputRow)
    {
        trial.TryFormat(row, out var at, default, CultureInfo.InvariantCulture);
        foreach (var (values, whole) in _numeric)
        {
            row[at++] = ',';
            at += CsvText.Format(values[trial], whole, row[at..]);
        }
        foreach (var (codes, names) in _categorical)
        {
            row[at++] = ',';
            var name = names[codes[trial]];
            name.CopyTo(row[at..]);
            at += name.Length;
        }
        foreach (var (values, whole) in Quarterly)
        {
            row[at++] = ',';
            at += CsvText.Format(values[trial], whole, row[at..]);
        }
        for (var c = 0; c < _inputWhole.Length; c++)
        {
            row[at++] = ',';
            at += CsvText.Format(inputs[c][inputRow], _inputWhole[c], row[at..]);
        }
        row[at++] = '\n';
        return at;
    }
}
