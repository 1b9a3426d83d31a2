namespace Alibaba.ChipSim.Scenarios;

/// <summary>A position in a scenario file; line and column are 1-based.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation None(string file) => new(file, 0, 0);

    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
