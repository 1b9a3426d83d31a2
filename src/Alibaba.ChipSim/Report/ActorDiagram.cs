namespace Alibaba.ChipSim.Report;

/// <summary>An actor's state diagram as the report embeds it; <see cref="Source"/> says how it was drawn.</summary>
public sealed record ActorDiagram(string Actor, DiagramFormat Format, string Content, string Source);
