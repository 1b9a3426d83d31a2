namespace Alibaba.ChipSim.Tests.Policy;

/// <summary>A fact that needs Graphviz's <c>dot</c> on the PATH; skipped, saying so, where it is missing.</summary>
public sealed class GraphvizFactAttribute : FactAttribute
{
    public GraphvizFactAttribute()
    {
        if (DotPath() is null) Skip = "Graphviz 'dot' is not installed (apt-get install graphviz); the DOT output was not parsed.";
    }

    public static string? DotPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "dot"))
            .FirstOrDefault(File.Exists);
}
