namespace Alibaba.ChipSim.Scenarios.Validation;

/// <summary>What a key of the scenario format holds.</summary>
internal enum ValueKind
{
    /// <summary>A mapping with fixed keys (<see cref="KeySpec.Keys"/>).</summary>
    Section,

    /// <summary>A mapping of user-chosen names (actors, states, guards) to <see cref="KeySpec.Item"/>.</summary>
    NamedEntries,

    /// <summary>A list of <see cref="KeySpec.Item"/>.</summary>
    List,

    /// <summary>Free text.</summary>
    Text,

    /// <summary>A name of an actor or state: <c>[a-z][a-z0-9_]*</c>.</summary>
    Name,

    /// <summary>A month, <c>YYYY-MM</c>.</summary>
    Month,

    /// <summary>A whole number in [<see cref="KeySpec.MinInteger"/>, <see cref="KeySpec.MaxInteger"/>].</summary>
    Integer,

    Boolean,

    /// <summary>One of <see cref="KeySpec.Choices"/>.</summary>
    Choice,

    /// <summary>A plain number in <see cref="KeySpec.Domain"/>.</summary>
    Number,

    /// <summary>A number or a distribution, drawn once per trial; its support must lie in <see cref="KeySpec.Domain"/>.</summary>
    Parameter,
}
