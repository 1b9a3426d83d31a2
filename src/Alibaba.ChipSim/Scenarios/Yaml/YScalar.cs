namespace Alibaba.ChipSim.Scenarios.Yaml;

/// <summary>A scalar as written; <see cref="IsPlain"/> is false for quoted or block scalars (always strings).</summary>
internal sealed class YScalar(SourceLocation location, string text, bool isPlain) : YNode(location)
{
    public string Text { get; } = text;

    public bool IsPlain { get; } = isPlain;

    /// <summary>YAML's null: an empty plain value, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => IsPlain && Text is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe()
    {
        if (IsNull) return "nothing";
        var shown = Text.Length > 40 ? Text[..40] + "…" : Text;
        if (!IsPlain) return $"the string \"{shown}\"";
        var numeric = double.TryParse(Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
        return numeric ? shown : $"'{shown}'";
    }
}
