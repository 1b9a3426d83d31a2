using System.Collections.Immutable;
using Alibaba.ChipSim.Distributions;

namespace Alibaba.ChipSim.Scenarios.Validation;

/// <summary>A named entry (actor, state, guard) with the position of its name.</summary>
internal sealed record CheckedEntry(string Name, SourceLocation Location, CheckedNode Node);

/// <summary>
/// A document node that passed the structural checks of its <see cref="KeySpec"/>, holding its
/// typed value (string, <see cref="Scenarios.Month"/>, BigInteger, bool, double or
/// <see cref="DistributionSpec"/>). Members that failed are absent, defaults are filled in.
/// </summary>
internal sealed class CheckedNode(KeySpec spec, string path, SourceLocation location)
{
    public KeySpec Spec { get; } = spec;

    /// <summary>The key path in messages, e.g. <c>actors.beijing.transitions[2].monthly</c>.</summary>
    public string Path { get; } = path;

    public SourceLocation Location { get; } = location;

    public object? Value { get; init; }

    /// <summary>Filled in from <see cref="KeySpec.Default"/>, not written in the file.</summary>
    public bool IsDefault { get; init; }

    public Dictionary<string, CheckedNode> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>The keys written in the file, valid or not (a section's "is it there at all").</summary>
    public HashSet<string> WrittenKeys { get; } = new(StringComparer.Ordinal);

    public ImmutableArray<CheckedEntry> Entries { get; init; } = [];

    public ImmutableArray<CheckedNode> Items { get; init; } = [];

    public CheckedNode? this[string key] => Members.GetValueOrDefault(key);

    public T? Get<T>(string key) where T : class => Members.GetValueOrDefault(key)?.Value as T;

    public string? Text(string key) => Get<string>(key);

    public Month? Month(string key) => Members.GetValueOrDefault(key)?.Value is Month m ? m : null;

    public DistributionSpec? Distribution(string key) => Get<DistributionSpec>(key);
}
