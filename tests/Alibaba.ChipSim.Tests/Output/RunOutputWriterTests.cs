using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Output;

public sealed class RunOutputWriterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "chipsim-output-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static (SimulationResult Result, RunSummary Summary) Run()
    {
        var result = HandMadeResults.FourTrials();
        return (result, SummaryBuilder.Build(result));
    }

    private static string[] FilesIn(string dir) => Directory.GetFiles(dir).Select(Path.GetFileName).Order().ToArray()!;

    [Fact]
    public void Default_formats_write_the_summary_and_both_csv_files()
    {
        var (result, summary) = Run();
        var dir = Path.Combine(_root, "base");

        var written = RunOutputWriter.Write(dir, result, summary);

        Assert.Equal(["quarters.csv", "summary.csv", "summary.json", "trials.csv"], FilesIn(dir));
        Assert.Equal(4, written.Count);
        Assert.Equal(SummaryJsonWriter.ToJson(summary), File.ReadAllText(Path.Combine(dir, "summary.json")));
        Assert.Equal(summary.Metric("cost_cny"), SummaryJsonReader.ReadFile(Path.Combine(dir, "summary.json")).Metric("cost_cny"));
        Assert.Equal(summary.Metric("roi"), SummaryJsonReader.ReadFile(dir).Metric("roi")); // a run folder reads as its summary
    }

    [Fact]
    public void The_summary_is_written_even_when_no_format_asks_for_it()
    {
        var (result, summary) = Run();

        RunOutputWriter.Write(_root, result, summary, OutputFormats.None);

        Assert.Equal(["summary.csv", "summary.json"], FilesIn(_root));
    }

    [Fact]
    public void A_writer_failing_midway_leaves_no_file_and_keeps_the_previous_run()
    {
        var (result, summary) = Run();
        RunOutputWriter.Write(_root, result, summary);
        var before = File.ReadAllText(Path.Combine(_root, "trials.csv"));
        IRunFileWriter[] writers = [new SummaryJsonWriter(), new TrialsCsvWriter(), new FailingWriter()];

        Assert.Throws<IOException>(() => RunOutputWriter.Write(_root, result, summary with { Trials = 99 }, OutputFormats.Csv, writers));

        Assert.Equal(["quarters.csv", "summary.csv", "summary.json", "trials.csv"], FilesIn(_root)); // no temporary file left behind
        Assert.Equal(before, File.ReadAllText(Path.Combine(_root, "trials.csv")));
        Assert.Equal(4, SummaryJsonReader.ReadFile(Path.Combine(_root, "summary.json")).Trials);
    }

    [Fact]
    public void A_failed_write_into_a_new_folder_removes_the_folder()
    {
        var (result, summary) = Run();
        var dir = Path.Combine(_root, "new");
        Directory.CreateDirectory(_root);

        Assert.Throws<IOException>(() => RunOutputWriter.Write(dir, result, summary, OutputFormats.Csv, [new TrialsCsvWriter(), new FailingWriter()]));

        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void A_cancelled_write_leaves_no_file()
    {
        var (result, summary) = Run();
        Directory.CreateDirectory(_root);
        using var cancellation = new CancellationTokenSource();
        IRunFileWriter[] writers = [new SummaryJsonWriter(), new CancellingWriter(cancellation), new TrialsCsvWriter()];

        Assert.ThrowsAny<OperationCanceledException>(() =>
            RunOutputWriter.Write(_root, result, summary, OutputFormats.Csv, writers, cancellation.Token));

        Assert.Empty(FilesIn(_root));
    }

    private static string[] AllEntries(string dir) =>
        Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    private static Dictionary<string, string> Contents(string dir) =>
        Directory.GetFiles(dir).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllText);

    [Fact]
    public void A_failed_rename_of_quarters_csv_rolls_back_the_files_already_renamed()
    {
        // Given an earlier run in the folder, and quarters.csv that cannot be replaced (a folder of that name).
        var (result, summary) = Run();
        RunOutputWriter.Write(_root, result, summary, OutputFormats.Json);
        File.WriteAllText(Path.Combine(_root, "trials.csv"), "earlier run\n");
        Directory.CreateDirectory(Path.Combine(_root, "quarters.csv"));
        var before = Contents(_root);

        // When a new run is written, the rename of quarters.csv fails after summary.json and trials.csv moved in.
        Assert.ThrowsAny<IOException>(() => RunOutputWriter.Write(_root, result, summary with { Trials = 99 }, OutputFormats.Csv));

        // Then the folder holds the earlier run, whole, and no temporary file.
        Assert.Equal(before, Contents(_root));
        Assert.Equal(["quarters.csv", "summary.csv", "summary.json", "trials.csv"], AllEntries(_root));
    }

    [Fact]
    public void A_run_in_another_format_replaces_the_earlier_runs_files_so_the_folder_never_mixes_two_runs()
    {
        var (result, summary) = Run();
        RunOutputWriter.Write(_root, result, summary, OutputFormats.Csv);

        RunOutputWriter.Write(_root, result, summary, OutputFormats.Json);

        Assert.Equal(["summary.csv", "summary.json"], FilesIn(_root));
    }

    [Fact]
    public void Stale_temporary_files_of_a_dead_process_are_removed_by_the_next_run_and_a_live_ones_are_kept()
    {
        var (result, summary) = Run();
        Directory.CreateDirectory(_root);
        // pid 2^22 + 1 is above Linux's pid_max ceiling (2^22): no process has it.
        var dead = Path.Combine(_root, ".trials.csv.4194305-2.tmp");
        var alive = Path.Combine(_root, $".trials.csv.{Environment.ProcessId}-999999.tmp");
        var foreign = Path.Combine(_root, ".notes.tmp");
        foreach (var f in new[] { dead, alive, foreign }) File.WriteAllText(f, "partial");

        RunOutputWriter.Write(_root, result, summary);

        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(alive)); // this process's own (another writer may be at work in it)
        Assert.True(File.Exists(foreign)); // not a name chipsim makes
    }

    [Theory]
    [InlineData(".trials.csv.123-4.tmp", 123)]
    [InlineData(".summary.json.77-1.old", 77)]
    [InlineData(".trials.csv.tmp", null)]
    [InlineData("trials.csv.123-4.tmp", null)]
    [InlineData(".x.abc-1.tmp", null)]
    public void The_owner_of_a_temporary_file_is_read_from_its_name(string name, int? pid) =>
        Assert.Equal(pid, RunOutputWriter.OwnerPid(name));

    [Fact]
    public void With_several_folders_one_that_cannot_be_written_stops_all_before_any_is_written()
    {
        var (result, summary) = Run();
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "blocked"), "a file where a folder should go");
        var folders = new[]
        {
            new RunOutputFolder(Path.Combine(_root, "first"), result, summary),
            new RunOutputFolder(Path.Combine(_root, "blocked"), result, summary),
        };

        Assert.ThrowsAny<IOException>(() => RunOutputWriter.WriteAll(folders, OutputFormats.Csv, RunFileWriters.All));

        Assert.Equal(["blocked"], AllEntries(_root));
    }

    [Fact]
    public void A_run_cancelled_from_the_engines_progress_after_work_started_leaves_the_folder_as_before_and_no_temporary_file()
    {
        // Given an earlier run in the folder.
        var (earlier, earlierSummary) = Run();
        RunOutputWriter.Write(_root, earlier, earlierSummary);
        var before = Contents(_root);

        // When the run is cancelled once the engine reports trials done (as a signal mid-run does) ...
        using var cancel = new CancellationTokenSource();
        var reported = new ProgressThatCancels(cancel);
        var scenario = Alibaba.ChipSim.Scenarios.ScenarioLoader.LoadEmbeddedBase().Scenario!;
        var options = new RunOptions { Trials = 200_000, Seed = 5, Threads = 2, CancellationToken = cancel.Token, Progress = reported };
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            var result = SimulationEngine.Run(scenario, options);
            RunOutputWriter.Write(_root, result, SummaryBuilder.Build(result), OutputFormats.Csv, cancel.Token);
        });

        // ... work had started, and the folder is exactly as before.
        Assert.True(reported.First > 0);
        Assert.Equal(before, Contents(_root));
        Assert.Equal(["quarters.csv", "summary.csv", "summary.json", "trials.csv"], AllEntries(_root));
    }

    [Fact]
    public void A_write_cancelled_after_the_first_file_was_staged_keeps_the_earlier_run_whole()
    {
        var (result, summary) = Run();
        RunOutputWriter.Write(_root, result, summary);
        var before = Contents(_root);
        using var cancellation = new CancellationTokenSource();
        IRunFileWriter[] writers = [new SummaryJsonWriter(), new TrialsCsvWriter(), new CancellingWriter(cancellation)];

        Assert.ThrowsAny<OperationCanceledException>(() =>
            RunOutputWriter.Write(_root, result, summary with { Trials = 99 }, OutputFormats.Csv, writers, cancellation.Token));

        Assert.Equal(before, Contents(_root));
        Assert.Equal(["quarters.csv", "summary.csv", "summary.json", "trials.csv"], AllEntries(_root));
    }

    /// <summary>Cancels at the engine's first report of trials done (after work has started, never before).</summary>
    private sealed class ProgressThatCancels(CancellationTokenSource cancel) : IProgress<long>
    {
        private long _first;

        public long First => Interlocked.Read(ref _first);

        public void Report(long value)
        {
            if (value > 0 && Interlocked.CompareExchange(ref _first, value, 0) == 0) cancel.Cancel();
        }
    }

    /// <summary>Writes half a file, then fails as a full disk would.</summary>
    private sealed class FailingWriter : IRunFileWriter
    {
        public string FileName => "quarters.csv";

        public OutputFormats Format => OutputFormats.Csv;

        public void Write(Stream stream, SimulationResult result, RunSummary summary, CancellationToken cancellationToken)
        {
            stream.Write("quarter,metric\n"u8);
            throw new IOException("No space left on device");
        }
    }

    /// <summary>Cancels the run while writing its own file (as Ctrl+C during a long export would).</summary>
    private sealed class CancellingWriter(CancellationTokenSource cancellation) : IRunFileWriter
    {
        public string FileName => "quarters.csv";

        public OutputFormats Format => OutputFormats.Csv;

        public void Write(Stream stream, SimulationResult result, RunSummary summary, CancellationToken cancellationToken)
        {
            stream.Write("quarter,metric\n"u8);
            cancellation.Cancel();
        }
    }
}
