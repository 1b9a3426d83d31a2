using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Cli;

/// <summary>
/// The one way commands read scenarios: load (a file, or the embedded base when none is given),
/// print every diagnostic to the error writer, one per line, and hand back the scenario only when
/// it has no error. A command that gets null returns <see cref="ExitCode.InvalidInput"/> and writes nothing else.
/// </summary>
internal static class ScenarioInput
{
    /// <summary>Loads <paramref name="path"/>, or the embedded base scenario when it is null (an empty path is an error).</summary>
    public static Scenario? Load(string? path, TextWriter error, bool strict = false, bool allowExtendsOutside = false)
    {
        var result = path is null ? ScenarioLoader.LoadEmbeddedBase(strict) : ScenarioLoader.Load(path, strict, allowExtendsOutside);
        Print(result, error, path);
        return result.Scenario;
    }

    /// <summary>
    /// Loads every path (the embedded base when there is none), printing all diagnostics of all files;
    /// null when any file has an error, so that a command produces no partial output.
    /// </summary>
    public static IReadOnlyList<Scenario>? LoadAll(IReadOnlyList<string>? paths, TextWriter error, bool strict = false, bool allowExtendsOutside = false)
    {
        if (paths is null || paths.Count == 0)
            return Load(null, error, strict) is { } single ? [single] : null;
        var scenarios = new List<Scenario>(paths.Count);
        var failed = false;
        foreach (var path in paths)
        {
            var s = Load(path, error, strict, allowExtendsOutside);
            if (s is null) failed = true;
            else scenarios.Add(s);
        }
        return failed ? null : scenarios;
    }

    /// <summary><c>--allow-extends-outside</c>, for every command that reads scenario files.</summary>
    public static System.CommandLine.Option<bool> AllowExtendsOutsideOption() => new("--allow-extends-outside")
    {
        Description = "Let 'extends' reach .yaml files outside the folder tree of the scenario named here (by default it may not: a scenario from a pull request must not read the machine's other files).",
    };

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
    /// <remarks>A diagnostic in a file that <paramref name="input"/> extends says which input led to it.</remarks>
    public static void Print(ScenarioLoadResult result, TextWriter error, string? input = null)
    {
        foreach (var d in result.Diagnostics)
        {
            var via = input is not null && d.Location.File != input && d.Location.File != ScenarioLoader.EmptyPathName
                ? $" (in a file extended by {MessageText.Escape(input)})"
                : "";
            error.WriteLine(d + via);
        }
    }
}
