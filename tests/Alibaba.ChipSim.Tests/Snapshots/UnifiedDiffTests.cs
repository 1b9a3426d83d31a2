using Alibaba.ChipSim.Snapshots;
using Alibaba.ChipSim.Output;

namespace Alibaba.ChipSim.Tests.Snapshots;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void Equal_texts_have_no_diff() =>
        Assert.Equal("", UnifiedDiff.Compute("a\nb\n", "a\r\nb\r\n", "old", "new"));

    [Fact]
    public void A_changed_line_shows_as_a_removal_and_an_addition_with_three_lines_of_context()
    {
        var old = string.Join("\n", Enumerable.Range(1, 10).Select(i => $"line {i}")) + "\n";
        var @new = old.Replace("line 5\n", "line five\n");

        // Line 5 changed: context lines 2–4 and 6–8, so the hunk covers lines 2–8 on both sides (7 lines).
        Assert.Equal(
            "--- a.json\n+++ b.json\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+line five\n line 6\n line 7\n line 8\n",
            UnifiedDiff.Compute(old, @new, "a.json", "b.json"));
    }

    [Fact]
    public void Distant_changes_make_separate_hunks_and_near_ones_share_one()
    {
        var old = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"{i}")) + "\n";
        var @new = old.Replace("\n2\n", "\ntwo\n").Replace("\n4\n", "\nfour\n").Replace("\n18\n", "\neighteen\n");
        var diff = UnifiedDiff.Compute(old, @new, "a", "b");

        // Changes at 2 and 4 are 1 line apart (≤ 6): one hunk over lines 1–7; the change at 18 gets lines 15–20.
        Assert.Equal(["@@ -1,7 +1,7 @@", "@@ -15,6 +15,6 @@"], diff.Split('\n').Where(l => l.StartsWith("@@", StringComparison.Ordinal)).ToArray());
    }

    [Fact]
    public void Added_and_removed_lines_are_counted_on_their_own_side()
    {
        var diff = UnifiedDiff.Compute("a\nb\nc\n", "a\nc\nd\n", "x", "y");
        Assert.Equal("--- x\n+++ y\n@@ -1,3 +1,3 @@\n a\n-b\n c\n+d\n", diff);
    }
}
