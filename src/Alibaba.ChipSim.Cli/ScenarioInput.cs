using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Cli;

/// <summary>
/// The one way commands read scenarios: load (a file, or the embedded base when none is given),
/// print every diagnostic to the error writer, one per line, and hand back the scenario only when
/// it has no error. A command that gets null returns <see cref="InvalidInput"/> and writes nothing else.
/// </summary>
internal static class ScenarioInput
{
    /// <summary>The exit code for invalid input (SPEC §4).</summary>
    public const int InvalidInput = 2;

    /// <summary>Loads <paramref name="path"/>, or the embedded base scenario when it is null or empty.</summary>
    public static Scenario? Load(string? path, TextWriter error, bool strict = false)
    {
        var result = string.IsNullOrEmpty(path) ? ScenarioLoader.LoadEmbeddedBase(strict) : ScenarioLoader.Load(path, strict);
        Print(result, error);
        return result.Scenario;
    }

    /// <summary>
    /// Loads every path (the embedded base when there is none), printing all diagnostics of all files;
    /// null when any file has an error, so that a command produces no partial output.
    /// </summary>
    public static IReadOnlyList<Scenario>? LoadAll(IReadOnlyList<string>? paths, TextWriter error, bool strict = false)
    {
        if (paths is null || paths.Count == 0)
            return Load(null, error, strict) is { } single ? [single] : null;
        var scenarios = new List<Scenario>(paths.Count);
        var failed = false;
        foreach (var path in paths)
        {
            var s = Load(path, error, strict);
            if (s is null) failed = true;
            else scenarios.Add(s);
        }
        return failed ? null : scenarios;
    }

    /// <summary>
    /// Every scenario conditioned on the history file <paramref name="historyFile"/> (replacing its own), printing every
    /// problem of the file against each scenario; null when any has an error.
    /// </summary>
    public static IReadOnlyList<Scenario>? WithHistory(IReadOnlyList<Scenario> scenarios, string historyFile, TextWriter error)
    {
        var conditioned = new List<Scenario>(scenarios.Count);
        var failed = false;
        var printed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in scenarios)
        {
            var result = Scenarios.History.HistoryFile.Apply(historyFile, s);
            foreach (var d in result.Diagnostics)
                if (printed.Add(d.ToString())) error.WriteLine(d.ToString() + (scenarios.Count > 1 && d.Severity == Severity.Error ? $" (for scenario {s.Name})" : ""));
            if (result.Scenario is null) failed = true;
            else conditioned.Add(result.Scenario);
        }
        return failed ? null : conditioned;
    }

    /// <summary>Prints every diagnostic (errors and warnings), one per line.</summary>
    public static void Print(ScenarioLoadResult result, TextWriter error)
    {
        foreach (var d in result.Diagnostics) error.WriteLine(d.ToString());
    }
}
