using System.Text;

namespace Alibaba.ChipSim.Cli;

/// <summary>
/// Standard output that cannot be written (a full disk, <c>&gt; /dev/full</c>) is a runtime failure of the whole process,
/// not of the command's own files: a failed write becomes <see cref="StandardOutputException"/>, which is no
/// <see cref="IOException"/> (so no command's <c>catch (IOException)</c> reports it as its output folder), and
/// <see cref="CliApp"/> turns it into one line and exit 1. A reader that went away (<c>| head</c>, a broken pipe) is
/// no error: .NET drops what is written to a closed pipe, and the command finishes as usual.
/// </summary>
internal static class StandardOutput
{
    /// <summary><paramref name="inner"/> (the console's stdout) with every write failure turned into <see cref="StandardOutputException"/>.</summary>
    public static TextWriter Guard(TextWriter inner) => new GuardedWriter(inner);

    /// <summary>The one line printed for <paramref name="e"/>.</summary>
    public static string Message(StandardOutputException e) =>
        Scenarios.MessageText.Escape("chipsim: cannot write to standard output: " + e.InnerException!.Message);

    private sealed class GuardedWriter(TextWriter inner) : TextWriter(inner.FormatProvider)
    {
        public override Encoding Encoding => inner.Encoding;

        [System.Diagnostics.CodeAnalysis.AllowNull]
        public override string NewLine
        {
            get => inner.NewLine;
            set => inner.NewLine = value;
        }

        public override void Write(char value)
        {
            try { inner.Write(value); }
            catch (IOException e) { throw new StandardOutputException(e); }
        }

        public override void Write(string? value)
        {
            try { inner.Write(value); }
            catch (IOException e) { throw new StandardOutputException(e); }
        }

        public override void Write(char[] buffer, int index, int count)
        {
            try { inner.Write(buffer, index, count); }
            catch (IOException e) { throw new StandardOutputException(e); }
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            try { inner.Write(buffer); }
            catch (IOException e) { throw new StandardOutputException(e); }
        }

        public override void WriteLine(string? value)
        {
            try { inner.WriteLine(value); }
            catch (IOException e) { throw new StandardOutputException(e); }
        }

        public override void WriteLine(ReadOnlySpan<char> buffer)
        {
            try { inner.WriteLine(buffer); }
            catch (IOException e) { throw new StandardOutputException(e); }
        }

        public override void WriteLine()
        {
            try { inner.WriteLine(); }
            catch (IOException e) { throw new StandardOutputException(e); }
        }

        public override void Flush()
        {
            try { inner.Flush(); }
            catch (IOException e) { throw new StandardOutputException(e); }
        }
    }
}

/// <summary>Standard output could not be written; <see cref="Exception.InnerException"/> says why.</summary>
internal sealed class StandardOutputException(IOException inner) : Exception("standard output cannot be written: " + inner.Message, inner);
