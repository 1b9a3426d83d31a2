using Alibaba.ChipSim.Engine;
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
}
