using System.Collections.Immutable;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Outcomes;
using Alibaba.ChipSim.Sampling;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Statistics.Sensitivity;

/// <summary>
/// The sensitivity of a finished run: its uncertain parameters are regenerated from the seed and the
/// sampling design (the same values the trials used), joined by each actor's months to approval, and set
/// against the headline outputs.
/// </summary>
public static class SensitivityBuilder
{
    /// <summary>The outputs analysed (<see cref="OutcomeCatalogue.SensitivityOutputs"/>), when the run has them and they vary.</summary>
    public static ImmutableArray<string> HeadlineOutputs { get; } = [.. OutcomeCatalogue.SensitivityOutputs.Select(m => m.Name)];

    /// <summary>The inputs are regenerated with the result's own <see cref="SimulationResult.Sampling"/> (its first trial and block size).</summary>
    public static SensitivityReport Build(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var scenario = result.Scenario;
        var table = ParameterTable.For(scenario);
        var sampling = result.Sampling ?? SamplingBlock.Whole;
        var design = SamplingDesign.For(scenario, table, result.Seed, sampling.FirstTrial, (int)result.Trials, sampling.BlockTrials);
        var inputs = new List<KeyValuePair<string, double[]>>();
        foreach (var (i, values) in ParameterColumns.Regenerate(table, design, result.Seed))
            inputs.Add(new(table.Parameters[i].Path, values));
        inputs.AddRange(ApprovalMonths.Of(result));

        var outputs = new List<KeyValuePair<string, double[]>>();
        foreach (var name in HeadlineOutputs)
            if (result.Column(name) is { } column && Varies(column.Values)) outputs.Add(new(name, column.Values));
        // A run conditioned on history is analysed with its trials' weights (docs/sensitivity.md).
        return SensitivityAnalysis.Compute(inputs, outputs, result.Weights) with { Weighted = result.Weights is not null };
    }

    private static bool Varies(double[] values)
    {
        var first = double.NaN;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            if (double.IsNaN(first)) first = v;
            else if (v != first) return true;
        }
        return false;
    }
}
