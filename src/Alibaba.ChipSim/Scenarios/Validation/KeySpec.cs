using System.Collections.Immutable;
using System.Numerics;

namespace Alibaba.ChipSim.Scenarios.Validation;

/// <summary>
/// One key of the scenario format. <see cref="ScenarioKeys.Root"/> describes the whole format once;
/// the validator walks it to check a document, and the JSON Schema is generated from it.
/// </summary>
internal sealed record KeySpec(string Name, ValueKind Kind, string Description)
{
    public bool Required { get; init; }

    /// <summary>The value used when the key is absent (a double, string or bool), shown in the schema.</summary>
    public object? Default { get; init; }

    /// <summary>What the default is when it is not a constant (e.g. "first_delivery").</summary>
    public string? DefaultNote { get; init; }

    /// <summary>The keys of a <see cref="ValueKind.Section"/>.</summary>
    public ImmutableArray<KeySpec> Keys { get; init; } = [];

    /// <summary>The value of each entry of <see cref="ValueKind.NamedEntries"/>, or each item of a <see cref="ValueKind.List"/>.</summary>
    public KeySpec? Item { get; init; }

    public ImmutableArray<string> Choices { get; init; } = [];

    /// <summary>A regular expression a <see cref="ValueKind.Text"/> value must match.</summary>
    public string? Pattern { get; init; }

    /// <summary>For text: the most characters it may have (none when 0).</summary>
    public int MaxLength { get; init; }

    public Domain Domain { get; init; } = Domain.Any;

    /// <summary>Every value must be a whole number (counts, lags).</summary>
    public bool WholeNumbers { get; init; }

    /// <summary>A distribution is allowed only with a bounded support (hazards).</summary>
    public bool Bounded { get; init; }

    public BigInteger MinInteger { get; init; } = long.MinValue;

    public BigInteger MaxInteger { get; init; } = long.MaxValue;

    public int MinItems { get; init; }

    public int? MaxItems { get; init; }

    public KeySpec? Find(string key)
    {
        foreach (var k in Keys)
            if (k.Name == key) return k;
        return null;
    }
}
