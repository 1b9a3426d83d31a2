namespace Alibaba.ChipSim.Outcomes;

/// <summary>What kind of number a per-trial outcome is: it decides how it is summarised and written.</summary>
public enum OutcomeKind
{
    /// <summary>0 or 1 in every trial; summarised with a probability and its Wilson interval.</summary>
    Binary,

    /// <summary>A whole number (months, modules, chips): written without decimals, an integer column in Parquet.</summary>
    Count,

    /// <summary>Modules × <c>chips_per_module</c>: a whole number when chips per module is whole-valued.</summary>
    ChipCount,

    /// <summary>Any real number (money, capacity, a ratio).</summary>
    Amount,
}
