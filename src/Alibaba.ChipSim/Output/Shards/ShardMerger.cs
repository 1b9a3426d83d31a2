using System.Collections.Immutable;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Runs.Shards;

namespace Alibaba.ChipSim.Output.Shards;

/// <summary>
/// Rebuilds a run from its shard folders: checks that they are the M shards of one run (same format, engine, scenario
/// hash, seed, trial count, M and columns; every slice present once), then reads each shard's columns into the rows of
/// its trials, checking their layout against the scenario and their values as <see cref="ShardValues"/> says a run
/// writes them (the checksum finds damage, not edits). The columns are those the one-process run would hold, bit for
/// bit, so its summary and files are too.
/// Memory: the whole run's columns, as the one-process run holds them.
/// </summary>
public static class ShardMerger
{
    public static ShardMerge Merge(IReadOnlyList<string> folders, CancellationToken cancellationToken = default) =>
        WithShards(folders, (scenario, shards, errors) =>
        {
            var result = Read(scenario, shards, errors, cancellationToken);
            return new ShardMerge(errors.Count > 0 ? null : result, errors);
        }, errors => new ShardMerge(null, errors));

    /// <summary>
    /// The summary of the run of <paramref name="folders"/> without rebuilding it: every shard's checksum and values are
    /// verified in one streaming pass; then, for a run of at most <paramref name="columnTrialsLimit"/> trials, each column is
    /// read from all shards when it is summarised (at most one column per thread, 8 bytes × trials, in memory), and for a
    /// larger one the columns are read back chunk by chunk through the streamed statistics (<see cref="ShardStream"/>), in
    /// memory that does not grow with the trial count. Either way the summary is the one <see cref="Merge"/> (and the
    /// one-process run) gives. A run conditioned on history of at most <paramref name="columnTrialsLimit"/> trials is rebuilt
    /// whole (its statistics need the weights beside each column); a larger one streams its weighted statistics.
    /// </summary>
    public static ShardSummary Summarize(IReadOnlyList<string> folders, int? maxThreads = null, CancellationToken cancellationToken = default,
        long columnTrialsLimit = Runs.RunRequest.DefaultColumnTrialsLimit) =>
        Summarize(folders, maxThreads, cancellationToken, columnTrialsLimit, ShardStream.ChunkRows, null);

