using Spectre.Console;
using Spectre.Console.Rendering;

namespace Alibaba.ChipSim.Cli.Rendering;

/// <summary>
/// Another renderable drawn with the whitespace at the end of each line left out. Spectre pads a
/// table's centred title and caption to the table's width; the padding after the text is invisible on a terminal but
/// shows as trailing spaces in a redirected file, a copied session or a diff. Nothing before a line's last visible
/// character moves, so the columns stay aligned.
/// </summary>
internal sealed class TrimmedLines(IRenderable inner) : IRenderable
{
    public Measurement Measure(RenderOptions options, int maxWidth) => inner.Measure(options, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        // Whitespace (and control codes among it) seen since the line's last visible character: written out when more
        // text follows on the line, the whitespace left out when the line ends.
        var pending = new List<Segment>();
        foreach (var segment in inner.Render(options, maxWidth))
        {
            if (segment.IsLineBreak)
            {
                foreach (var p in pending)
                    if (p.IsControlCode) yield return p;
                pending.Clear();
                yield return segment;
                continue;
            }
            if (segment.IsControlCode || segment.Text.Length == 0)
            {
                pending.Add(segment);
                continue;
            }
            // A text segment may hold line ends of its own: each piece but the last ends a line.
            var pieces = segment.Text.Split('\n');
            for (var i = 0; i < pieces.Length; i++)
            {
                if (i > 0)
                {
                    foreach (var p in pending)
                        if (p.IsControlCode) yield return p;
                    pending.Clear();
                    yield return Segment.LineBreak;
                }
                var piece = pieces[i];
                var visible = piece.TrimEnd();
                if (visible.Length > 0)
                {
                    foreach (var p in pending) yield return p;
                    pending.Clear();
                    yield return new Segment(visible, segment.Style);
                }
                if (visible.Length < piece.Length) pending.Add(new Segment(piece[visible.Length..], segment.Style));
            }
        }
        foreach (var p in pending)
            if (p.IsControlCode) yield return p;
    }
}
