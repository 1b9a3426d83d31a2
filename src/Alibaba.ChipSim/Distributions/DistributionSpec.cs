using System.Collections.Immutable;

namespace Alibaba.ChipSim.Distributions;

/// <summary>
/// A validated distribution as written in a scenario. Continuous ones may be truncated to
/// [<see cref="Low"/>, <see cref="High"/>] (conditioned on that interval).
/// </summary>
public abstract record DistributionSpec
{
    /// <summary>Lower truncation bound (continuous distributions only).</summary>
    public double? Low { get; init; }

    /// <summary>Upper truncation bound (continuous distributions only).</summary>
    public double? High { get; init; }

    /// <summary>The name used in scenario files (<c>dist:</c>).</summary>
    public abstract string Kind { get; }

    /// <summary>True when every value is a whole number (counts, lags).</summary>
    public abstract bool IsWholeValued { get; }

    /// <summary>True when the distribution is a single value.</summary>
    public virtual bool IsConstant => false;
}

public sealed record FixedDistribution(double Value) : DistributionSpec
{
    public override string Kind => "fixed";
    public override bool IsWholeValued => Value == Math.Floor(Value);
    public override bool IsConstant => true;
}

public sealed record UniformDistribution(double Min, double Max) : DistributionSpec
{
    public override string Kind => "uniform";
    public override bool IsWholeValued => false;
    public override bool IsConstant => Min == Max;
}

/// <summary>Whole numbers from Min to Max, both inclusive, equally likely.</summary>
public sealed record UniformIntDistribution(long Min, long Max) : DistributionSpec
{
    public override string Kind => "uniform-int";
    public override bool IsWholeValued => true;
    public override bool IsConstant => Min == Max;
}

public sealed record TriangularDistribution(double Min, double Mode, double Max) : DistributionSpec
{
    public override string Kind => "triangular";
    public override bool IsWholeValued => false;
    public override bool IsConstant => Min == Max;
}

/// <summary>Beta-PERT: a beta on [Min, Max] with α = 1 + λ(mode − min)/(max − min), β = 1 + λ(max − mode)/(max − min).</summary>
public sealed record PertDistribution(double Min, double Mode, double Max, double Lambda = 4) : DistributionSpec
{
    public override string Kind => "pert";
    public override bool IsWholeValued => false;
    public override bool IsConstant => Min == Max;
}

public sealed record NormalDistribution(double Mean, double Sd) : DistributionSpec
{
    public override string Kind => "normal";
    public override bool IsWholeValued => false;
}

/// <summary>Log-normal with parameters of the logarithm (μ, σ); <see cref="FromMeanSd"/> converts the variable's own mean and sd.</summary>
public sealed record LogNormalDistribution(double Mu, double Sigma) : DistributionSpec
{
    public override string Kind => "lognormal";
    public override bool IsWholeValued => false;

    public static LogNormalDistribution FromMeanSd(double mean, double sd)
    {
        var sigma2 = Math.Log(1 + sd * sd / (mean * mean));
        return new LogNormalDistribution(Math.Log(mean) - sigma2 / 2, Math.Sqrt(sigma2));
    }
}

public sealed record BetaDistribution(double Alpha, double Beta) : DistributionSpec
{
    public override string Kind => "beta";
    public override bool IsWholeValued => false;
}

public sealed record BernoulliDistribution(double P) : DistributionSpec
{
    public override string Kind => "bernoulli";
    public override bool IsWholeValued => true;
    public override bool IsConstant => P is 0 or 1;
}

/// <summary>Values with weights (normalised when compiled).</summary>
public sealed record DiscreteDistribution(ImmutableArray<double> Values, ImmutableArray<double> Weights) : DistributionSpec
{
    public override string Kind => "discrete";
    public override bool IsWholeValued
    {
        get
        {
            foreach (var v in Values) if (v != Math.Floor(v)) return false;
            return true;
        }
    }

    public bool Equals(DiscreteDistribution? other) =>
        other is not null && Values.SequenceEqual(other.Values) && Weights.SequenceEqual(other.Weights) && Low == other.Low && High == other.High;

    public override int GetHashCode() => HashCode.Combine(Values.Length, Weights.Length);
}
