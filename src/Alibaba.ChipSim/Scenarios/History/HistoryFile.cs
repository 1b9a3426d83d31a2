using Alibaba.ChipSim.Scenarios.Yaml;

namespace Alibaba.ChipSim.Scenarios.History;

/// <summary>
/// A history kept in its own file (<c>chipsim run … --history FILE</c>): a YAML file whose top level holds <c>history:</c>
/// (and an optional <c>description:</c>), the same block a scenario may hold. Applied to a scenario it replaces the
/// scenario's own history, checked against that scenario's actors and calendar.
/// </summary>
public static class HistoryFile
{
    /// <summary>
    /// <paramref name="scenario"/> conditioned on the history in <paramref name="path"/>: the scenario with that history, or
    /// null with every problem (each at its position in the history file) in the result's diagnostics.
    /// </summary>
    public static ScenarioLoadResult Apply(string path, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var diagnostics = new DiagnosticBag();
        var node = Read(path, diagnostics, out var bytes);
        HistorySpec? history = null;
        if (node is not null) history = new HistoryReader(diagnostics).Read(node, scenario.Calendar, scenario.Actors);
        // The file's bytes identify the facts a run was conditioned on, as the scenario's hash identifies the scenario.
        if (history is not null)
            history = history with { File = Path.GetFileName(path), Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes!)) };
        var result = history is null || diagnostics.HasErrors ? null : scenario with { History = history };
        return new ScenarioLoadResult(result, diagnostics.ToSortedArray([path]));
    }

    private static YNode? Read(string path, DiagnosticBag diagnostics, out byte[]? bytes)
    {
        bytes = SourceText.ReadFile(path, SourceLocation.None(path), "", diagnostics);
        if (bytes is null) return null;
        var text = SourceText.Decode(bytes, path, diagnostics);
        if (text is null) return null;
        var root = YamlTreeReader.Read(text, path, diagnostics, "the file holds no history: expected history: (as_of, actors, shipments, revenue), as a scenario would");
        if (root is null) return null;
        if (root is not YMap map || map.Find("history") is not { } history)
        {
            diagnostics.Error(root.Location, "", "a history file holds history: (as_of, actors, shipments, revenue), as a scenario would");
            return null;
        }
        foreach (var e in map.Entries)
            if (e.Name is not ("history" or "description"))
                diagnostics.Error(e.Key.Location, e.Name, "unknown key in a history file; it holds history: and an optional description:");
        return history.Value;
    }
}
