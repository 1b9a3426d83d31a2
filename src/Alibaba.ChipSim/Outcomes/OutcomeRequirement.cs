namespace Alibaba.ChipSim.Outcomes;

/// <summary>The optional scenario keys an outcome needs: without them the run has no such column.</summary>
public enum OutcomeRequirement
{
    /// <summary>Every run has it.</summary>
    None,

    /// <summary><c>economics.useful_life_months</c> and <c>economics.discount_rate_yoy</c> (value over the chips' life).</summary>
    ValueOverLife,

    /// <summary>Value over life and <c>valuation.ads_outstanding_bn</c> (value per share).</summary>
    ValuePerShare,
}
