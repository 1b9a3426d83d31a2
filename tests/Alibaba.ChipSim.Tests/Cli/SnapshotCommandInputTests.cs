using System.Runtime.InteropServices;
using System.Text;
using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Cli;

/// <summary>
/// <c>snapshot</c> and <c>snapshot --check</c> on what a fuzzing session put where a snapshot belongs: a FIFO, a folder, a
/// device, a damaged or hostile file. Each is one line and an exit code, never a stack trace or raw terminal bytes.
/// </summary>
public sealed class SnapshotCommandInputTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public SnapshotCommandInputTests()
    {
        File.Copy(Path.Combine(RepoRoot.Scenarios, "base.yaml"), _dir.File("base.yaml"));
        _dir.Write("mine.yaml", "name: mine\nextends: base.yaml\nsimulation:\n  trials: 500\n");
    }

    public void Dispose() => _dir.Dispose();

    private string SnapshotPath => _dir.File("mine.snapshot.json");

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

    private (int Exit, string Out, string Err) Snapshot(bool check, string file = "mine.yaml")
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = SnapshotCommand.Run([file], check, threads: 1, _dir.Path, output, error);
        return (exit, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    private static void AssertNoTerminalControl(string text)
    {
        foreach (var c in text)
            Assert.False(c != '\n' && (char.IsControl(c) || c is '\u202E' or '\u200B'), $"U+{(int)c:X4} printed raw");
    }

    [Theory]
    [InlineData("fifo", false, "is not a regular file (a FIFO); chipsim reads only regular files")]
    [InlineData("fifo", true, "is not a regular file (a FIFO); chipsim reads only regular files")]
    [InlineData("folder", false, "is a folder, not a file")]
    [InlineData("folder", true, "is a folder, not a file")]
    [InlineData("/dev/zero", true, "is not a regular file (a character device); chipsim reads only regular files")]
    [InlineData("/dev/full", false, "is not a regular file (a character device); chipsim reads only regular files")]
    public void Something_other_than_a_file_where_the_snapshot_belongs_is_exit_2_before_anything_is_computed(string what, bool check, string message)
    {
        if (!OperatingSystem.IsLinux()) return; // mkfifo and /dev are POSIX; the check itself is covered on Linux CI
        if (what == "fifo") Assert.Equal(0, mkfifo(SnapshotPath, Convert.ToUInt32("600", 8)));
        else if (what == "folder") Directory.CreateDirectory(SnapshotPath);
        else File.CreateSymbolicLink(SnapshotPath, what);

        var (exit, output, error) = Snapshot(check);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal($"snapshot: mine.snapshot.json {message}\n", error);
        Assert.Equal(["base.yaml", "mine.snapshot.json", "mine.yaml"], Directory.GetFileSystemEntries(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        if (what == "folder") Assert.Empty(Directory.GetFileSystemEntries(SnapshotPath));
    }

    [Fact]
    public void A_link_to_nothing_is_a_missing_snapshot_and_writing_replaces_it()
    {
        File.CreateSymbolicLink(SnapshotPath, _dir.File("nowhere/none.json"));

        var (exit, output, _) = Snapshot(check: true);
        Assert.Equal(3, exit);
        Assert.StartsWith("missing mine.snapshot.json\n--- /dev/null\n", output, StringComparison.Ordinal);

        var (written, wrote, _) = Snapshot(check: false);
        Assert.Equal((0, "wrote mine.snapshot.json\n"), (written, wrote));
        Assert.Equal(0, Snapshot(check: true).Exit);
    }

    [Fact]
    public void A_snapshot_that_cannot_be_written_is_exit_1_naming_it()
    {
        // A scenario name of 245 characters fits the file system's 255; its snapshot's does not (the same for root).
        var name = new string('a', 245);
        _dir.Write(name + ".yaml", "name: long\nextends: base.yaml\nsimulation:\n  trials: 500\n");

        var (exit, output, error) = Snapshot(check: false, name + ".yaml");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.StartsWith($"snapshot: cannot write {name}.snapshot.json: ", error.Split('\n')[^2], StringComparison.Ordinal);
        Assert.DoesNotContain("exception", error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([name + ".yaml", "base.yaml", "mine.yaml"], Directory.GetFileSystemEntries(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, byte[], string> Damaged => new()
    {
        // A terminal title and colour in a JSON string: raw control characters are not JSON.
        { "escape", Encoding.UTF8.GetBytes("{\n  \"engine\": \"\u001b]0;PWNED\u0007\u001b[31mred\",\n  \"metrics\": {}\n}\n"), "mine.snapshot.json:2:14: not valid JSON" },
        { "binary", [0x7B, 0x00, 0xFF, 0xFE, 0x1B, 0x5B, 0x32, 0x4A, 0x00], "mine.snapshot.json: byte 3 is not UTF-8 text" },
        { "nul", new byte[64], "mine.snapshot.json:1:1: not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(Damaged))]
    public void A_snapshot_that_is_not_utf8_json_is_damaged_for_the_check_and_rewritten_by_snapshot(string name, byte[] content, string message)
    {
        File.WriteAllBytes(SnapshotPath, content);

        var (exit, output, error) = Snapshot(check: true);

        Assert.True(exit == 2, name);
        Assert.Equal("", output);
        Assert.Equal($"snapshot: {message}: the snapshot is damaged; run `chipsim snapshot` to rewrite it\n", error);
        var (written, wrote, _) = Snapshot(check: false);
        Assert.Equal((0, "wrote mine.snapshot.json\n"), (written, wrote));
        Assert.Equal(0, Snapshot(check: true).Exit);
    }

    [Fact]
    public void Characters_that_drive_a_terminal_in_a_stale_snapshot_are_shown_escaped_in_its_diff()
    {
        Assert.Equal(0, Snapshot(check: false).Exit);
        // Valid JSON: C1 controls (U+009B is CSI on an 8-bit terminal), DEL and bidi overrides may stand raw in a JSON string.
        var text = File.ReadAllText(SnapshotPath);
        File.WriteAllText(SnapshotPath, text.Replace("\"engine\": \"", "\"engine\": \"\u009B31m\u202Ered\u007F\u200B", StringComparison.Ordinal));

        var (exit, output, _) = Snapshot(check: true);

        Assert.Equal(3, exit);
        Assert.Contains("-  \"engine\": \"\\u009B31m\\u202Ered\\u007F\\u200B", output, StringComparison.Ordinal);
        AssertNoTerminalControl(output);
    }
}
