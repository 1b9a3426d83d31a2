using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Tests.Support;
using Xunit;

namespace Alibaba.ChipSim.Tests.Engine;

public sealed class ManagedHeapHugePagesTests
{
    // A GC reservation split by commits (rw-p / ---p), a file mapping before it, a thread stack's guard after a gap.
    private static readonly string[] Maps =
    [
        "55d0c0000000-55d0c0021000 r--p 00000000 08:01 1234                       /usr/bin/dotnet",
        "7f0000000000-7f0000200000 rw-p 00000000 00:00 0 ",
        "7f0000200000-7f0040000000 ---p 00000000 00:00 0 ",
        "7f0040000000-7f0040800000 rw-p 00000000 00:00 0",
        "7f0040800000-7f0800000000 ---p 00000000 00:00 0 ",
        "7f0800001000-7f0800002000 ---p 00000000 00:00 0 ",
        "7f0800002000-7f0800802000 rw-p 00000000 00:00 0 ",
    ];

    [Fact]
    public void The_span_is_every_contiguous_anonymous_mapping_around_the_address_in_whole_huge_pages()
    {
        var span = ManagedHeapHugePages.HeapSpan(Maps, 0x7f0040000100);
        Assert.Equal((0x7f0000000000UL, 0x7f0800000000UL - 0x7f0000000000UL), span);
    }

    [Fact]
    public void Partial_huge_pages_at_either_end_are_left_out()
    {
        string[] maps = ["7f0000001000-7f0000200000 rw-p 00000000 00:00 0", "7f0000200000-7f0080100000 ---p 00000000 00:00 0"];
        Assert.Equal((0x7f0000200000UL, 0x7f0080000000UL - 0x7f0000200000UL), ManagedHeapHugePages.HeapSpan(maps, 0x7f0000001000));
    }

    [Theory]
    [InlineData(0x55d0c0000100UL)] // inside a file mapping
    [InlineData(0x7f0800002100UL)] // an anonymous run of 8 MB: not a heap reservation
    [InlineData(0x1000UL)]         // in no mapping
    public void No_span_outside_a_large_anonymous_run(ulong address) =>
        Assert.Null(ManagedHeapHugePages.HeapSpan(Maps, address));

    [Fact]
    public void Malformed_lines_are_skipped() =>
        Assert.Equal((0x7f0000000000UL, 0x40000000UL),
            ManagedHeapHugePages.HeapSpan(["garbage", "", "zz-yy rw-p 0 00:00 0", "7f0000000000-7f0040000000 rw-p 00000000 00:00 0"], 0x7f0000000010));

    [Theory]
    [InlineData(true, new[] { "0110010100000000000000000000000010000000" })] // this project's VM: stats, deflate on OOM, reporting
    [InlineData(false, new[] { "0110000100000000000000000000000010000000" })] // a balloon without free page reporting
    [InlineData(true, new[] { "01100001", "00000100" })]                      // a second device that reports
    [InlineData(false, new[] { "0110" })]                                     // too short to say
    [InlineData(false, new string[0])]                                        // no balloon at all
    public void Free_page_reporting_is_feature_bit_five_of_a_balloon_device(bool reports, string[] features) =>
        Assert.Equal(reports, ManagedHeapHugePages.ReportsFreePages(features));

    [Fact]
    public void On_Linux_the_span_holds_the_managed_heap()
    {
        if (!OperatingSystem.IsLinux()) return;
        var array = GC.AllocateUninitializedArray<double>(1 << 20, pinned: true);
        var address = (ulong)System.Runtime.InteropServices.Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
        var span = ManagedHeapHugePages.HeapSpan(File.ReadLines("/proc/self/maps"), address);
        Assert.NotNull(span);
        var (start, length) = span.Value;
        Assert.InRange(address, start, start + length - 1);
        Assert.Equal(0UL, start % (2 * 1024 * 1024));
        Assert.True(length >= 1UL << 30, $"a heap reservation of {length >> 20} MB");
        GC.KeepAlive(array);
    }

    private static byte[] SummaryWithHugePages(string folder, string choice) =>
        CliSummary.Run(folder, 20000, 4, new Dictionary<string, string> { ["CHIPSIM_HUGE_PAGES"] = choice });

    [Fact]
    public void A_run_writes_the_same_summary_with_the_hint_forced_on_left_to_the_machine_and_turned_off()
    {
        using var temp = new TempFolder();
        var on = SummaryWithHugePages(temp.File("on"), "1");
        Assert.Equal(on, SummaryWithHugePages(temp.File("auto"), ""));
        Assert.Equal(on, SummaryWithHugePages(temp.File("off"), "0"));
    }
}
