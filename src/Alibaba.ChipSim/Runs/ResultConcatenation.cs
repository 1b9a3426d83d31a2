using System.Collections.Immutable;
using Alibaba.ChipSim.Engine;

namespace Alibaba.ChipSim.Runs;

/// <summary>
/// Joins results of consecutive trial ranges of one scenario and seed (each starting where the previous ended) into
/// the result of their union: columns end to end (the trials' weights too, in a run conditioned on history), occupancy
/// counts and observation matches summed. While it copies, the batches and the
/// result are both held (about twice the result's memory); the batches are released when it returns.
/// </summary>
internal static class ResultConcatenation
{
    /// <param name="batches">In trial order; emptied by the call.</param>
    public static SimulationResult Concatenate(List<SimulationResult> batches)
    {
        if (batches.Count == 0) throw new ArgumentException("nothing to concatenate", nameof(batches));
        var first = batches[0];
        if (batches.Count == 1)
        {
            batches.Clear();
            return first;
        }
        long trials = 0;
        var next = (first.Sampling ?? SamplingBlock.Whole).FirstTrial;
        foreach (var b in batches)
        {
            if (b.Scenario != first.Scenario || b.Seed != first.Seed || (b.Sampling ?? SamplingBlock.Whole).BlockTrials != (first.Sampling ?? SamplingBlock.Whole).BlockTrials)
                throw new ArgumentException("the batches are not of one scenario, seed and sampling block", nameof(batches));
            if ((b.Sampling ?? SamplingBlock.Whole).FirstTrial != next)
                throw new ArgumentException($"batch starting at trial {(b.Sampling ?? SamplingBlock.Whole).FirstTrial} does not follow trial {next - 1}", nameof(batches));
            next += b.Trials;
            trials += b.Trials;
        }
        if (trials > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(batches), trials, "too many trials for one result");
        var rows = (int)trials;

        var numeric = ImmutableArray.CreateBuilder<NumericColumn>(first.Numeric.Length);
        for (var c = 0; c < first.Numeric.Length; c++)
        {
            var column = first.Numeric[c];
            numeric.Add(new NumericColumn(column.Name, Joined(batches, rows, b => b.Numeric[c].Values), column.IsBinary, column.IsWholeNumber));
        }
        var categorical = ImmutableArray.CreateBuilder<CategoricalColumn>(first.Categorical.Length);
        for (var c = 0; c < first.Categorical.Length; c++)
        {
            var codes = ColumnMemory.Bytes(rows);
            var at = 0;
            foreach (var b in batches)
            {
                var part = b.Categorical[c].Codes;
                part.CopyTo(codes, at);
                at += part.Length;
            }
            categorical.Add(new CategoricalColumn(first.Categorical[c].Name, first.Categorical[c].Categories, codes));
        }
        var quarterly = ImmutableArray.CreateBuilder<QuarterColumns>(first.Quarterly.Length);
        for (var c = 0; c < first.Quarterly.Length; c++)
        {
            var metric = first.Quarterly[c];
            var values = new double[metric.Quarters.Length][];
            for (var q = 0; q < values.Length; q++) values[q] = Joined(batches, rows, b => b.Quarterly[c].Values[q]);
            quarterly.Add(new QuarterColumns(metric.Metric, metric.Quarters, values));
        }
        var occupancy = ImmutableArray.CreateBuilder<StateOccupancy>(first.Occupancy.Length);
        for (var a = 0; a < first.Occupancy.Length; a++)
        {
            var actor = first.Occupancy[a];
            // Whole-number counts: the sum is the same in any order, and equals the single run's.
            var counts = new long[actor.Counts.Length];
            var weighted = actor.WeightedCounts is null ? null : new Int128[counts.Length];
            foreach (var b in batches)
            {
                var part = b.Occupancy[a].Counts;
                for (var i = 0; i < counts.Length; i++) counts[i] += part[i];
                if (weighted is not null)
                {
                    var w = b.Occupancy[a].WeightedCounts!;
                    for (var i = 0; i < weighted.Length; i++) weighted[i] += w[i];
                }
            }
            occupancy.Add(new StateOccupancy(actor.Actor, actor.States, actor.Start, actor.Months, counts, weighted));
        }
        double[]? weights = null;
        var matches = first.ObservationMatches;
        if (first.Weights is not null)
        {
            weights = Joined(batches, rows, b => b.Weights!);
            var sums = new long[first.ObservationMatches.Length];
            foreach (var b in batches)
                for (var i = 0; i < sums.Length; i++) sums[i] += b.ObservationMatches[i];
            matches = [.. sums];
        }
        var sampling = first.Sampling ?? SamplingBlock.Whole;
        var scenario = first.Scenario;
        var seed = first.Seed;
        batches.Clear();
        return new SimulationResult(scenario, seed, trials, numeric.MoveToImmutable(), categorical.MoveToImmutable(),
            quarterly.MoveToImmutable(), occupancy.MoveToImmutable()) { Weights = weights, ObservationMatches = matches }.WithSampling(sampling);
    }

    /// <summary>One per-trial column of every batch, end to end.</summary>
    private static double[] Joined(List<SimulationResult> batches, int rows, Func<SimulationResult, double[]> part)
    {
        var values = ColumnMemory.Doubles(rows);
        var at = 0;
        foreach (var b in batches)
        {
            var p = part(b);
            p.CopyTo(values, at);
            at += p.Length;
        }
        return values;
    }
}
