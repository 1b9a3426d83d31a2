using System.Collections.Immutable;

namespace Alibaba.ChipSim.Engine;

/// <summary>One per-trial categorical outcome (an actor's final state): a code per trial into <see cref="Categories"/>.</summary>
public sealed class CategoricalColumn(string name, ImmutableArray<string> categories, byte[] codes)
{
    public string Name { get; } = name;

    /// <summary>Every declared category (state), in declaration order.</summary>
    public ImmutableArray<string> Categories { get; } = categories;

    public byte[] Codes { get; } = codes;
}
