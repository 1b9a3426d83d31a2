namespace Alibaba.ChipSim.Scenarios;

/// <summary>
/// The paths of parameters that live inside lists or maps. A parameter's path keys its random stream,
/// so it must not depend on list positions: reordering or adding transitions leaves others' draws alone.
/// </summary>
public static class ParameterPaths
{
    public static string Gate(string actor, string state) => $"actors.{actor}.states.{state}.gate";

    public static string Hazard(string actor, string from, string to) => $"actors.{actor}.transitions.{from}->{to}.monthly";
}
