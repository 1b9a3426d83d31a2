using System.Collections.Immutable;
using System.Text;
using Alibaba.ChipSim.Scenarios.Validation;
using Alibaba.ChipSim.Scenarios.Yaml;

namespace Alibaba.ChipSim.Scenarios;

/// <summary>
/// Loads scenario YAML into a validated <see cref="Scenario"/>: resolves <c>extends</c>, checks every
/// key against the format, and reports every problem at once. Never throws for bad input.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>The logical name of the shipped base scenario embedded in the library.</summary>
    public const string EmbeddedBaseName = "base.yaml";

    /// <summary>How an empty scenario path is named in its diagnostic.</summary>
    public const string EmptyPathName = "(empty path)";

    /// <summary>Loads a scenario file. With <paramref name="strict"/>, warnings count as errors.</summary>
    /// <param name="path">The scenario file named on the command line.</param>
    /// <param name="strict">Count warnings as errors.</param>
    /// <param name="allowExtendsOutside">Let <c>extends</c> reach files outside the folder tree of <paramref name="path"/>.</param>
    public static ScenarioLoadResult Load(string path, bool strict = false, bool allowExtendsOutside = false)
    {
        var diagnostics = new DiagnosticBag();
        if (string.IsNullOrWhiteSpace(path))
        {
            // An empty argument (run "", a shell variable that was not set) is a mistake, never the embedded base.
            diagnostics.Error(SourceLocation.None(EmptyPathName), "", "the scenario path is empty; give a scenario file, e.g. scenarios/base.yaml");
            return Finish(null, diagnostics, strict);
        }
        var bytes = SourceText.ReadFile(path, SourceLocation.None(path), "", diagnostics);
        return bytes is null ? Finish(null, diagnostics, strict) : LoadBytes(bytes, path, diagnostics, strict, allowExtendsOutside);
    }

    /// <summary>
    /// Loads scenario text as if read from <paramref name="fileName"/> (its folder resolves <c>extends</c>,
    /// its name appears in diagnostics).
    /// </summary>
    public static ScenarioLoadResult LoadText(string yaml, string fileName, bool strict = false, bool allowExtendsOutside = false) =>
        LoadBytes(Encoding.UTF8.GetBytes(yaml), fileName, new DiagnosticBag(), strict, allowExtendsOutside);

    /// <summary>The shipped <c>scenarios/base.yaml</c>, embedded in the library (used when no file is given).</summary>
    public static ScenarioLoadResult LoadEmbeddedBase(bool strict = false)
    {
        var diagnostics = new DiagnosticBag();
        using var stream = typeof(ScenarioLoader).Assembly.GetManifestResourceStream(EmbeddedBaseName);
        if (stream is null)
        {
            diagnostics.Error(SourceLocation.None(EmbeddedBaseName), "", "the base scenario is not embedded in this build of the library");
            return Finish(null, diagnostics, strict);
        }
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return LoadBytes(buffer.ToArray(), EmbeddedBaseName, diagnostics, strict);
    }

    private static ScenarioLoadResult LoadBytes(byte[] bytes, string fileName, DiagnosticBag diagnostics, bool strict, bool allowExtendsOutside = false)
    {
        var source = ExtendsResolver.Resolve(fileName, bytes, diagnostics, allowExtendsOutside);
        if (source is null) return Finish(null, diagnostics, strict);
        // history: is checked against the built scenario (its actors, states and calendar), by its own reader.
        var history = source.Root.Find("history");
        var root = new StructureChecker(diagnostics).Check(history is null ? source.Root : source.Root.Without("history"), ScenarioKeys.Root, "");
        if (root is null) return Finish(null, diagnostics, strict, source.Files);
        new ScenarioChecks(diagnostics).Check(root);
        var failed = diagnostics.HasErrors || (strict && diagnostics.Count > 0);
        var scenario = failed ? null : ScenarioBuilder.Build(root, source.Files, source.Sha256);
        if (scenario is not null && history is not null)
        {
            var spec = new History.HistoryReader(diagnostics).Read(history.Value, scenario.Calendar, scenario.Actors);
            scenario = spec is null ? null : scenario with { History = spec };
        }
        return Finish(scenario, diagnostics, strict, source.Files);
    }

    private static ScenarioLoadResult Finish(Scenario? scenario, DiagnosticBag diagnostics, bool strict, IReadOnlyList<string>? files = null)
    {
        var all = diagnostics.ToSortedArray(files);
        if (strict) all = [.. all.Select(d => d with { Severity = Severity.Error })];
        return new ScenarioLoadResult(scenario, all);
    }
}
