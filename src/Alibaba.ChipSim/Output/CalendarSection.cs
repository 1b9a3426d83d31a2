using System.Text.Json;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// <c>calendar</c>: <c>{ start: "YYYY-MM", months, quarters: "fiscal" | "calendar" }</c>, the scenario's calendar, so that a
/// run folder alone says which month a month index means (<c>months_to_first_delivery</c> counts from <c>start</c>).
/// </summary>
internal sealed class CalendarSection : ISummarySection
{
    public string Key => "calendar";

    public bool IsPresent(RunSummary summary) => summary.Calendar is not null;

    public void Write(Utf8JsonWriter writer, RunSummary summary)
    {
        var c = summary.Calendar!;
        writer.WriteStartObject();
        writer.WriteString("start", c.Start.ToString());
        writer.WriteNumber("months", c.Months);
        writer.WriteString("quarters", c.Quarters == QuarterConvention.Fiscal ? "fiscal" : "calendar");
        writer.WriteEndObject();
    }

    public RunSummary Read(JsonElement value, RunSummary summary)
    {
        const string expected = "calendar: expected { start: \"YYYY-MM\", months: a whole number ≥ 1, quarters: \"fiscal\" or \"calendar\" }.";
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("start", out var start) || start.ValueKind != JsonValueKind.String || !Month.TryParse(start.GetString(), out var month)
            || !value.TryGetProperty("months", out var months) || !months.TryGetInt32(out var count) || count < 1
            || !value.TryGetProperty("quarters", out var quarters) || quarters.GetString() is not ("fiscal" or "calendar"))
            throw new InvalidDataException(expected);
        var convention = quarters.GetString() == "fiscal" ? QuarterConvention.Fiscal : QuarterConvention.Calendar;
        return summary with { Calendar = new CalendarSpec(month, count, convention) };
    }
}
