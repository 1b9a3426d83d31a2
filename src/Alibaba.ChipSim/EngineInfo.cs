using System.Reflection;

namespace Alibaba.ChipSim;

/// <summary>The engine's name and version as written into summaries and snapshots.</summary>
public static class EngineInfo
{
    public static string Version { get; } =
        typeof(EngineInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>e.g. <c>chipsim 0.1.0</c>.</summary>
    public static string Name => "chipsim " + Version;
}
