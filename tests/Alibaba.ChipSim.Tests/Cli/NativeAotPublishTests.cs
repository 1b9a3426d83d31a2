using System.Diagnostics;
using System.Runtime.InteropServices;
using Alibaba.ChipSim.Tests.Support;
using Xunit.Abstractions;

namespace Alibaba.ChipSim.Tests.Cli;

/// <summary>
/// The CLI compiled ahead of time as a whole (<c>dotnet publish -r linux-x64 -p:PublishAot=true</c>, docs/performance.md,
/// "Native AOT") does what the JIT-compiled CLI beside the tests does, byte for byte: the same stdout and the same files
/// for run (every format), validate, snapshot, merge, diff and graph; bench, and a report. The sources are copied to a
/// temporary folder and published there, so that the publish never touches the build the tests run from.
/// </summary>
public sealed class NativeAotPublishTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_native_executable_gives_the_same_outputs_as_the_jit_compiled_cli()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            log.WriteLine("Native AOT is checked on linux-x64 only, the platform the project publishes for.");
            return;
        }
        var native = Publish();
        var jit = Path.Combine(AppContext.BaseDirectory, "chipsim");
        Assert.True(File.Exists(jit), $"the built chipsim is not beside the tests ({jit})");
        var scenarios = RepoRoot.Scenarios;
        var work = Path.Combine(_temp.Path, "work");
        Directory.CreateDirectory(work);

        // Every per-trial format, the summary printed as JSON, and the table (whose layout code Spectre reflects over).
        foreach (var (name, args) in new (string, string[])[]
        {
            ("json", ["run", Path.Combine(scenarios, "base.yaml"), "--trials", "3000", "--seed", "11", "--json", "--quiet"]),
            ("table", ["run", Path.Combine(scenarios, "fee-raised.yaml"), "--trials", "3000", "--seed", "11", "--quiet", "--target", "roi<0.1"]),
            ("history", ["run", Path.Combine(scenarios, "as-of-2026-06.yaml"), "--trials", "5000", "--json", "--quiet", "--sensitivity"]),
            ("streamed", ["run", Path.Combine(scenarios, "base.yaml"), "--trials", "20000", "--stream-above", "0", "--json", "--quiet"]),
            ("graph", ["graph", Path.Combine(scenarios, "base.yaml")]),
        })
        {
            var a = Run(native, args, work);
            var b = Run(jit, args, work);
            Assert.True(a.Code == 0, $"{name}: the native chipsim exited {a.Code}: {a.Error}");
            Assert.Equal(b.Code, a.Code);
            Assert.True(a.Output == b.Output, $"{name}: the native chipsim printed something else than the JIT-compiled one");
            Assert.NotEmpty(a.Output);
        }

        var formats = new[] { "--format", "csv", "--format", "parquet", "--format", "json" };
        var nativeOut = Path.Combine(work, "native");
        var jitOut = Path.Combine(work, "jit");
        Assert.Equal(0, Run(native, ["run", Path.Combine(scenarios, "base.yaml"), "--trials", "4000", "--out", nativeOut, .. formats, "--quiet"], work).Code);
        Assert.Equal(0, Run(jit, ["run", Path.Combine(scenarios, "base.yaml"), "--trials", "4000", "--out", jitOut, .. formats, "--quiet"], work).Code);
        foreach (var file in new[] { "summary.json", "summary.csv", "trials.csv", "quarters.csv", "trials.parquet" })
            Assert.True(File.ReadAllBytes(Path.Combine(nativeOut, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(jitOut, file))), $"{file} differs");
        var xlsx = Run(native, ["run", Path.Combine(scenarios, "base.yaml"), "--trials", "2000", "--out", Path.Combine(work, "xlsx"), "--format", "xlsx", "--quiet"], work);
        Assert.True(xlsx.Code == 0 && new FileInfo(Path.Combine(work, "xlsx", "run.xlsx")).Length > 0, $"xlsx: {xlsx.Error}");

        // Shards merged by the native executable: the one-process summary.
        for (var k = 0; k < 3; k++)
            Assert.Equal(0, Run(native, ["run", Path.Combine(scenarios, "fee-raised.yaml"), "--trials", "6001", "--seed", "7", "--shard", $"{k}/3", "--out", Path.Combine(work, $"shard-{k}"), "--quiet"], work).Code);
        var merge = Run(native, ["merge", Path.Combine(work, "shard-0"), Path.Combine(work, "shard-1"), Path.Combine(work, "shard-2"), "--out", Path.Combine(work, "merged"), "--format", "json"], work);
        Assert.True(merge.Code == 0, merge.Error);
        Assert.Equal(0, Run(jit, ["run", Path.Combine(scenarios, "fee-raised.yaml"), "--trials", "6001", "--seed", "7", "--out", Path.Combine(work, "one"), "--format", "json", "--quiet"], work).Code);
        Assert.True(File.ReadAllBytes(Path.Combine(work, "merged", "summary.json")).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(work, "one", "summary.json"))), "the merged summary differs");

        // diff of two run folders (paired), as the JIT-compiled CLI prints it.
        var diffArgs = new[] { "diff", nativeOut, jitOut };
        Assert.Equal(Run(jit, diffArgs, work).Output, Run(native, diffArgs, work).Output);

        // A snapshot written by the native executable is the committed one (its writer quotes strings without reflection).
        var snapshots = Path.Combine(work, "snapshots");
        Directory.CreateDirectory(snapshots);
        foreach (var file in new[] { "cap-75k.yaml", "base.yaml" }) File.Copy(Path.Combine(scenarios, file), Path.Combine(snapshots, file)); // it extends base.yaml
        var snapshot = Run(native, ["snapshot", "cap-75k.yaml"], snapshots);
        Assert.True(snapshot.Code == 0, snapshot.Error);
        Assert.Equal(File.ReadAllText(Path.Combine(scenarios, "cap-75k.snapshot.json")), File.ReadAllText(Path.Combine(snapshots, "cap-75k.snapshot.json")));

        // Bad input: the same positioned message and exit code 2.
        var bad = Path.Combine(work, "bad.yaml");
        File.WriteAllText(bad, "name: x\ncalendar: [1, 2\n");
        var nativeBad = Run(native, ["validate", bad], work);
        var jitBad = Run(jit, ["validate", bad], work);
        Assert.Equal(2, nativeBad.Code);
        Assert.Equal(jitBad.Error, nativeBad.Error);
        Assert.Contains("bad.yaml:", nativeBad.Error, StringComparison.Ordinal);

        // bench says how it was compiled, and --whole-process starts the native executable itself as its child.
        var bench = Run(native, ["bench", Path.Combine(scenarios, "bench", "base-first-wave.yaml"), "--trials", "2000", "--threads", "1", "--repeat", "1"], work);
        Assert.True(bench.Code == 0, bench.Error);
        Assert.Contains("(Native AOT),", bench.Output, StringComparison.Ordinal);
        var whole = Run(native, ["bench", Path.Combine(scenarios, "bench", "base-first-wave.yaml"), "--whole-process", "--trials", "2000", "--threads", "1", "--repeat", "1"], work);
        Assert.True(whole.Code == 0, whole.Error);
        Assert.Contains("2,000", whole.Output, StringComparison.Ordinal);

        // The report: its charts are drawn by SkiaSharp's native library beside the executable.
        var report = Run(native, ["report", Path.Combine(scenarios, "base.yaml"), "--trials", "2000", "--out", Path.Combine(work, "report"), "--date", "2026-12-03"], work);
        Assert.True(report.Code == 0, report.Error);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(work, "report"), "*.png"));
        Assert.Contains("<html", File.ReadAllText(Directory.GetFiles(Path.Combine(work, "report"), "*.html").Single()), StringComparison.Ordinal);
    }

    /// <summary>Copies the sources and the build settings to the temporary folder and publishes the CLI there with Native AOT.</summary>
    private string Publish()
    {
        var root = RepoRoot.Find();
        var copy = Path.Combine(_temp.Path, "repo");
        // The build settings, and the embedded base scenario (the library embeds scenarios/base.yaml).
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", Path.Combine("scenarios", "base.yaml") })
            if (File.Exists(Path.Combine(root, file))) File.Copy(Path.Combine(root, file), Path.Combine(copy, file).EnsureFolder());
        foreach (var source in Directory.EnumerateFiles(Path.Combine(root, "src"), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, source);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj")) continue;
            File.Copy(source, Path.Combine(copy, relative).EnsureFolder());
        }
        var output = Path.Combine(_temp.Path, "native");
        var publish = Run("dotnet", ["publish", Path.Combine(copy, "src", "Alibaba.ChipSim.Cli"), "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", output, "-nologo"],
            copy, TimeSpan.FromMinutes(20));
        log.WriteLine($"dotnet publish -p:PublishAot=true: exit {publish.Code}\n{publish.Output[^Math.Min(2000, publish.Output.Length)..]}");
        Assert.True(publish.Code == 0, $"the Native AOT publish failed:\n{publish.Output}\n{publish.Error}");
        var native = Path.Combine(output, "chipsim");
        Assert.True(File.Exists(native), "no native chipsim was published");
        Assert.False(File.Exists(Path.Combine(output, "chipsim.dll")), "the publish left an IL assembly: not a native executable");
        return native;
    }

    private static (int Code, string Output, string Error) Run(string file, string[] args, string folder, TimeSpan? limit = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit ?? TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}

internal static class PathFolders
{
    /// <summary>Creates the folder of <paramref name="path"/> if needed; returns the path.</summary>
    public static string EnsureFolder(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
