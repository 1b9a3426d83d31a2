namespace Alibaba.ChipSim.Report;

/// <summary>How an actor's state diagram is embedded: an SVG drawn by Graphviz, or Mermaid/DOT text when Graphviz is absent.</summary>
public enum DiagramFormat
{
    Svg,
    Text,
}
