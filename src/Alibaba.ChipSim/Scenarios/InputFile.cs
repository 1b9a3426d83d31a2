using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Alibaba.ChipSim.Scenarios;

/// <summary>
/// The one size-and-kind check every file chipsim reads goes through: regular files only (a device, a FIFO,
/// a socket or a folder is refused before anything is read, and on Linux the file is opened non-blocking so a
/// FIFO swapped in cannot hang the read), and a bounded read that never trusts the reported length (devices,
/// pipes and procfs report 0). Problems come back as a message, never as a stack trace.
/// </summary>
internal static class InputFile
{
    /// <summary>The bytes of <paramref name="path"/>, or null with <paramref name="problem"/> saying why not.</summary>
    public static byte[]? ReadAllBytes(string path, long maxBytes, out string? problem)
    {
        problem = null;
        try
        {
            using var stream = Open(path, out problem);
            if (stream is null) return null;
            return ReadBounded(stream, path, maxBytes, out problem);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = $"cannot read {path}: {e.Message}";
            return null;
        }
    }

    /// <summary>A read-only stream of a regular file, or null with <paramref name="problem"/>; the caller disposes it.</summary>
    public static FileStream? Open(string path, out string? problem)
    {
        problem = null;
        if (path.Length == 0)
        {
            problem = "the file name is empty";
            return null;
        }
        if (Directory.Exists(path))
        {
            problem = $"{path} is a folder, not a file";
            return null;
        }
        if (!File.Exists(path))
        {
            problem = $"file not found: {path}";
            return null;
        }
        if (OperatingSystem.IsLinux() && LinuxOpen(path, out problem) is { } linux) return linux;
        if (problem is not null) return null;
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
    }

    /// <summary>Reads at most <paramref name="maxBytes"/>: one byte more means the file is too large, whatever its length says.</summary>
    public static byte[]? ReadBounded(Stream stream, string path, long maxBytes, out string? problem)
    {
        problem = null;
        var reported = stream.CanSeek ? stream.Length : -1;
        if (reported > maxBytes)
        {
            problem = $"{path} is {reported} bytes; the limit is {maxBytes} bytes";
            return null;
        }
        var buffer = new byte[(int)Math.Min(maxBytes + 1, reported > 0 ? reported + 1 : 64 * 1024)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total > maxBytes)
                {
                    problem = $"{path} holds more than {maxBytes} bytes (the limit); it is not a scenario or summary file";
                    return null;
                }
                Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1, (long)buffer.Length * 2));
            }
            var n = stream.Read(buffer, total, buffer.Length - total);
            if (n == 0) break;
            total += n;
        }
        if (total > maxBytes)
        {
            problem = $"{path} holds more than {maxBytes} bytes (the limit); it is not a scenario or summary file";
            return null;
        }
        if (reported == 0 && total > 0)
        {
            // procfs and sysfs files are "regular" but report no size and change as they are read.
            problem = $"{path} reports a size of 0 bytes yet has content (a /proc or /sys file?); it is not a scenario or summary file";
            return null;
        }
        return total == buffer.Length ? buffer : buffer[..total];
    }

    // Linux: open(O_RDONLY | O_NONBLOCK | O_CLOEXEC), then statx on the descriptor itself, so the kind checked is the
    // kind of what was opened. O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer.
    private const int ORdOnlyNonBlockCloExec = 0x800 | 0x80000;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const int SIfMt = 0xF000;
    private const int SIfReg = 0x8000;
    private const int SIfDir = 0x4000;

    private static FileStream? LinuxOpen(string path, out string? problem)
    {
        problem = null;
        int fd;
        try
        {
            fd = SysOpen(path, ORdOnlyNonBlockCloExec);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null; // no libc to ask: fall back to FileStream (the read is still bounded)
        }
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            problem = errno == 13 ? $"cannot read {path}: permission denied" : $"cannot open {path} (error {errno})";
            return null;
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        var buffer = new byte[256];
        int status;
        try
        {
            status = Statx(fd, "", AtEmptyPath, StatxType, buffer);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            status = -2;
        }
        if (status == 0)
        {
            var mode = BitConverter.ToUInt16(buffer, 28) & SIfMt;
            if (mode != SIfReg)
            {
                handle.Dispose();
                problem = mode == SIfDir ? $"{path} is a folder, not a file" : $"{path} is not a regular file ({Kind(mode)}); chipsim reads only regular files";
                return null;
            }
        }
        return new FileStream(handle, FileAccess.Read, bufferSize: 0);
    }

    private static string Kind(int mode) => mode switch
    {
        0x1000 => "a FIFO",
        0x2000 => "a character device",
        0x6000 => "a block device",
        0xC000 => "a socket",
        _ => "not a plain file",
    };

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int SysOpen([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
