using System.CommandLine;
using System.CommandLine.Invocation;

namespace Alibaba.ChipSim.Cli;

/// <summary><c>--version</c> prints what <c>chipsim version</c> prints (<see cref="EngineInfo.Name"/>), not the build's informational version.</summary>
internal sealed class VersionText : SynchronousCommandLineAction
{
    public static void Install(RootCommand root)
    {
        foreach (var option in root.Options)
            if (option is VersionOption version) version.Action = new VersionText();
    }

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(EngineInfo.Name);
        return 0;
    }
}
