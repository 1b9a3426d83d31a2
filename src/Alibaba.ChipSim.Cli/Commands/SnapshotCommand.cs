using System.CommandLine;
using System.Globalization;
using Alibaba.ChipSim.Cli.Running;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Snapshots;

namespace Alibaba.ChipSim.Cli.Commands;

/// <summary>
/// <c>chipsim snapshot [SCENARIO...] [--check]</c>: writes (or checks) <c>SCENARIO.snapshot.json</c> beside each
/// scenario, at the scenario's own seed and trial count; with no scenario, every <c>scenarios/*.yaml</c>.
/// </summary>
internal static class SnapshotCommand
{
    public static Command Build()
    {
        var files = new Argument<string[]>("scenarios")
        {
            Description = "Scenario YAML files; all scenarios/*.yaml under the current folder when none is given.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var check = new Option<bool>("--check")
        {
            Description = "Recompute and compare with the committed snapshots; print a unified diff and exit 3 when any is stale.",
        };
        var threads = new Option<int>("--threads") { Description = "Worker threads (0 = every core); never changes the numbers." };
        var command = new Command("snapshot", "Write each scenario's snapshot (SCENARIO.snapshot.json) beside it, or check them with --check.")
        {
            files, check, threads,
        };
        command.SetAction(parse =>
        {
            Rendering.WarmUp.Start(table: false);
            return Run(
                parse.GetValue(files) ?? [],
                parse.GetValue(check),
                parse.GetValue(threads),
                Directory.GetCurrentDirectory(),
                parse.InvocationConfiguration.Output,
                parse.InvocationConfiguration.Error);
        });
        return command;
    }

    /// <summary>
    /// Loads every scenario and reads every committed snapshot first (nothing is computed or written if one is invalid), then
    /// computes, then writes or checks.
    /// </summary>
    public static int Run(IReadOnlyList<string> files, bool check, int threads, string workingDirectory, TextWriter output, TextWriter error)
    {
        if (threads < 0)
        {
            error.WriteLine("snapshot: --threads must be >= 0 (0 = every core)");
            return ExitCode.InvalidInput;
        }
        var paths = files.Count > 0 ? files : ShippedScenarios(workingDirectory, error);
        if (paths is null) return ExitCode.InvalidInput;

        var scenarios = new List<(string Path, Scenario Scenario)>();
        var failed = false;
        foreach (var path in paths)
        {
            var result = ScenarioLoader.Load(Path.Combine(workingDirectory, path));
            ScenarioInput.Print(result, error, Path.Combine(workingDirectory, path));
            if (result.Scenario is { } s) scenarios.Add((path, s));
            else failed = true;
        }
        if (failed) return ExitCode.InvalidInput;

        // What is at each snapshot path is read before anything is computed: a folder, FIFO or device where a snapshot
        // belongs is invalid input, and so, for --check, is a snapshot that is not UTF-8 JSON (without --check it is rewritten).
        var committed = new List<byte[]?>(scenarios.Count);
        try
        {
            foreach (var (path, _) in scenarios)
            {
                var full = Path.Combine(workingDirectory, SnapshotWriter.PathFor(path));
                var bytes = SnapshotStore.ReadCommitted(full);
                if (check && bytes is not null) SnapshotStore.Decode(full, bytes);
                committed.Add(bytes);
            }
        }
        catch (InvalidDataException e)
        {
            error.WriteLine(MessageText.Escape("snapshot: " + Relative(e.Message, workingDirectory)));
            return ExitCode.InvalidInput;
        }

        var computed = new List<(string Snapshot, string Text)>();
        try
        {
            foreach (var (path, scenario) in scenarios)
            {
                var trials = scenario.Simulation.Trials.ToString("N0", CultureInfo.InvariantCulture);
                error.WriteLine(MessageText.Escape($"snapshot: {path}: {trials} trials at seed {scenario.Simulation.Seed.ToString(CultureInfo.InvariantCulture)}"));
                computed.Add((SnapshotWriter.PathFor(path), ScenarioSnapshot.Compute(scenario, threads)));
            }
        }
        catch (Engine.NoTrialMatchedException e)
        {
            // A scenario's own history: the line above names the scenario.
            return NoTrialMatched.Report("snapshot", e, error);
        }

        if (!check)
        {
            for (var i = 0; i < computed.Count; i++)
            {
                var (snapshot, text) = computed[i];
                var full = Path.Combine(workingDirectory, snapshot);
                var unchanged = SnapshotStore.UpToDate(full, committed[i], text);
                try
                {
                    if (!unchanged) SnapshotStore.Write(full, text);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Each snapshot is replaced whole (a temp file moved into place): the ones above are written, this one is as it was.
                    error.WriteLine(MessageText.Escape($"snapshot: cannot write {snapshot}: {Relative(e.Message, workingDirectory)}"));
                    return ExitCode.Failure;
                }
                output.WriteLine(MessageText.Escape((unchanged ? "unchanged " : "wrote ") + snapshot));
            }
            return ExitCode.Ok;
        }

        var stale = 0;
        for (var i = 0; i < computed.Count; i++)
        {
            var (snapshot, text) = computed[i];
            var result = SnapshotStore.Compare(Path.Combine(workingDirectory, snapshot), committed[i], text); // decoded above
            if (result.UpToDate)
            {
                output.WriteLine(MessageText.Escape("ok " + snapshot));
                continue;
            }
            stale++;
            output.WriteLine(MessageText.Escape((result.Exists ? "stale " : "missing ") + snapshot));
            output.Write(Printable(Relative(result.Diff, workingDirectory)));
        }
        if (stale == 0) return ExitCode.Ok;
        error.WriteLine($"snapshot --check: {stale} of {computed.Count} snapshots are stale; run `chipsim snapshot` and commit the result.");
        return ExitCode.Differences;
    }

    /// <summary><paramref name="text"/> with the working folder left out of the paths it names.</summary>
    private static string Relative(string text, string workingDirectory) =>
        text.Replace(workingDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);

    /// <summary>
    /// A diff as printed: each line through <see cref="MessageText.Escape"/>, since a committed snapshot may hold characters
    /// that drive a terminal (C1 controls, DEL and bidi overrides are valid in JSON text): they show as <c>\u009B</c>-style escapes.
    /// </summary>
    private static string Printable(string diff) => string.Join('\n', diff.Split('\n').Select(MessageText.Escape));

    /// <summary>Every <c>scenarios/*.yaml</c> (and <c>*.yml</c>) under the working folder, in name order, as relative paths.</summary>
    private static List<string>? ShippedScenarios(string workingDirectory, TextWriter error)
    {
        var folder = Path.Combine(workingDirectory, "scenarios");
        var found = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.yaml").Concat(Directory.EnumerateFiles(folder, "*.yml"))
                .Select(f => Path.Combine("scenarios", Path.GetFileName(f))).Order(StringComparer.Ordinal).ToList()
            : [];
        if (found.Count > 0) return found;
        error.WriteLine($"snapshot: no scenarios/*.yaml under {workingDirectory}; name the scenario files, or run from the repository root");
        return null;
    }
}
