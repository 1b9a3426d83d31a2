using System.Text;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Scenarios;

/// <summary>Files that are not a scenario at all: each gives one positioned error, never an exception.</summary>
public sealed class MalformedFileTests
{
    private static Diagnostic OnlyError(string text)
    {
        var result = ScenarioLoader.LoadText(text, "bad.yaml");
        Assert.False(result.Succeeded);
        return Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void A_yaml_syntax_error_is_reported_at_its_position_without_the_parsers_own_marks()
    {
        var d = OnlyError("name: x\n  calendar: 1\n");

        Assert.Equal("bad.yaml:2:11: YAML syntax: While scanning a plain scalar value, found invalid mapping.", d.ToString());
    }

    [Fact]
    public void An_unclosed_flow_mapping_is_reported_where_reading_stopped()
    {
        // YamlDotNet fails here with an InvalidOperationException rather than a YamlException.
        var d = OnlyError("name: x\ncalendar: { start: 2025-12, months: 25\nsimulation: {}\n");

        // Just past the end of line 2, where the mapping should have closed; no .NET type name in the message.
        Assert.Equal(new SourceLocation("bad.yaml", 2, 39), d.Location);
        Assert.StartsWith("YAML syntax: a value inside { } or [ ] runs past the end of this line", d.Message);
        Assert.DoesNotContain("Exception", d.Message);
    }

    [Fact]
    public void A_tab_in_the_indentation_is_a_syntax_error_on_its_line()
    {
        var d = OnlyError("name: x\ncalendar:\n\tstart: 2025-12\n");

        Assert.Equal(new SourceLocation("bad.yaml", 3, 1), d.Location);
        Assert.Equal("YAML syntax: While scanning a mapping, found invalid tab as indentation.", d.Message);
    }

    [Fact]
    public void A_file_that_is_a_list_is_not_a_scenario()
    {
        var d = OnlyError("- a\n- b\n");

        Assert.Equal("bad.yaml:1:1: a scenario file is a mapping of keys (name:, calendar:, simulation:, …); this one holds a list", d.ToString());
    }

    [Fact]
    public void A_file_that_is_one_word_is_not_a_scenario()
    {
        var d = OnlyError("hello\n");

        Assert.Contains("this one holds a text of 5 characters", d.Message);
    }

    [Fact]
    public void An_empty_file_says_what_a_scenario_looks_like()
    {
        var d = OnlyError("# only a comment\n");

        Assert.Equal("bad.yaml:1:1: the file holds no scenario: expected a mapping of keys (name:, calendar:, simulation:, …)", d.ToString());
    }

    [Fact]
    public void Two_documents_in_one_file_are_an_error_at_the_second()
    {
        var d = OnlyError("name: a\n---\nname: b\n");

        Assert.Equal(2, d.Location.Line);
        Assert.Contains("one YAML document", d.Message);
    }

    [Fact]
    public void Deep_nesting_is_capped_and_reported_without_a_stack_overflow()
    {
        var text = "name: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var d = OnlyError(text);

        // The root mapping is level 1, so the 64th bracket opens level 65; "name: " is 6 characters: column 6 + 64.
        Assert.Equal(new SourceLocation("bad.yaml", 1, 70), d.Location);
        Assert.Equal("nesting deeper than 64 levels; a scenario needs at most 7", d.Message);
    }

    [Fact]
    public void An_alias_bomb_is_stopped_by_the_node_limit()
    {
        var sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
            sb.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");

        var d = OnlyError(sb.ToString());

        Assert.Contains("expands to more than 100000 nodes", d.Message);
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_the_line_and_column_of_the_bad_byte()
    {
        using var dir = new TempFolder();
        var file = Path.Combine(dir.Path, "garbage.yaml");
        File.WriteAllBytes(file, [.. "name: x\nab"u8, 0xFF, 0xFE, .. "\n"u8]);

        var d = Assert.Single(ScenarioLoader.Load(file).Diagnostics);

        Assert.Equal($"{file}:2:3: the file is not UTF-8 text: invalid byte 0xFF at offset 10", d.ToString());
    }

    [Fact]
    public void A_nul_byte_is_reported_as_not_text()
    {
        var d = OnlyError("name: x\0\n");

        Assert.Equal(new SourceLocation("bad.yaml", 1, 8), d.Location);
        Assert.Contains("NUL byte", d.Message);
    }

    [Fact]
    public void A_folder_is_not_a_scenario_file()
    {
        using var dir = new TempFolder();

        var d = Assert.Single(ScenarioLoader.Load(dir.Path).Diagnostics);

        Assert.Equal($"{dir.Path}: {dir.Path} is a folder, not a file", d.ToString());
    }

    [Fact]
    public void A_mapping_used_as_a_key_is_reported()
    {
        var result = ScenarioLoader.LoadText("name: x\n? [a, b]\n: 1\n", "bad.yaml");

        Assert.Contains("bad.yaml:2:3: a key must be a plain name (got a list)", result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Every_missing_section_is_reported_in_one_pass()
    {
        var result = ScenarioLoader.LoadText("name: empty\n", "empty.yaml");

        var missing = result.Errors.Select(e => e.KeyPath).ToArray();
        Assert.Equal(["actors", "calendar", "compute", "economics", "revenue", "shipments", "simulation"], missing.Order().ToArray());
        Assert.All(result.Errors, e => Assert.Equal(new SourceLocation("empty.yaml", 1, 1), e.Location));
    }
}
