using System.CommandLine;
using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Cli.Running;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Output.Scoring;
using Alibaba.ChipSim.Tests.Support;
using Parquet;
using Parquet.Schema;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

/// <summary>A run folder of 200 trials of the base scenario (trials.csv, trials.parquet, summary.json), made once for <see cref="HostileRunFolderTests"/>.</summary>
public sealed class SmallRunFolder : IDisposable
{
    private readonly TempFolder _root = new();

    public SmallRunFolder()
    {
        var settings = new RunSettings(200, 7, 0, _root.Path, ["csv", "parquet"], Quiet: true, Json: false);
        var error = new StringWriter();
        var exit = RunCommand.Execute([Path.Combine(RepoRoot.Scenarios, "base.yaml")], settings, new TestConsole(), new StringWriter(), error, outputRedirected: true);
        Assert.True(exit == 0, error.ToString());
        Folder = Directory.GetFiles(_root.Path, "summary.json", SearchOption.AllDirectories).Select(Path.GetDirectoryName).Single()!;
    }

    public string Folder { get; }

    /// <summary>A copy of the run folder at <paramref name="destination"/> (made once), for a test to damage.</summary>
    public string CopyTo(string destination)
    {
        if (Directory.Exists(destination)) return destination;
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(Folder)) File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        return destination;
    }

    public void Dispose() => _root.Dispose();
}

