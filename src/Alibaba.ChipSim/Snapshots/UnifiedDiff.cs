using System.Text;

namespace Alibaba.ChipSim.Snapshots;

/// <summary>A line-based unified diff (as <c>diff -u</c> prints it), for showing what a stale snapshot would change.</summary>
internal static class UnifiedDiff
{
    /// <summary>The unified diff from <paramref name="oldText"/> to <paramref name="newText"/>; empty when they are equal line for line.</summary>
    public static string Compute(string oldText, string newText, string oldName, string newName, int context = 3)
    {
        var a = Lines(oldText);
        var b = Lines(newText);
        var ops = Script(a, b);
        if (ops.TrueForAll(o => o.Kind == ' ')) return "";

        var output = new StringBuilder();
        output.Append("--- ").Append(oldName).Append('\n').Append("+++ ").Append(newName).Append('\n');
        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == ' ') { i++; continue; }
            // A hunk: from `context` lines before this change to `context` lines after the last change within reach.
            var start = Math.Max(0, i - context);
            var end = i;
            while (true)
            {
                while (end < ops.Count && ops[end].Kind != ' ') end++;
                var next = end;
                while (next < ops.Count && ops[next].Kind == ' ') next++;
                if (next < ops.Count && next - end <= 2 * context) { end = next; continue; }
                end = Math.Min(ops.Count, end + context);
                break;
            }
            int oldStart = ops[start].OldLine, newStart = ops[start].NewLine, oldCount = 0, newCount = 0;
            for (var k = start; k < end; k++)
            {
                if (ops[k].Kind != '+') oldCount++;
                if (ops[k].Kind != '-') newCount++;
            }
            output.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
            for (var k = start; k < end; k++) output.Append(ops[k].Kind).Append(ops[k].Text).Append('\n');
            i = end;
        }
        return output.ToString();
    }

    private static string Range(int start, int count) =>
        count == 1 ? (start + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(count == 0 ? start : start + 1)},{count}");

    private readonly record struct Op(char Kind, string Text, int OldLine, int NewLine);

    private static string[] Lines(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        return lines.Length > 0 && lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    /// <summary>An edit script from the longest common subsequence (snapshots are a few hundred lines: O(n·m) is fine).</summary>
    private static List<Op> Script(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var ops = new List<Op>(a.Length + b.Length);
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { ops.Add(new Op(' ', a[x], x, y)); x++; y++; }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y])) { ops.Add(new Op('+', b[y], x, y)); y++; }
            else { ops.Add(new Op('-', a[x], x, y)); x++; }
        }
        // Within a block of changes, print removals before additions, as diff -u does.
        for (var s = 0; s < ops.Count;)
        {
            if (ops[s].Kind == ' ') { s++; continue; }
            var e = s;
            while (e < ops.Count && ops[e].Kind != ' ') e++;
            var block = ops.GetRange(s, e - s);
            var ordered = block.Where(o => o.Kind == '-').Concat(block.Where(o => o.Kind == '+')).ToList();
            var oldLine = block.Min(o => o.OldLine);
            var newLine = block.Min(o => o.NewLine);
            for (var k = 0; k < ordered.Count; k++) ops[s + k] = ordered[k] with { OldLine = oldLine, NewLine = newLine };
            s = e;
        }
        return ops;
    }
}
