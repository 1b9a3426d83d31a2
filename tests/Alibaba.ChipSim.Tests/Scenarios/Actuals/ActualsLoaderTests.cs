using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Scenarios.Actuals;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Scenarios.Actuals;

public sealed class ActualsLoaderTests
{
    [Fact]
    public void The_shipped_2026_actuals_hold_two_quarters_and_two_events_that_did_not_happen()
    {
        var result = ActualsLoader.Load(Path.Combine(RepoRoot.Scenarios, "actuals", "actuals-2026.yaml"));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var a = result.Actuals!;
        Assert.Equal(Month.Of(2026, 6), a.AsOf);
        Assert.Equal(["cloud_revenue_cny_bn_FY2026Q3", "cloud_revenue_cny_bn_FY2026Q4"], a.Values.Select(v => v.Metric));
        Assert.Equal([43.2, 41.6], a.Values.Select(v => v.Value));
        Assert.Equal([Month.Of(2026, 2), Month.Of(2026, 6)], a.Events.Select(e => e.FirstDeliveryBy!.Value));
        Assert.All(a.Events, e => Assert.False(e.Happened));
    }

    [Fact]
    public void Values_may_be_plain_numbers_and_events_may_name_a_0_1_metric()
    {
        var result = ActualsLoader.LoadText("""
            values:
              roi: 0.5
            events:
              - { metric: delivered_by_deadline, happened: true }
            """, "a.yaml");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(0.5, result.Actuals!.Values.Single().Value);
        Assert.Equal("delivered_by_deadline", result.Actuals.Events.Single().Label);
        Assert.True(result.Actuals.Events.Single().Happened);
    }

    [Theory]
    [InlineData("values:\n  roi: lots\n", "a.yaml:2:8: values.roi: expected a finite number")]
    [InlineData("valeus:\n  roi: 1\n", "a.yaml:1:1: valeus: unknown key (did you mean 'values'?)")]
    [InlineData("values:\n  roi: { value: 1, sauce: x }\n", "a.yaml:2:20: values.roi.sauce: unknown key")]
    [InlineData("values:\n  roi: { description: x }\n", "a.yaml:2:8: values.roi: expected value:")]
    [InlineData("events:\n  - { first_delivery_by: 2026-13, happened: false }\n", "a.yaml:2:26: events[0].first_delivery_by: expected a month as YYYY-MM")]
    [InlineData("events:\n  - { first_delivery_by: 2026-06 }\n", "a.yaml:2:5: events[0]: expected happened: true or false")]
    [InlineData("events:\n  - { first_delivery_by: 2026-06, happened: maybe }\n", "a.yaml:2:45: events[0].happened: expected true or false")]
    [InlineData("events:\n  - { metric: roi, first_delivery_by: 2026-06, happened: true }\n", "a.yaml:2:5: events[0]: give exactly one of")]
    [InlineData("events:\n  first_delivery_by: 2026-06\n", "a.yaml:2:3: events: expected a list of events")]
    [InlineData("values:\n  \"two words\": 1\n", "a.yaml:2:3: values.two words: a metric name is a column of trials.csv")]
    [InlineData("description: nothing\n", "a.yaml:1:1: nothing to score")]
    [InlineData("- 1\n", "a.yaml:1:1: an actuals file is a mapping")]
    [InlineData("# only a comment\n", "a.yaml:1:1: the file holds no actuals: expected a mapping (values:, events:, …)")]
    [InlineData("values: [1\n", "a.yaml:")]
    public void Bad_actuals_are_reported_at_their_position_with_the_key(string yaml, string expected)
    {
        var result = ActualsLoader.LoadText(yaml, "a.yaml");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Error && d.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once()
    {
        var result = ActualsLoader.LoadText("values:\n  a: x\n  b: y\nevents:\n  - { happened: 3 }\n", "a.yaml");

        Assert.Equal(4, result.Diagnostics.Length);
    }
}
