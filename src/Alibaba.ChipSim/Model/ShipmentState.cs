namespace Alibaba.ChipSim.Model;

/// <summary>What has shipped so far in one trial (docs/model.md, "Shipments").</summary>
public struct ShipmentState
{
    /// <summary>The month the initial tranche shipped, −1 until it has.</summary>
    public int InitialMonth;

    /// <summary>Months so far whose combined gate was open (&gt; 0).</summary>
    public int GateOpenMonths;

    /// <summary>Modules shipped to China, initial tranche included (what the supply cap counts).</summary>
    public double ModulesShipped;

    /// <summary>Alibaba's chips delivered.</summary>
    public double BuyerChips;

    public readonly bool InitialTrancheShipped => InitialMonth >= 0;
}
