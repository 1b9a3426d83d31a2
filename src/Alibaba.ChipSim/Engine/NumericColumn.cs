namespace Alibaba.ChipSim.Engine;

/// <summary>
/// One per-trial numeric outcome (e.g. <c>chips_delivered</c>): a value per trial, <see cref="double.NaN"/>
/// where the metric is undefined in that trial (docs/model.md, "Revenue"). <see cref="IsBinary"/> marks 0/1 metrics,
/// which also get a probability with a Wilson interval.
/// </summary>
public sealed class NumericColumn(string name, double[] values, bool isBinary = false, bool isWholeNumber = false)
{
    public string Name { get; } = name;

    /// <summary>One value per trial, trial order; NaN = missing.</summary>
    public double[] Values { get; } = values;

    public bool IsBinary { get; } = isBinary;

    /// <summary>True when every defined value is a whole number (written without decimals; an integer column in Parquet).</summary>
    public bool IsWholeNumber { get; } = isWholeNumber || isBinary;
}
