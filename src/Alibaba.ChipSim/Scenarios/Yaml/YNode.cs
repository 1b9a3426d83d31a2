namespace Alibaba.ChipSim.Scenarios.Yaml;

/// <summary>
/// A YAML node that remembers where it was written. Nodes are immutable; after <c>extends</c> is
/// resolved a tree mixes nodes of several files, each still pointing into its own file.
/// </summary>
internal abstract class YNode(SourceLocation location)
{
    public SourceLocation Location { get; } = location;

    /// <summary>How the node reads in a message: "a mapping", "a list", "'abc'", "nothing".</summary>
    public abstract string Describe();
}
