using System.Collections.Immutable;

namespace Alibaba.ChipSim.Scenarios.Validation;

/// <summary>Every distribution of the scenario format (docs/scenario-format.md#distributions), for validation and the schema.</summary>
internal static class DistributionKinds
{
    private static DistributionArgument N(string name, string description) => new(name, DistributionArgumentType.Number, description);

    private static DistributionArgument I(string name, string description) => new(name, DistributionArgumentType.Integer, description);

    private static ImmutableArray<ImmutableArray<string>> One(params string[] keys) => [[.. keys]];

    public static readonly DistributionArgument Low = N("low", "Truncate below: the distribution conditioned on values >= low.");
    public static readonly DistributionArgument High = N("high", "Truncate above: the distribution conditioned on values <= high.");

    public static readonly ImmutableArray<DistributionKind> All =
    [
        new("fixed", "A constant (same as a bare number).", false, [N("value", "The value.")], One("value")),
        new("uniform", "Every value in [min, max] equally likely.", true, [N("min", "Lower bound."), N("max", "Upper bound.")], One("min", "max")),
        new("uniform-int", "Whole numbers from min to max, both inclusive, equally likely.", false,
            [I("min", "Smallest value (a whole number)."), I("max", "Largest value (a whole number).")], One("min", "max")),
        new("triangular", "Triangular on [min, max] peaking at mode.", true,
            [N("min", "Lower bound."), N("mode", "Most likely value."), N("max", "Upper bound.")], One("min", "mode", "max")),
        new("pert", "Beta-PERT on [min, max] with the given mode; lambda (default 4) sets the weight of the mode.", true,
            [N("min", "Lower bound."), N("mode", "Most likely value."), N("max", "Upper bound."), N("lambda", "Weight of the mode (default 4).")], One("min", "mode", "max")),
        new("normal", "Normal with mean and standard deviation sd.", true, [N("mean", "Mean."), N("sd", "Standard deviation (> 0).")], One("mean", "sd")),
        new("lognormal", "Log-normal: mean/sd of the variable itself, or mu/sigma of its logarithm.", true,
            [N("mean", "Mean of the variable (> 0)."), N("sd", "Standard deviation of the variable (> 0)."),
             N("mu", "Mean of the logarithm."), N("sigma", "Standard deviation of the logarithm (> 0).")],
            [["mean", "sd"], ["mu", "sigma"]]),
        new("beta", "Beta on [0, 1].", true, [N("alpha", "First shape (> 0)."), N("beta", "Second shape (> 0).")], One("alpha", "beta")),
        new("bernoulli", "1 with probability p, else 0.", false, [N("p", "Probability of 1, in [0, 1].")], One("p")),
        new("discrete", "One of values, with the given weights (>= 0, normalised).", false,
            [new("values", DistributionArgumentType.NumberList, "The possible values."), new("weights", DistributionArgumentType.NumberList, "Their weights (>= 0, at least one positive).")],
            One("values", "weights")),
    ];

    public static DistributionKind? Find(string name)
    {
        foreach (var k in All)
            if (k.Name == name) return k;
        return null;
    }
}
