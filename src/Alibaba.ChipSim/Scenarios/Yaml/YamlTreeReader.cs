using System.Collections.Immutable;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Alibaba.ChipSim.Scenarios.Yaml;

/// <summary>
/// Reads YAML text into <see cref="YNode"/>s with positions, from YamlDotNet's event parser with an
/// explicit stack: nesting is capped (no stack overflow on hostile input), so is the node count after
/// alias expansion, and every syntax error comes back as a diagnostic with its line and column.
/// </summary>
internal static partial class YamlTreeReader
{
    public const int MaxDepth = 64;
    public const int MaxNodes = 100_000;

    private const string StrTag = "tag:yaml.org,2002:str";

    private sealed class Frame(SourceLocation location, bool isMap)
    {
        public SourceLocation Location { get; } = location;
        public bool IsMap { get; } = isMap;
        public ImmutableArray<YEntry>.Builder Entries { get; } = ImmutableArray.CreateBuilder<YEntry>();
        public ImmutableArray<YNode>.Builder Items { get; } = ImmutableArray.CreateBuilder<YNode>();
        public Dictionary<string, SourceLocation> Keys { get; } = new(StringComparer.Ordinal);
        public YScalar? PendingKey { get; set; }
        public bool SkipNextValue { get; set; }
        public bool ExpectingKey { get; set; } = true;
        public string? Anchor { get; init; }
    }

    /// <summary>What <see cref="Read"/> reports for a file with no YAML content (empty, or only comments), unless told otherwise.</summary>
    public const string ScenarioFileIsEmpty = "the file holds no scenario: expected a mapping of keys (name:, calendar:, simulation:, …)";

