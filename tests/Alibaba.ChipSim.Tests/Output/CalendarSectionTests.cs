using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Output;

public sealed class CalendarSectionTests
{
    [Fact]
    public void Summary_json_records_the_calendar_and_reads_it_back()
    {
        var summary = SummaryBuilder.Build(HandMadeResults.FourTrials());

        var json = SummaryJsonWriter.ToJson(summary);
        var back = SummaryJsonReader.Parse(json);

        Assert.NotNull(summary.Calendar);
        Assert.Contains("\"calendar\": {", json, StringComparison.Ordinal);
        Assert.Equal(summary.Calendar, back.Calendar);
    }

    [Fact]
    public void A_summary_written_before_the_calendar_section_reads_without_one()
    {
        var back = SummaryJsonReader.Parse("""{ "scenario": "s", "scenario_sha256": "0", "seed": 1, "trials": 1, "engine": "e", "metrics": {} }""");

        Assert.Null(back.Calendar);
    }

    [Fact]
    public void A_malformed_calendar_is_an_error_naming_the_key()
    {
        var e = Assert.Throws<InvalidDataException>(() => SummaryJsonReader.Parse(
            """{ "scenario": "s", "scenario_sha256": "0", "seed": 1, "trials": 1, "engine": "e", "metrics": {}, "calendar": { "start": "2025-13", "months": 3, "quarters": "fiscal" } }"""));

        Assert.Contains("calendar:", e.Message, StringComparison.Ordinal);
    }
}
