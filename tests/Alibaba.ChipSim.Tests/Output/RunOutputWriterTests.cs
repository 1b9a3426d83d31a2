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
