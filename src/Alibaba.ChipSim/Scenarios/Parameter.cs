using Alibaba.ChipSim.Distributions;

namespace Alibaba.ChipSim.Scenarios;

/// <summary>
/// A numeric input of the model: a constant or a distribution drawn once per trial.
/// <see cref="Path"/> (e.g. <c>shipments.initial_modules</c>) names it in messages, outputs and
/// the random stream it draws from, so two variants of a scenario draw it identically.
/// </summary>
public sealed record Parameter(string Path, DistributionSpec Distribution, SourceLocation Location)
{
    public bool IsUncertain => !Distribution.IsConstant;

    public static Parameter Constant(string path, double value) =>
        new(path, new FixedDistribution(value), SourceLocation.None("<code>"));
}
