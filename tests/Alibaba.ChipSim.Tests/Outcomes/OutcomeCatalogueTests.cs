using System.Reflection;
using System.Text.RegularExpressions;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Outcomes;

namespace Alibaba.ChipSim.Tests.Outcomes;

public sealed class OutcomeCatalogueTests
{
    [Fact]
    public void Every_outcome_has_exactly_one_entry_at_its_own_position()
    {
        var ids = Enum.GetValues<Outcome>();
        Assert.Equal(ids.Length, OutcomeCatalogue.All.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal(ids[i], OutcomeCatalogue.All[i].Id);
            Assert.Same(OutcomeCatalogue.All[i], OutcomeCatalogue.Of(ids[i]));
        }
    }

    [Fact]
    public void Names_are_unique_snake_case()
    {
        var names = OutcomeCatalogue.All.Select(m => m.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches(new Regex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$"), n));
    }

    [Fact]
    public void Every_name_constant_is_the_name_of_a_catalogue_entry()
    {
        var constants = typeof(MetricNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).ToList();
        Assert.NotEmpty(constants);
        foreach (var f in constants)
        {
            var entry = OutcomeCatalogue.Of(Enum.Parse<Outcome>(f.Name));
            Assert.Equal(entry.Name, (string)f.GetRawConstantValue()!);
        }
    }

    [Fact]
    public void Sensitivity_outputs_are_ordered_by_rank_and_ranks_are_distinct()
    {
        var ranks = OutcomeCatalogue.SensitivityOutputs.Select(m => m.SensitivityRank).ToList();
        Assert.Equal(Enumerable.Range(1, ranks.Count), ranks);
        Assert.Equal("cloud_revenue_cny_bn", OutcomeCatalogue.SensitivityOutputs[0].Name);
    }

    [Fact]
    public void The_console_headlines_follow_catalogue_order_starting_with_chips_delivered()
    {
        var headlines = OutcomeCatalogue.Headlines;
        Assert.Equal(OutcomeCatalogue.ChipsDelivered, headlines[0]);
        for (var i = 1; i < headlines.Length; i++) Assert.True(headlines[i - 1].Id < headlines[i].Id);
    }

    [Fact]
    public void Value_over_life_outcomes_need_their_keys_and_the_others_need_none()
    {
        Assert.Equal(OutcomeRequirement.ValueOverLife, OutcomeCatalogue.LifetimeRoi.Requires);
        Assert.Equal(OutcomeRequirement.ValuePerShare, OutcomeCatalogue.NpvPerAdsUsd.Requires);
        Assert.Equal(OutcomeRequirement.None, OutcomeCatalogue.Roi.Requires);
    }
}
