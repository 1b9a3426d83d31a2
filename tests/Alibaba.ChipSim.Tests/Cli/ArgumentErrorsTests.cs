using Alibaba.ChipSim.Cli;

namespace Alibaba.ChipSim.Tests.Cli;

public sealed class ArgumentErrorsTests
{
    [Theory]
    [InlineData("Cannot parse argument 'abc' for option '--trials' as expected type 'System.Nullable`1[System.Int64]'.",
        "Cannot parse argument 'abc' for option '--trials' as a whole number.")]
    [InlineData("Cannot parse argument '-1' for option '--seed' as expected type 'System.Nullable`1[System.UInt64]'.",
        "Cannot parse argument '-1' for option '--seed' as a non-negative whole number.")]
    [InlineData("Cannot parse argument 'x' for option '--threshold' as expected type 'System.Double'.",
        "Cannot parse argument 'x' for option '--threshold' as a number.")]
    [InlineData("Unrecognized command or argument 'frob'.", "Unrecognized command or argument 'frob'.")]
    public void Parse_errors_name_what_was_expected_instead_of_a_dotnet_type(string raw, string readable) =>
        Assert.Equal(readable, ArgumentErrors.Readable(raw));
}
