using System.Buffers;
using System.Text;

namespace Alibaba.ChipSim.Scenarios.Yaml;

/// <summary>Reads a scenario file's bytes and decodes them as UTF-8, reporting bad bytes by line and column.</summary>
internal static class SourceText
{
    public const long MaxBytes = 4L << 20;

    /// <summary>The file's bytes, or null (with a diagnostic at <paramref name="referencedAt"/>) when it cannot be read.</summary>
    public static byte[]? ReadFile(string path, SourceLocation referencedAt, string keyPath, DiagnosticBag diagnostics)
    {
        var bytes = InputFile.ReadAllBytes(path, MaxBytes, out var problem);
        if (bytes is null) diagnostics.Error(referencedAt, keyPath, problem!);
        return bytes;
    }

    /// <summary>The text of UTF-8 bytes (a BOM is dropped), or null with a diagnostic at the first invalid byte.</summary>
    public static string? Decode(byte[] bytes, string file, DiagnosticBag diagnostics)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        int line = 1, column = 1;
        for (var i = 0; i < span.Length;)
        {
            var status = Rune.DecodeFromUtf8(span[i..], out var rune, out var consumed);
            if (status != OperationStatus.Done)
            {
                diagnostics.Error(new SourceLocation(file, line, column), "", $"the file is not UTF-8 text: invalid byte 0x{span[i]:X2} at offset {i}");
                return null;
            }
            if (rune.Value == 0)
            {
                diagnostics.Error(new SourceLocation(file, line, column), "", $"the file is not text: NUL byte at offset {i}");
                return null;
            }
            if (rune.Value == '\n') { line++; column = 1; }
            else column++;
            i += consumed;
        }
        return Encoding.UTF8.GetString(span);
    }
}
