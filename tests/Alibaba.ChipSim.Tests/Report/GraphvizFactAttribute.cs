using Alibaba.ChipSim.Cli.Reporting;

namespace Alibaba.ChipSim.Tests.Report;

/// <summary>A fact that is skipped, with a message saying why, when Graphviz's dot is not installed.</summary>
public sealed class GraphvizFactAttribute : FactAttribute
{
    public GraphvizFactAttribute()
    {
        if (GraphvizDiagrams.FindDot() is null)
            Skip = "Graphviz's dot not found: install Debian's 'graphviz' package (bash .ci/run does) to run this test.";
    }
}
