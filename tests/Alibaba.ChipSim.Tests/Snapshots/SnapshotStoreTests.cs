using Alibaba.ChipSim.Snapshots;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Snapshots;

public sealed class SnapshotStoreTests
{
    private const string Fresh = "{\n  \"metrics\": {\n    \"x\": {\"count\": 1, \"mean\": 2}\n  }\n}\n";

    [Fact]
    public void A_written_snapshot_checks_as_up_to_date_and_leaves_no_temporary_file()
    {
        using var dir = new TempFolder();
        var path = dir.File("base.snapshot.json");
        SnapshotStore.Write(path, Fresh);

        Assert.True(SnapshotStore.Check(path, Fresh).UpToDate);
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Line_endings_alone_do_not_make_a_snapshot_stale()
    {
        using var dir = new TempFolder();
        var path = dir.File("base.snapshot.json");
        File.WriteAllText(path, Fresh.Replace("\n", "\r\n"));

        Assert.True(SnapshotStore.Check(path, Fresh).UpToDate);
    }

    [Fact]
    public void A_stale_snapshot_shows_the_moved_figure_as_a_unified_diff()
    {
        using var dir = new TempFolder();
        var path = dir.File("base.snapshot.json");
        SnapshotStore.Write(path, Fresh);

        var check = SnapshotStore.Check(path, Fresh.Replace("\"mean\": 2", "\"mean\": 3"));

        Assert.False(check.UpToDate);
        Assert.Contains("-    \"x\": {\"count\": 1, \"mean\": 2}\n+    \"x\": {\"count\": 1, \"mean\": 3}\n", check.Diff, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_snapshot_is_not_up_to_date_and_its_diff_adds_every_line()
    {
        using var dir = new TempFolder();
        var check = SnapshotStore.Check(dir.File("none.snapshot.json"), Fresh);

        Assert.False(check.Exists);
        Assert.False(check.UpToDate);
        Assert.StartsWith("--- /dev/null\n", check.Diff, StringComparison.Ordinal);
        Assert.Equal(5, check.Diff.Split('\n').Count(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_folder_where_the_snapshot_belongs_is_refused_not_reported_missing()
    {
        using var dir = new TempFolder();
        var path = dir.File("base.snapshot.json");
        Directory.CreateDirectory(path);

        var e = Assert.Throws<InvalidDataException>(() => SnapshotStore.Check(path, Fresh));

        Assert.Equal($"{path} is a folder, not a file", e.Message);
    }

    [Fact]
    public void A_snapshot_that_is_not_json_is_damaged_and_never_up_to_date()
    {
        using var dir = new TempFolder();
        var path = dir.File("base.snapshot.json");
        File.WriteAllText(path, "<<<<<<< HEAD\n" + Fresh);

        var e = Assert.Throws<InvalidDataException>(() => SnapshotStore.Check(path, Fresh));

        Assert.Equal($"{path}:1:1: not valid JSON: the snapshot is damaged; run `chipsim snapshot` to rewrite it", e.Message);
        Assert.False(SnapshotStore.UpToDate(path, File.ReadAllBytes(path), Fresh));
    }
}
