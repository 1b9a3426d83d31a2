using System.Globalization;
using System.Text;

namespace Alibaba.ChipSim.Scenarios;

/// <summary>
/// The one sanitiser for every message chipsim prints: control characters (C0, DEL, C1: ESC sequences that set a
/// terminal's title or colours) and the invisible bidi and zero-width format characters that reorder or hide text
/// are written as <c>\u001B</c>-style escapes, so a hostile key name reads as what it is.
/// </summary>
public static class MessageText
{
    /// <summary><paramref name="text"/> with every unsafe character escaped; a line break becomes <c>\n</c>.</summary>
    public static string Escape(string text)
    {
        var i = 0;
        while (i < text.Length && !IsUnsafe(text[i])) i++;
        if (i == text.Length) return text;
        var b = new StringBuilder(text.Length + 16).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c)) b.Append(c);
            else if (c == '\n') b.Append("\\n");
            else if (c == '\r') b.Append("\\r");
            else if (c == '\t') b.Append("\\t");
            else b.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
        return b.ToString();
    }

    /// <summary>A key name for a message: escaped, and cut to <paramref name="max"/> characters.</summary>
    public static string Key(string name, int max = 64) =>
        Escape(name.Length > max ? name[..max] + "…" : name);

    private static bool IsUnsafe(char c) =>
        c < 0x20 || c is >= '\u007F' and <= '\u009F'
        || c is '\u061C' or '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2028' or '\u2029' or '\uFEFF'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
