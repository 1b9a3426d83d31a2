namespace Alibaba.ChipSim.Scenarios.Yaml;

/// <summary>A scalar as written; <see cref="IsPlain"/> is false for quoted or block scalars (always strings).</summary>
internal sealed class YScalar(SourceLocation location, string text, bool isPlain) : YNode(location)
{
    public string Text { get; } = text;

    public bool IsPlain { get; } = isPlain;

    /// <summary>YAML's null: an empty plain value, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => IsPlain && Text is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>
    /// A number is shown as written; text never is (a scenario file is untrusted input, and a message must not carry
    /// what an extended file holds): it is described by its kind and length, and the position points at it.
    /// </summary>
    public override string Describe()
    {
        if (IsNull) return "nothing";
        var numeric = IsPlain && Text.Length <= 32 && double.TryParse(Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
        if (numeric) return Text;
        var length = Text.Length == 1 ? "1 character" : $"{Text.Length} characters";
        return IsPlain ? $"a text of {length}" : $"a quoted string of {length}";
    }
}
