namespace Alibaba.ChipSim.Tests;

/// <summary>The repository root: the nearest folder above the test binaries that holds Alibaba.ChipSim.sln.</summary>
public static class RepoRoot
{
    public static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Alibaba.ChipSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Alibaba.ChipSim.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Scenarios => Path.Combine(Find(), "scenarios");
}
