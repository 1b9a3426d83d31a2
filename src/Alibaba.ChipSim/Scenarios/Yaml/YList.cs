using System.Collections.Immutable;

namespace Alibaba.ChipSim.Scenarios.Yaml;

internal sealed class YList(SourceLocation location, ImmutableArray<YNode> items) : YNode(location)
{
    public ImmutableArray<YNode> Items { get; } = items;

    public override string Describe() => "a list";
}