/// <summary>
/// Regression tests of the fuzzing of <c>chipsim diff</c> and <c>chipsim score</c>: a damaged run folder (a bad cell, rows
/// that disagree with summary.json, a FIFO or device for a file, a file that is not JSON) is exit 2 with a one-line message
/// naming the file, line and column, and quoting nothing of it; never a hang, a stack trace or a score of garbage.
/// </summary>
public sealed class HostileRunFolderTests(SmallRunFolder run) : IClassFixture<SmallRunFolder>, IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Actuals => Path.Combine(RepoRoot.Scenarios, "actuals", "actuals-2026.yaml");

    private string Good => run.CopyTo(_dir.File("good"));

    private string Damaged => run.CopyTo(_dir.File("damaged"));

    /// <summary>Runs <c>chipsim diff GOOD FOLDER</c> or <c>chipsim score FOLDER ACTUALS</c>; fails rather than hangs after a minute.</summary>
    private (int Exit, string Out, string Err) Chipsim(string command, string folder) =>
        Invoke(command == "diff" ? ["diff", Good, folder] : ["score", folder, Actuals, "--json"]);

    private static (int Exit, string Out, string Err) Invoke(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 220;
        var error = new StringWriter();
        var root = new RootCommand { DiffCommand.Build(console, error), ScoreCommand.Build(console, error) };
        var command = args[0];
        var invocation = Task.Run(() => root.Parse(args).Invoke());
        Assert.True(invocation.Wait(TimeSpan.FromMinutes(1)), $"chipsim {command} hung");
        return (invocation.Result, console.Output, error.ToString());
    }

    /// <summary>Sets the field of <paramref name="column"/> on line <paramref name="line"/> of trials.csv; returns its 1-based character column.</summary>
    private static int SetCell(string folder, int line, string column, string value)
    {
        var file = Path.Combine(folder, PairedTrials.CsvFileName);
        var lines = File.ReadAllLines(file);
        var index = Array.IndexOf(lines[0].Split(','), column);
        var fields = lines[line - 1].Split(',');
        var at = fields.Take(index).Sum(f => f.Length + 1) + 1;
        fields[index] = value;
        lines[line - 1] = string.Join(',', fields);
        File.WriteAllText(file, string.Join('\n', lines) + "\n");
        return at;
    }

    private static void EditLines(string folder, Func<string[], IEnumerable<string>> edit)
    {
        var file = Path.Combine(folder, PairedTrials.CsvFileName);
        File.WriteAllText(file, string.Join('\n', edit(File.ReadAllLines(file))) + "\n");
    }

    private static void AssertRefused((int Exit, string Out, string Err) result, string command, string expected)
    {
        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Out);
        Assert.StartsWith(command + ": " + expected, result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Err, StringComparison.Ordinal);
        Assert.Single(result.Err.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("diff", "1e999", "not a finite number")]
    [InlineData("score", "1e999", "not a finite number")]
    [InlineData("diff", "NaN", "not a finite number")]
    [InlineData("score", "NaN", "not a finite number")]
    [InlineData("diff", "-Infinity", "not a finite number")]
    [InlineData("score", "-Infinity", "not a finite number")]
    [InlineData("diff", "hello", "not a number")]
    [InlineData("score", "hello", "not a number")]
    public void A_cell_that_is_not_a_finite_number_is_refused_naming_its_line_and_column(string command, string cell, string problem)
    {
        var damaged = Damaged;
        var at = SetCell(damaged, 6, RunScorer.FirstDeliveryMetric, cell);

        var result = Chipsim(command, damaged);

        var file = Path.Combine(damaged, PairedTrials.CsvFileName);
        AssertRefused(result, command, $"{file}:6:{at}: {RunScorer.FirstDeliveryMetric}: {problem}");
        Assert.DoesNotContain(cell, result.Err.Replace(file, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("diff")]
    [InlineData("score")]
    public void An_empty_cell_is_an_undefined_value_and_still_read(string command)
    {
        var folder = Good;
        // roi is undefined (empty) in a trial without a purchase: the run writes such cells itself; make sure there is one.
        SetCell(folder, 3, "roi", "");

        var result = Chipsim(command, folder);

        Assert.Equal(0, result.Exit);
        Assert.Equal("", result.Err);
    }

    [Theory]
    [InlineData("diff")]
    [InlineData("score")]
    public void Rows_that_disagree_with_summary_json_are_refused(string command)
    {
        var fewer = Damaged;
        EditLines(fewer, lines => lines.Take(100));
        var file = Path.Combine(fewer, PairedTrials.CsvFileName);
        AssertRefused(Chipsim(command, fewer), command, $"{file}:101: the file ends here after 99 trials, but its summary.json counts 200");

        Directory.Delete(fewer, recursive: true);
        var swapped = Damaged;
        EditLines(swapped, lines => [.. lines[..5], lines[6], lines[5], .. lines[7..]]);
        AssertRefused(Chipsim(command, swapped), command, $"{file}:6:1: expected trial 4");

        Directory.Delete(swapped, recursive: true);
        var renumbered = Damaged;
        SetCell(renumbered, 6, "trial", "999999");
        AssertRefused(Chipsim(command, renumbered), command, $"{file}:6:1: expected trial 4");

        Directory.Delete(renumbered, recursive: true);
        var more = Damaged;
        EditLines(more, lines => [.. lines, "200" + lines[^1][lines[^1].IndexOf(',', StringComparison.Ordinal)..]]);
        AssertRefused(Chipsim(command, more), command, $"{file}:202: a row after the 200 trials its summary.json counts");
    }

    [Theory]
    [InlineData("diff", "trials.csv")]
    [InlineData("score", "trials.csv")]
    [InlineData("diff", "trials.parquet")]
    [InlineData("score", "trials.parquet")]
    public void A_per_trial_file_that_is_a_fifo_is_refused_instead_of_hanging(string command, string name)
    {
        var damaged = Damaged;
        File.Delete(Path.Combine(damaged, PairedTrials.CsvFileName));
        var fifo = Path.Combine(damaged, name);
        File.Delete(fifo);
        if (!Fifo.TryCreate(fifo)) return;

        AssertRefused(Chipsim(command, damaged), command, $"{fifo} is not a regular file (a FIFO)");
    }

    [Theory]
    [InlineData("diff")]
    [InlineData("score")]
    public void A_trials_csv_linked_to_dev_zero_is_refused_without_reading_it(string command)
    {
        if (!File.Exists("/dev/zero")) return; // Linux
        var damaged = Damaged;
        var file = Path.Combine(damaged, PairedTrials.CsvFileName);
        File.Delete(file);
        File.CreateSymbolicLink(file, "/dev/zero");

        AssertRefused(Chipsim(command, damaged), command, $"{file} is not a regular file (a character device)");
    }

    [Theory]
    [InlineData("diff")]
    [InlineData("score")]
    public void A_line_longer_than_the_limit_is_refused(string command)
    {
        var damaged = Damaged;
        var file = Path.Combine(damaged, PairedTrials.CsvFileName);
        EditLines(damaged, lines => [lines[0], new string('7', TrialsCsvReader.MaxLineLength + 1)]);

        AssertRefused(Chipsim(command, damaged), command, $"{file}:2: a line longer than");
    }

    [Theory]
    [InlineData("diff")]
    [InlineData("score")]
    public void A_trials_csv_of_only_a_header_or_of_nul_bytes_says_so(string command)
    {
        var headerOnly = Damaged;
        var file = Path.Combine(headerOnly, PairedTrials.CsvFileName);
        EditLines(headerOnly, lines => lines.Take(1));
        AssertRefused(Chipsim(command, headerOnly), command, $"{file}:2: the file ends after its header row: no trials");

        File.WriteAllBytes(file, new byte[100]);
        AssertRefused(Chipsim(command, headerOnly), command, $"{file}:1: no \"trial\" column");

        if (!File.Exists("/proc/self/status")) return; // Linux
        File.Delete(file);
        File.CreateSymbolicLink(file, "/proc/self/status");
        AssertRefused(Chipsim(command, headerOnly), command, $"{file} reports a size of 0 bytes yet has content");
    }

    /// <summary>A run folder of 2 trials whose trials.parquet holds <paramref name="second"/> for trial 1, its summary.json counting <paramref name="trials"/>.</summary>
    private async Task<string> ParquetFolder(string name, double second, long trials = 2)
    {
        var folder = _dir.File(name);
        Directory.CreateDirectory(folder);
        var trial = new DataField<long>("trial");
        var months = new DataField<double?>(RunScorer.FirstDeliveryMetric);
        await using (var stream = File.Create(Path.Combine(folder, PairedTrials.ParquetFileName)))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(trial, months), stream))
        using (var group = writer.CreateRowGroup())
        {
            await group.WriteAsync<long>(trial, new long[] { 0, 1 });
            await group.WriteAsync<double>(months, new double?[] { 3, second });
        }
        _dir.Write(name + "/summary.json", string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $$"""{ "scenario": "hand", "scenario_sha256": "0", "seed": 7, "trials": {{trials}}, "engine": "t", "metrics": { "{{RunScorer.FirstDeliveryMetric}}": { "count": 2, "mean": 3, "se": 0 } } }"""));
        return folder;
    }

    [Fact]
    public async Task A_trials_parquet_with_an_infinity_or_other_than_the_summarys_trial_count_is_refused()
    {
        var infinite = await ParquetFolder("inf", double.PositiveInfinity);
        var file = Path.Combine(infinite, PairedTrials.ParquetFileName);
        AssertRefused(Invoke("score", infinite, Actuals), "score", $"{file}: trial 1: {RunScorer.FirstDeliveryMetric}: not a finite number");
        AssertRefused(Invoke("diff", await ParquetFolder("twin", 4), infinite), "diff", $"{file}: trial 1: {RunScorer.FirstDeliveryMetric}: not a finite number");

        var longer = await ParquetFolder("longer", 4, trials: 3);
        file = Path.Combine(longer, PairedTrials.ParquetFileName);
        AssertRefused(Invoke("score", longer, Actuals), "score", $"{file}: 2 trials, but its summary.json counts 3");
        var twin = await ParquetFolder("longer_twin", 4, trials: 3);
        AssertRefused(Invoke("diff", twin, longer), "diff", $"{Path.Combine(twin, PairedTrials.ParquetFileName)}: 2 trials, but its summary.json counts 3");
    }

    [Theory]
    [InlineData("diff")]
    [InlineData("score")]
    public void A_truncated_trials_parquet_is_refused_naming_it(string command)
    {
        var damaged = Damaged;
        File.Delete(Path.Combine(damaged, PairedTrials.CsvFileName));
        var file = Path.Combine(damaged, PairedTrials.ParquetFileName);
        var bytes = File.ReadAllBytes(file);
        // The first half and the footer's last 8 bytes (its length and magic): the reader finds a footer of garbage.
        File.WriteAllBytes(file, [.. bytes[..(bytes.Length / 2)], .. bytes[^8..]]);

        AssertRefused(Chipsim(command, damaged), command, $"{file}: not a readable Parquet file (truncated or damaged");
    }
}
