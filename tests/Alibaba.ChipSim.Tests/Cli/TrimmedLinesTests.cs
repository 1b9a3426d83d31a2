using Alibaba.ChipSim.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

public sealed class TrimmedLinesTests
{
    private static Table TitledTable()
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]A title[/]").Caption("A caption, centred");
        table.AddColumn("Metric");
        table.AddColumn(new TableColumn("Value").RightAligned());
        table.AddRow("a long label of the first row", "1");
        table.AddRow("b", "[yellow]22[/]");
        return table;
    }

    private static string Render(Spectre.Console.Rendering.IRenderable renderable, bool ansi)
    {
        using var console = new TestConsole().Width(120);
        if (ansi) console.EmitAnsiSequences();
        console.Write(renderable);
        return console.Output;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Each_line_is_the_inner_renderables_line_without_its_trailing_whitespace(bool ansi)
    {
        // Given a table whose centred title and caption Spectre pads to the table's width
        var plain = Render(TitledTable(), ansi).Split('\n');
        Assert.Contains(plain, l => l.EndsWith(' '));

        // When it is drawn trimmed
        var trimmed = Render(new TrimmedLines(TitledTable()), ansi).Split('\n');

        // Then every line is the same line with its trailing spaces left out, and nothing else changed
        Assert.Equal(plain.Select(l => l.TrimEnd(' ')), trimmed);
    }

    [Fact]
    public void Spaces_inside_a_line_and_line_ends_inside_a_segment_are_kept()
    {
        var trimmed = Render(new TrimmedLines(new Markup("left   right   \nnext line  \n")), ansi: false);
        Assert.Equal("left   right\nnext line\n", trimmed);
    }
}
