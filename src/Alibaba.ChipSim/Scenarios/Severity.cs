namespace Alibaba.ChipSim.Scenarios;

public enum Severity
{
    Warning,
    Error,
}
