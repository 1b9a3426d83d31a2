using System.Globalization;
using System.Runtime.InteropServices;

namespace Alibaba.ChipSim.Engine;

/// <summary>
/// On Linux with transparent huge pages in <c>madvise</c> mode (the default of most distributions), asks the kernel
/// once per process for 2 MB pages over the address range the .NET GC reserved for its heap (madvise MADV_HUGEPAGE).
/// The kernel then faults fresh heap memory in 2 MB at a time instead of 4 KB: a million-trial run takes ~17,000 page
/// faults instead of ~152,000, and about a second less CPU on a 2-core VM (docs/performance.md, "Page faults").
/// A hint only: the kernel may decline it, and nothing changes in the results.
/// Not given by default in a virtual machine whose kernel reports free memory to the hypervisor (a virtio balloon with
/// free page reporting, as Firecracker and many clouds use): the host takes reported memory back, and a 2 MB page can
/// only come from the large free blocks that were reported, so every one must be handed out by the host again, while
/// 4 KB pages come first from small free fragments the host still backs (on the 2-core VM a cold million-trial run
/// took 2.14 s with the hint against 1.52 s without; docs/performance.md, "Page faults").
/// <c>CHIPSIM_HUGE_PAGES=1</c> gives the hint there too, <c>CHIPSIM_HUGE_PAGES=0</c> never gives it.
/// </summary>
/// <remarks>
/// The GC reserves its heap as one anonymous mapping and commits pieces of it as it grows; the pieces are split
/// mappings of the same range. The range is found in <c>/proc/self/maps</c> as the run of contiguous anonymous
/// mappings around a pinned array's address. A hint on each column alone was measured first and kept ~65,000 faults:
/// a column rarely starts on a 2 MB boundary, and the statistics' scratch memory is not a column.
/// </remarks>
internal static partial class ManagedHeapHugePages
{
    private const int MadviseHugePage = 14;
    private const ulong HugePage = 2 * 1024 * 1024;

    /// <summary>A range smaller than this is not the GC's reservation (which is tens of GB on 64-bit Linux).</summary>
    private const ulong SmallestHeapReservation = 1UL << 30;

    private static int _advised;

    /// <summary>Gives the hint, once per process; false when it was not given (another OS, another mode, turned off, range not found).</summary>
    public static bool Advise()
    {
        if (Interlocked.Exchange(ref _advised, 1) == 1) return false;
        if (!OperatingSystem.IsLinux()) return false;
        var chosen = Environment.GetEnvironmentVariable("CHIPSIM_HUGE_PAGES");
        if (chosen == "0") return false;
        try
        {
            if (chosen != "1" && ReportsFreePages(BalloonFeatures())) return false;
            if (!File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled").Contains("[madvise]", StringComparison.Ordinal)) return false;
            var probe = GC.AllocateUninitializedArray<byte>(1 << 20, pinned: true);
            var span = HeapSpan(File.ReadLines("/proc/self/maps"), AddressOf(probe));
            GC.KeepAlive(probe);
            return span is var (start, length) && Madvise((nint)start, (nuint)length, MadviseHugePage) == 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // VIRTIO_BALLOON_F_REPORTING: the balloon device takes the kernel's reports of free pages (the host then discards them).
    private const int FreePageReportingBit = 5;

    /// <summary>
    /// True when one of the virtio balloon devices' feature strings (the <c>features</c> files under
    /// <c>/sys/bus/virtio/drivers/virtio_balloon</c>: one '0' or '1' per feature bit, bit 0 first) has free page
    /// reporting on, so the kernel hands its large free blocks back to the hypervisor.
    /// </summary>
    public static bool ReportsFreePages(IEnumerable<string> featureStrings) =>
        featureStrings.Any(f => f.Length > FreePageReportingBit && f[FreePageReportingBit] == '1');

    private static IEnumerable<string> BalloonFeatures()
    {
        const string driver = "/sys/bus/virtio/drivers/virtio_balloon";
        if (!Directory.Exists(driver)) return [];
        var features = new List<string>();
        foreach (var device in Directory.EnumerateDirectories(driver, "virtio*"))
        {
            var file = Path.Combine(device, "features");
            if (File.Exists(file)) features.Add(File.ReadAllText(file).Trim());
        }
        return features;
    }

    /// <summary>
    /// The whole 2 MB pages of the run of contiguous anonymous mappings (lines of <c>/proc/self/maps</c>) that holds
    /// <paramref name="address"/>; null when the address is in no anonymous mapping or the run is under 1 GB.
    /// </summary>
    public static (ulong Start, ulong Length)? HeapSpan(IEnumerable<string> mapsLines, ulong address)
    {
        var maps = new List<(ulong Start, ulong End, bool Anonymous)>();
        foreach (var line in mapsLines)
        {
            // start-end perms offset dev inode [path]
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 5) continue;
            var range = fields[0].Split('-');
            if (range.Length != 2
                || !ulong.TryParse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var start)
                || !ulong.TryParse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var end)) continue;
            var anonymous = fields[4] == "0" && (fields.Length < 6 || fields[5].Trim().Length == 0);
            maps.Add((start, end, anonymous));
        }
        var i = maps.FindIndex(m => m.Start <= address && address < m.End);
        if (i < 0 || !maps[i].Anonymous) return null;
        var lo = i;
        while (lo > 0 && maps[lo - 1].Anonymous && maps[lo - 1].End == maps[lo].Start) lo--;
        var hi = i;
        while (hi + 1 < maps.Count && maps[hi + 1].Anonymous && maps[hi + 1].Start == maps[hi].End) hi++;
        var first = (maps[lo].Start + HugePage - 1) & ~(HugePage - 1);
        var last = maps[hi].End & ~(HugePage - 1);
        return last > first && last - first >= SmallestHeapReservation ? (first, last - first) : null;
    }

    private static unsafe ulong AddressOf(byte[] pinned)
    {
        fixed (byte* p = pinned) return (ulong)p;
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);
}
