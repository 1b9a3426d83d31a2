using Alibaba.ChipSim.Report;

namespace Alibaba.ChipSim.Tests.Report;

public sealed class ComparisonSectionTests
{
    private static ReportScenario Run(string name, int seed, double openness = 1.0) =>
        SyntheticResults.AsReportScenario(SyntheticResults.Make(name, 400, seed, openness), SyntheticResults.Date);

    [Fact]
    public void A_variant_that_changes_nothing_gets_a_sentence_in_place_of_its_paired_charts()
    {
        var baseRun = Run("base", 1);
        var copy = Run("copy", 1); // the same trials under another name: every paired difference is 0
        var report = ReportBuilder.Build([baseRun, copy], SyntheticResults.Date, threads: 2);
        Assert.Contains("is the same in copy as in base in every trial: what copy changes does not reach it.", report.Html);
        Assert.DoesNotContain(report.Charts, c => c.FileStem.StartsWith("compare-copy-minus-base", StringComparison.Ordinal));
        Assert.Contains(report.Charts, c => c.FileStem == "compare-first-delivery");
    }

    [Fact]
    public void The_sections_notes_and_charts_keep_their_order_whatever_the_thread_count()
    {
        var runs = new[] { Run("base", 1), Run("closed", 1, 0.3), Run("copy", 1) };
        var one = ReportBuilder.Build(runs, SyntheticResults.Date, threads: 1);
        var several = ReportBuilder.Build(runs, SyntheticResults.Date, threads: 4);
        Assert.Equal(one.Html, several.Html);
        Assert.Equal(one.Charts.Select(c => c.FileStem), several.Charts.Select(c => c.FileStem));
        var paired = one.Charts.Select(c => c.FileStem).Where(s => s.Contains("-minus-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["compare-closed-minus-base-incremental-revenue-cny-bn", "compare-closed-minus-base-roi"], paired);
        Assert.True(one.Html.IndexOf("compare-closed-minus-base", StringComparison.Ordinal)
                    < one.Html.IndexOf("is the same in copy as in base", StringComparison.Ordinal));
    }

    [Fact]
    public void A_variant_at_another_seed_is_not_paired_and_says_so()
    {
        var other = Run("reseeded", 2);
        other = other with { Provenance = other.Provenance with { Seed = other.Provenance.Seed + 1 } };
        var report = ReportBuilder.Build([Run("base", 1), other], SyntheticResults.Date);
        Assert.Contains("reseeded ran at a different seed from base, so its trials are not paired", report.Html);
        Assert.DoesNotContain(report.Charts, c => c.FileStem.Contains("-minus-", StringComparison.Ordinal));
    }
}
