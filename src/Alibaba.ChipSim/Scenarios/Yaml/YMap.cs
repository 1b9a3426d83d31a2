using System.Collections.Immutable;

namespace Alibaba.ChipSim.Scenarios.Yaml;

/// <summary>One <c>key: value</c> pair; the key keeps its own position (unknown-key messages point at it).</summary>
internal sealed record YEntry(YScalar Key, YNode Value)
{
    public string Name => Key.Text;
}

/// <summary>A mapping in declaration order (keys are unique: the reader reports duplicates).</summary>
internal sealed class YMap(SourceLocation location, ImmutableArray<YEntry> entries) : YNode(location)
{
    public ImmutableArray<YEntry> Entries { get; } = entries;

    public YEntry? Find(string key)
    {
        foreach (var e in Entries)
            if (e.Name == key) return e;
        return null;
    }

    public YNode? this[string key] => Find(key)?.Value;

    /// <summary>A distribution is a mapping with a <c>dist</c> key; it merges as one value.</summary>
    public bool IsDistribution => Find("dist") is not null;

    public YMap Without(string key) => new(Location, Entries.RemoveAll(e => e.Name == key));

    public override string Describe() => "a mapping";
}
