using System.Runtime.InteropServices;

namespace Alibaba.ChipSim.Tests.Support;

/// <summary>Named pipes (FIFOs) for the tests that check chipsim refuses to read one instead of hanging on it.</summary>
public static class Fifo
{
    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

    /// <summary>Makes a FIFO at <paramref name="path"/> (mode 600); false where there is no mkfifo (not Linux), for the test to skip.</summary>
    public static bool TryCreate(string path)
    {
        if (!OperatingSystem.IsLinux()) return false; // mkfifo is POSIX; the checks themselves are covered on Linux CI
        Assert.Equal(0, mkfifo(path, Convert.ToUInt32("600", 8)));
        return true;
    }
}