    /// <summary>The document's root node, or null (with diagnostics) when the text is not one YAML document.</summary>
    public static YNode? Read(string text, string file, DiagnosticBag diagnostics, string empty = ScenarioFileIsEmpty)
    {
        var stack = new Stack<Frame>();
        var anchors = new Dictionary<string, (YNode Node, int Size)>(StringComparer.Ordinal);
        var sizes = new Stack<int>();
        YNode? root = null;
        var documents = 0;
        var nodes = 0;
        var lastGood = new Mark(0, 1, 1);
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                lastGood = ev.End;
                var at = At(file, ev.Start);
                switch (ev)
                {
                    case DocumentStart:
                        if (++documents > 1)
                        {
                            diagnostics.Error(at, "", "a scenario file holds one YAML document; a second one starts here (remove the '---' or split the file)");
                            return null;
                        }
                        break;
                    case MappingStart or SequenceStart:
                        if (stack.Count >= MaxDepth)
                        {
                            diagnostics.Error(at, "", $"nesting deeper than {MaxDepth} levels; a scenario needs at most 7");
                            return null;
                        }
                        var anchor = ((NodeEvent)ev).Anchor;
                        stack.Push(new Frame(at, ev is MappingStart) { Anchor = anchor.IsEmpty ? null : anchor.Value });
                        sizes.Push(1);
                        break;
                    case MappingEnd or SequenceEnd:
                    {
                        var frame = stack.Pop();
                        var size = sizes.Pop();
                        YNode node = frame.IsMap ? new YMap(frame.Location, frame.Entries.ToImmutable()) : new YList(frame.Location, frame.Items.ToImmutable());
                        if (frame.Anchor is not null) anchors[frame.Anchor] = (node, size);
                        if (!Add(node, size, 1)) return null;
                        break;
                    }
                    case Scalar s:
                    {
                        var plain = s.Style is ScalarStyle.Plain or ScalarStyle.Any && !(s.Tag.IsEmpty is false && s.Tag.Value == StrTag);
                        var node = new YScalar(at, s.Value, plain);
                        if (!s.Anchor.IsEmpty) anchors[s.Anchor.Value] = (node, 1);
                        if (!Add(node, 1, 1)) return null;
                        break;
                    }
                    case AnchorAlias alias:
                        if (!anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            diagnostics.Error(at, "", $"alias *{alias.Value.Value} names no anchor defined before it");
                            return null;
                        }
                        if (!Add(target.Node, target.Size, target.Size)) return null;
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            var at = e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentingTab(text, file) is { } tab ? tab : At(file, e.Start);
            diagnostics.Error(at, "", "YAML syntax: " + Clean(e));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
        {
            // YamlDotNet's scanner has a few paths that fail without a YamlException (a flow mapping broken across
            // lines is one); the input is still at fault, so report it where reading stopped: the furthest token the
            // scanner reached, which is nearer the break than the parser's last event. No .NET type name is shown.
            var last = Later(lastGood, LastToken(text));
            if (e.StackTrace?.Contains("ScanPlainScalar", StringComparison.Ordinal) == true && LineEnd(text, last) is { } end)
            {
                // The known case: a plain value inside { } or [ ] that runs on past its line; point at the line's end.
                diagnostics.Error(At(file, end), "", "YAML syntax: a value inside { } or [ ] runs past the end of this line; close the { or [ on this line, or quote the value");
                return null;
            }
            diagnostics.Error(At(file, last), "", "YAML syntax: cannot read past this point; look for an unclosed { or [, a { } or [ ] broken across lines, or a stray character");
            return null;
        }

        if (root is null)
            diagnostics.Error(new SourceLocation(file, 1, 1), "", empty);
        return root;

        // The full key path of a key about to be added to the top frame, e.g. calendar.months.
        string PathTo(string key)
        {
            var parts = new List<string>();
            foreach (var frame in stack.Reverse().SkipLast(1))
                parts.Add(frame.IsMap ? (frame.PendingKey?.Text ?? "?") : $"[{frame.Items.Count}]");
            parts.Add(key);
            var path = "";
            foreach (var p in parts) path = p.StartsWith('[') ? path + p : path.Length == 0 ? p : path + "." + p;
            return path;
        }

        // size: the node's expanded size (for its parent's anchor); fresh: nodes not counted before.
        bool Add(YNode node, int size, int fresh)
        {
            nodes += fresh;
            if (nodes > MaxNodes)
            {
                diagnostics.Error(node.Location, "", $"the document expands to more than {MaxNodes} nodes (through aliases?); a scenario needs a few hundred");
                return false;
            }
            if (sizes.Count > 0) sizes.Push(sizes.Pop() + size);
            if (stack.Count == 0)
            {
                root = node;
                return true;
            }
            var top = stack.Peek();
            if (!top.IsMap)
            {
                top.Items.Add(node);
                return true;
            }
            if (top.ExpectingKey)
            {
                top.ExpectingKey = false;
                if (node is YScalar key && !key.IsNull)
                {
                    if (top.Keys.TryGetValue(key.Text, out var first))
                    {
                        diagnostics.Error(key.Location, PathTo(key.Text), $"duplicate key '{MessageText.Key(key.Text)}' (first written at line {first.Line}, column {first.Column})");
                        top.SkipNextValue = true;
                    }
                    else
                    {
                        top.Keys[key.Text] = key.Location;
                        top.PendingKey = key;
                    }
                }
                else
                {
                    diagnostics.Error(node.Location, "", $"a key must be a plain name (got {node.Describe()})");
                    top.SkipNextValue = true;
                }
                return true;
            }
            top.ExpectingKey = true;
            if (top.SkipNextValue)
            {
                top.SkipNextValue = false;
                return true;
            }
            top.Entries.Add(new YEntry(top.PendingKey!, node));
            top.PendingKey = null;
            return true;
        }
    }

    /// <summary>The start of the last token the scanner reads before it fails (or the end of the text).</summary>
    private static Mark LastToken(string text)
    {
        var last = new Mark(0, 1, 1);
        try
        {
            var scanner = new Scanner(new StringReader(text));
            while (scanner.MoveNext())
                if (scanner.Current is { } token) last = token.Start;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
        {
        }
        return last;
    }

    /// <summary>Just past the last character of <paramref name="mark"/>'s line, when another line follows.</summary>
    private static Mark? LineEnd(string text, Mark mark)
    {
        var i = (int)Math.Clamp(mark.Index, 0, text.Length);
        var newline = text.IndexOf('\n', i);
        if (newline < 0) return null;
        var end = newline > 0 && text[newline - 1] == '\r' ? newline - 1 : newline;
        return new Mark(end, mark.Line, mark.Column + (end - i));
    }

    private static Mark Later(Mark a, Mark b) => b.Index > a.Index ? b : a;

    private static SourceLocation At(string file, Mark mark) =>
        new(file, (int)Math.Clamp(mark.Line, 1, int.MaxValue), (int)Math.Clamp(mark.Column, 1, int.MaxValue));

    /// <summary>YamlDotNet reports a tab in the indentation at the start of the enclosing mapping; show the tab itself.</summary>
    private static SourceLocation? FirstIndentingTab(string text, string file)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0) return new SourceLocation(file, i + 1, tab + 1);
        }
        return null;
    }

    /// <summary>YamlDotNet prefixes its messages with the marks, which the diagnostic already shows.</summary>
    private static string Clean(YamlException e)
    {
        var message = MarkPrefix().Replace(e.Message, "");
        return message.Length == 0 ? "invalid YAML" : message;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();
}
