using System.Globalization;

namespace Alibaba.ChipSim.Output.Shards;

/// <summary>
/// What the columns of a shard may hold, as the engine writes them, so that a shard whose checksum matches but whose
/// values no run gives (a file edited and its checksum recomputed) is refused by name instead of being summarised:
/// a 0/1 outcome holds 0 or 1 (never NaN: a yes/no is defined in every trial); a whole-number outcome a whole number
/// within the int64 range (its trials.parquet column is int64) or NaN (undefined in that trial); any other outcome
/// any float64 (±∞ too: a growth compounded far enough overflows); a final state a code into its categories; an
/// actor's occupancy counts, month by month, the shard's trials, each count ≥ 0; in a run conditioned on history a
/// weight from 0 to 1 (a product of probabilities), the weighted occupancy adding up, month by month, to the trials'
/// weights in fixed point, and the observation matches counts of trials, the last one the trials with weight.
/// Each check returns the first problem (naming the column and the trial) or null.
/// </summary>
internal static class ShardValues
{
    private const double WholeLimit = 9223372036854775808.0; // 2^63: whole-number columns are int64 in trials.parquet

    public static string? Numeric(ShardNumericColumn column, ReadOnlySpan<double> values, long firstTrial)
    {
        if (column.IsBinary)
        {
            for (var i = 0; i < values.Length; i++)
                if (values[i] is not (0 or 1))
                    return $"its column {column.Name} holds {Show(values[i])} at trial {firstTrial + i}, not 0 or 1 (a yes/no outcome)";
        }
        else if (column.IsWholeNumber)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var v = values[i];
                if (double.IsNaN(v) || (Math.Abs(v) < WholeLimit && v == Math.Floor(v))) continue;
                return $"its column {column.Name} holds {Show(v)} at trial {firstTrial + i}, not a whole number within ±2^63 (or undefined)";
            }
        }
        return null;
    }

    public static string? Codes(ShardCategoricalColumn column, ReadOnlySpan<byte> codes, long firstTrial)
    {
        var n = column.Categories.Length;
        for (var i = 0; i < codes.Length; i++)
            if (codes[i] >= n)
                return $"its column {column.Name} holds state code {codes[i]} at trial {firstTrial + i}, but has {n} states (codes 0 to {n - 1})";
        return null;
    }

    /// <param name="counts">months × states, month by month.</param>
    /// <param name="trials">The shard's trial count: every trial is in one state after every month.</param>
    public static string? Occupancy(ShardOccupancy occupancy, ReadOnlySpan<long> counts, long trials)
    {
        var states = occupancy.States.Length;
        Scenarios.Month.TryParse(occupancy.Start, out var start);
        for (var m = 0; m < occupancy.Months; m++)
        {
            Int128 total = 0;
            for (var s = 0; s < states; s++)
            {
                var c = counts[m * states + s];
                if (c < 0)
                    return $"its occupancy counts of {occupancy.Actor} hold {c} trials in state {occupancy.States[s]} after {start.AddMonths(m)}, not a count ≥ 0";
                total += c;
            }
            if (total != trials)
                return $"its occupancy counts of {occupancy.Actor} after {start.AddMonths(m)} add up to {total} trials, not the shard's {trials}";
        }
        return null;
    }

    /// <summary>Each weight from 0 to 1; adds the trials' fixed-point weights and those with weight to the totals.</summary>
    public static string? Weights(ReadOnlySpan<double> weights, long firstTrial, ref Int128 fixedTotal, ref long positive)
    {
        for (var i = 0; i < weights.Length; i++)
        {
            var w = weights[i];
            if (!(w >= 0 && w <= 1)) return $"its weights hold {Show(w)} at trial {firstTrial + i}, not a weight from 0 to 1";
            fixedTotal += Engine.StateOccupancy.FixedWeight(w);
            if (w > 0) positive++;
        }
        return null;
    }

    /// <param name="cells">months × states, month by month.</param>
    /// <param name="fixedTotal">The shard's weights in fixed point, summed (<see cref="Engine.StateOccupancy.FixedWeight"/>): every trial's weight is in one state after every month.</param>
    public static string? WeightedOccupancy(ShardOccupancy occupancy, ReadOnlySpan<Int128> cells, Int128 fixedTotal)
    {
        var states = occupancy.States.Length;
        Scenarios.Month.TryParse(occupancy.Start, out var start);
        for (var m = 0; m < occupancy.Months; m++)
        {
            Int128 total = 0;
            for (var s = 0; s < states; s++)
            {
                var c = cells[m * states + s];
                if (c < 0) return $"its weighted occupancy of {occupancy.Actor} holds a negative weight in state {occupancy.States[s]} after {start.AddMonths(m)}";
                total += c;
            }
            if (total != fixedTotal)
                return $"its weighted occupancy of {occupancy.Actor} after {start.AddMonths(m)} does not add up to the weights of its trials";
        }
        return null;
    }

    /// <param name="positive">The shard's trials with weight: the last count.</param>
    public static string? Matches(ReadOnlySpan<long> matches, long trials, long positive)
    {
        for (var i = 0; i < matches.Length; i++)
            if (matches[i] < 0 || matches[i] > trials)
                return $"its observation matches hold {matches[i]} at observation {i + 1}, not a count of its {trials} trials";
        return matches[^1] == positive ? null : $"its observation matches say {matches[^1]} trials match every observation, but {positive} of its trials have weight";
    }

    private static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
