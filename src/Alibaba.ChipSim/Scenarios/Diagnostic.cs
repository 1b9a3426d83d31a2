namespace Alibaba.ChipSim.Scenarios;

/// <summary>One problem found in a scenario: where it is, which key, and what was expected.</summary>
public sealed record Diagnostic(Severity Severity, SourceLocation Location, string KeyPath, string Message)
{
    /// <summary><c>file:line:column: key.path: message</c> (warnings carry a "warning: " prefix before the key).</summary>
    public override string ToString()
    {
        var prefix = Severity == Severity.Warning ? "warning: " : "";
        var key = string.IsNullOrEmpty(KeyPath) ? "" : KeyPath + ": ";
        return MessageText.Escape($"{Location}: {prefix}{key}{Message}");
    }
}