    /// <param name="chunkRows">Trials per chunk read back when streamed (tests make it small).</param>
    /// <param name="windowLimit">The sizes of the streamed percentiles' windows (tests make them tiny to force further passes).</param>
    /// <param name="buckets">The buckets of a weighted column's histograms when streamed (tests make them few to force further passes).</param>
    /// <param name="gatherLimit">The most values a weighted percentile gathers when streamed (tests make it small to force further passes).</param>
    internal static ShardSummary Summarize(IReadOnlyList<string> folders, int? maxThreads, CancellationToken cancellationToken, long columnTrialsLimit,
        int chunkRows, (int Distinct, int Appended)? windowLimit, int buckets = Statistics.Streaming.WeightedStreamingColumn.DefaultBuckets,
        int gatherLimit = Statistics.Streaming.StreamingColumn.GatherLimit) =>
        WithShards(folders, (scenario, shards, errors) =>
        {
            if (shards[0].Reader.Header is { History: not null } weightedHeader && weightedHeader.Trials <= columnTrialsLimit)
            {
                // A run conditioned on history of a size whose columns are kept: every statistic needs the weights beside
                // the values, so the run is rebuilt (its values and checksums checked as it is read) and summarised whole.
                var result = Read(scenario, shards, errors, cancellationToken);
                if (result is null) return new ShardSummary(null, null, errors);
                SimulationEngine.RequireSomeWeight(result);
                return new ShardSummary(scenario, Statistics.SummaryBuilder.Build(result, maxThreads), []) { Passes = 1 };
            }
            foreach (var (folder, reader) in shards)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    var problem = reader.CheckAll();
                    if (!reader.VerifyChecksum()) errors.Add($"shard {folder}: damaged (its checksum does not match its contents); run the shard again");
                    else if (problem is not null) errors.Add(NotAShardsValues(folder, problem));
                }
                catch (IOException e)
                {
                    errors.Add($"shard {folder}: cannot be read to the end: {e.Message}");
                }
            }
            if (errors.Count > 0) return new ShardSummary(null, null, errors);
            var readers = shards.Select(s => s.Reader).ToList();
            if (readers[0].Header.Trials <= columnTrialsLimit)
            {
                var columns = ShardColumnSource.For(readers);
                var summary = Statistics.SummaryBuilder.Build(columns, maxThreads);
                // As the one-process summary: the calendar, and the scenario's targets over their columns, one at a time.
                summary = summary with { Calendar = scenario.Calendar, Targets = [.. scenario.Targets.Select(t => TargetOf(columns, t))] };
                return new ShardSummary(scenario, summary, []) { Passes = 1 };
            }
            try
            {
                var threads = maxThreads is > 0 ? maxThreads.Value : Environment.ProcessorCount;
                var (streamed, passes) = ShardStream.Summarize(scenario, readers, threads, cancellationToken, chunkRows, windowLimit, buckets, gatherLimit);
                return new ShardSummary(scenario, streamed, []) { Passes = passes, Streamed = true };
            }
            catch (Exception e) when (e is IOException or EndOfStreamException)
            {
                return new ShardSummary(null, null, [$"a shard cannot be read back: {e.Message}"]);
            }
        }, errors => new ShardSummary(null, null, errors));

    private static Statistics.TargetResult TargetOf(Statistics.SummaryColumns columns, TargetSpec target)
    {
        foreach (var c in columns.NumericColumns)
            if (c.Name == target.Metric) return Statistics.TargetProbability.Of(c.Load(), target);
        foreach (var qc in columns.QuarterlyColumns)
            for (var q = 0; q < qc.Quarters.Length; q++)
                if (Statistics.SummaryBuilder.QuarterMetricName(qc.Metric, qc.Quarters[q]) == target.Metric)
                    return Statistics.TargetProbability.Of(qc.Load(q), target);
        return Statistics.TargetProbability.Of([], target);
    }

    /// <summary>Opens and checks the shards, loads the scenario, and hands the shards (in slice order) to <paramref name="use"/>.</summary>
    private static T WithShards<T>(IReadOnlyList<string> folders, Func<Scenario, List<(string Folder, ShardReader Reader)>, List<string>, T> use,
        Func<IReadOnlyList<string>, T> fail)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var errors = new List<string>();
        if (folders.Count == 0) return fail(["no shard folder given"]);
        var shards = new List<(string Folder, ShardReader Reader)>();
        try
        {
            foreach (var folder in folders)
            {
                var file = Path.GetFileName(folder) == ShardFile.FileName && File.Exists(folder) ? folder : Path.Combine(folder, ShardFile.FileName);
                if (!File.Exists(file) && !Directory.Exists(file))
                {
                    errors.Add(Directory.Exists(folder)
                        ? $"shard {folder}: no {ShardFile.FileName} in it (not a shard folder, or its run did not finish)"
                        : $"shard {folder}: no such folder");
                    continue;
                }
                var reader = ShardFile.Open(file, out var error);
                if (reader is null) errors.Add($"shard {folder}: {error}");
                else shards.Add((Path.GetDirectoryName(file)!, reader));
            }
            if (errors.Count > 0) return fail(errors);

            Check(shards, errors);
            if (errors.Count > 0) return fail(errors);

            var (referenceFolder, reference) = shards[0];
            var scenario = ScenarioCopy.Load(referenceFolder, reference.Header, out var scenarioError);
            if (scenario is null) return fail([$"shard {referenceFolder}: {scenarioError}"]);
            if (LayoutProblem(scenario, reference.Header) is { } layoutProblem) return fail([$"shard {referenceFolder}: {layoutProblem}"]);
            return use(scenario, shards.OrderBy(s => s.Reader.Header.Shard).ToList(), errors);
        }
        finally
        {
            foreach (var (_, reader) in shards) reader.Dispose();
        }
    }

    /// <summary>
    /// Null when the header's columns (names, kinds, states, quarters, months) are those a run of <paramref name="scenario"/>
    /// writes, as one trial of it shows; else the first that differs. The shards' values are checked by these kinds.
    /// </summary>
    private static string? LayoutProblem(Scenario scenario, ShardHeader header)
    {
        var one = new ShardSlice(0, 1);
        var expected = ShardFolder.HeaderOf(ShardPipeline.Simulate(scenario, 1, header.Seed, one, threads: 1), one, 1, null).Layout().Split('\n');
        var actual = header.Layout().Split('\n');
        for (var i = 0; i < Math.Max(expected.Length, actual.Length); i++)
        {
            if (i < expected.Length && i < actual.Length && expected[i] == actual[i]) continue;
            var theirs = i < actual.Length ? $"'{ShardHeader.Shown(actual[i])}'" : "nothing";
            var mine = i < expected.Length ? $"'{expected[i]}'" : "nothing";
            return $"its columns are not those of scenario '{scenario.Name}': column {i + 1} is {theirs} where the scenario gives {mine} (an edited header)";
        }
        return null;
    }

    /// <summary>Foreign, inconsistent, overlapping and missing shards, each error naming the shard.</summary>
    private static void Check(List<(string Folder, ShardReader Reader)> shards, List<string> errors)
    {
        var (refFolder, refReader) = shards[0];
        var r = refReader.Header;
        var layout = r.Layout();
        foreach (var (folder, reader) in shards.Skip(1))
        {
            var h = reader.Header;
            string? Differs(string what, object mine, object theirs) =>
                Equals(mine, theirs) ? null : $"shard {folder} is not of the same run as shard {refFolder}: its {what} is {Shown(mine)}, not {Shown(theirs)}";
            static object Shown(object value) => value is string text ? ShardHeader.Shown(text) : value;
            var foreign = Differs("scenario", h.Scenario, r.Scenario)
                ?? Differs("scenario_sha256", h.ScenarioSha256, r.ScenarioSha256)
                ?? Differs("seed", h.Seed, r.Seed)
                ?? Differs("trial count", h.Trials, r.Trials)
                ?? Differs("shard count M", h.Shards, r.Shards)
                ?? Differs("engine", h.Engine, r.Engine)
                ?? Differs("history file", h.History?.File ?? "none", r.History?.File ?? "none")
                ?? Differs("history sha256", h.History?.Sha256 ?? "none", r.History?.Sha256 ?? "none")
                ?? (h.Layout() == layout ? null : $"shard {folder} is not of the same run as shard {refFolder}: its columns differ");
            if (foreign is not null) errors.Add(foreign);
        }
        if (errors.Count > 0) return;

        foreach (var (folder, reader) in shards)
        {
            var h = reader.Header;
            if (h.Shards < 1 || h.Shard < 0 || h.Shard >= h.Shards || h.Trials < h.Shards)
            {
                errors.Add($"shard {folder}: shard {h.Shard}/{h.Shards} of {h.Trials} trials is not a slice (damaged header)");
                continue;
            }
            if (h.Shards > ShardSlice.MaxCount || TrialLimits.Check(h.Trials, "trials") is not null)
            {
                // As run --shard: at most MaxCount shards of at most TrialLimits.Max trials.
                errors.Add($"shard {folder}: shard {h.Shard}/{h.Shards} of {h.Trials} trials is not a slice run --shard writes (at most {ShardSlice.MaxCount} shards of at most {TrialLimits.Max} trials; damaged header)");
                continue;
            }
            var (first, count) = h.Slice.Range(h.Trials);
            if (first != h.FirstTrial || count != h.Count)
                errors.Add($"shard {folder}: holds {h.TrialRange}, but shard {h.Slice} of {h.Trials} trials is trials {first}-{first + count - 1} (damaged header)");
        }
        if (errors.Count > 0) return;

        foreach (var group in shards.GroupBy(s => s.Reader.Header.Shard).Where(g => g.Count() > 1))
        {
            var h = group.First().Reader.Header;
            errors.Add($"shards {string.Join(" and ", group.Select(s => s.Folder))} overlap: each is shard {h.Slice} ({h.TrialRange}); give each shard once");
        }
        var present = shards.Select(s => s.Reader.Header.Shard).ToHashSet();
        const int listed = 20; // the first missing shards, then how many more: M may be 100,000
        var missing = 0;
        for (var k = 0; k < r.Shards; k++)
        {
            if (present.Contains(k) || ++missing > listed) continue;
            var (first, count) = new ShardSlice(k, r.Shards).Range(r.Trials);
            errors.Add($"missing shard {k}/{r.Shards} (trials {first}-{first + count - 1}) of run '{ShardHeader.Shown(r.Scenario)}' seed {r.Seed}, {r.Trials} trials; merge needs all {r.Shards}");
        }
        if (missing > listed) errors.Add($"and {missing - listed} more missing shards of the {r.Shards} of run '{ShardHeader.Shown(r.Scenario)}' seed {r.Seed}");
    }

    private static string NotAShardsValues(string folder, string problem) =>
        $"shard {folder}: {problem}; no run writes that (edited or damaged); run the shard again";

    private static SimulationResult? Read(Scenario scenario, List<(string Folder, ShardReader Reader)> shards, List<string> errors,
        CancellationToken cancellationToken)
    {
        var h = shards[0].Reader.Header;
        var rows = checked((int)h.Trials);
        var numeric = h.Numeric.Select(_ => GC.AllocateUninitializedArray<double>(rows)).ToArray();
        var categorical = h.Categorical.Select(_ => GC.AllocateUninitializedArray<byte>(rows)).ToArray();
        var quarterly = h.Quarterly.Select(q => q.Quarters.Select(_ => GC.AllocateUninitializedArray<double>(rows)).ToArray()).ToArray();
        var occupancy = h.Occupancy.Select(o => new long[o.Months * o.States.Length]).ToArray();
        // A run conditioned on history: the weights end to end, the weighted occupancy and the matches summed.
        var weights = h.History is null ? null : GC.AllocateUninitializedArray<double>(rows);
        var weighted = h.History is null ? null : h.Occupancy.Select(o => new Int128[o.Months * o.States.Length]).ToArray();
        var matches = h.History is { } history ? new long[history.Observations + 1] : [];
        foreach (var (folder, reader) in shards)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var first = (int)reader.Header.FirstTrial;
            var count = (int)reader.Header.Count;
            try
            {
                string? problem = null;
                for (var c = 0; c < numeric.Length; c++)
                {
                    reader.ReadDoubles(numeric[c].AsSpan(first, count));
                    problem ??= ShardValues.Numeric(h.Numeric[c], numeric[c].AsSpan(first, count), first);
                }
                for (var c = 0; c < categorical.Length; c++)
                {
                    reader.ReadBytes(categorical[c].AsSpan(first, count));
                    problem ??= ShardValues.Codes(h.Categorical[c], categorical[c].AsSpan(first, count), first);
                }
                foreach (var metric in quarterly)
                    foreach (var column in metric) reader.ReadDoubles(column.AsSpan(first, count));
                for (var o = 0; o < occupancy.Length; o++)
                {
                    var counts = occupancy[o];
                    var part = new long[counts.Length];
                    reader.ReadLongs(part);
                    problem ??= ShardValues.Occupancy(h.Occupancy[o], part, count);
                    for (var i = 0; i < counts.Length; i++) counts[i] += part[i];
                }
                if (weights is not null)
                {
                    var weightedPart = h.Occupancy.Select(o => new Int128[o.Months * o.States.Length]).ToArray();
                    var matchesPart = new long[matches.Length];
                    problem ??= reader.ReadWeights(weights, first, weightedPart, matchesPart);
                    for (var o = 0; o < weighted!.Length; o++)
                        for (var i = 0; i < weighted[o].Length; i++) weighted[o][i] += weightedPart[o][i];
                    for (var i = 0; i < matches.Length; i++) matches[i] += matchesPart[i];
                }
                if (!reader.VerifyChecksum()) errors.Add($"shard {folder}: damaged (its checksum does not match its contents); run the shard again");
                else if (problem is not null) errors.Add(NotAShardsValues(folder, problem));
            }
            catch (Exception e) when (e is IOException or EndOfStreamException)
            {
                errors.Add($"shard {folder}: cannot be read to the end: {e.Message}");
            }
        }
        if (errors.Count > 0) return null;

        return new SimulationResult(scenario, h.Seed, h.Trials,
            [.. h.Numeric.Select((c, i) => new NumericColumn(c.Name, numeric[i], c.IsBinary, c.IsWholeNumber))],
            [.. h.Categorical.Select((c, i) => new CategoricalColumn(c.Name, c.Categories, categorical[i]))],
            [.. h.Quarterly.Select((q, i) => new QuarterColumns(q.Metric, q.Quarters, quarterly[i]))],
            [.. h.Occupancy.Select((o, i) => new StateOccupancy(o.Actor, o.States, Month.Parse(o.Start), o.Months, occupancy[i], weighted?[i]))])
        {
            Weights = weights,
            ObservationMatches = weights is null ? default : [.. matches],
        }
            .WithSampling(SamplingBlock.Whole); // the shards are slices of one whole run: its inputs regenerate as one
    }
}
