using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Policy;

/// <summary>
/// The Stateless trigger of one declared transition. <see cref="Index"/> is the transition's position in
/// the actor's list (declared order: hazards take their slices of [0, 1) in this order), so two
/// transitions never share a trigger. Its text (<see cref="Label"/>) is what the diagrams show.
/// </summary>
internal sealed record PolicyTrigger(int Index, string From, string To, Month? At, string Label)
{
    public bool IsScheduled => At is not null;

    public override string ToString() => Label;
}
