using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Statistics.Comparison;

namespace Alibaba.ChipSim.Tests.Output;

public sealed class DiffInputsTests
{
    [Fact]
    public void The_paired_test_scores_the_mean_per_trial_difference_against_its_own_standard_error()
    {
        using var runs = new PairedRunFolders();

        var comparison = PairedComparer.Compare(DiffInputs.Load(runs.A, runs.B), zThreshold: 3);

        Assert.Equal(4, comparison.PairedTrials);
        Assert.Null(comparison.TestNote);
        var x = comparison.Metrics.Single(m => m.Name == "x");
        Assert.Equal(25, x.Old);
        Assert.Equal(27.5, x.New);
        Assert.Equal(2.5, x.Change!.Value, 12);
        Assert.Equal(Math.Sqrt(5.0 / 3), x.Paired!.SdDifference!.Value, 12);
        Assert.Equal(Math.Sqrt(5.0 / 3) / 2, x.Paired.SeDifference!.Value, 12);
        Assert.Equal(2.5 / (Math.Sqrt(5.0 / 3) / 2), x.Statistic!.Value, 12); // 3.8730
        Assert.True(x.Significant);
        Assert.Equal(4, x.Paired.Changed);
        Assert.Equal(4, x.Paired.Pairs);
        Assert.Null(x.Paired.Up);
    }

    [Fact]
    public void A_difference_that_is_the_same_non_zero_value_in_every_trial_is_a_certain_move()
    {
        using var runs = new PairedRunFolders();

        var c = PairedComparer.Compare(DiffInputs.Load(runs.A, runs.B)).Metrics.Single(m => m.Name == "c");

        Assert.Equal(double.PositiveInfinity, c.Statistic);
        Assert.True(c.Significant);
        Assert.Equal(0, c.Paired!.SdDifference);
    }

    [Fact]
    public void A_zero_one_metric_reports_the_discordant_trials_and_mcnemars_z()
    {
        using var runs = new PairedRunFolders();

        var flag = PairedComparer.Compare(DiffInputs.Load(runs.A, runs.B)).Metrics.Single(m => m.Name == "flag");

        Assert.Equal(MetricKind.Probability, flag.Kind);
        Assert.Equal(1, flag.Paired!.Up);
        Assert.Equal(1, flag.Paired.Down);
        Assert.Equal(2, flag.Paired.Changed);
        Assert.Equal(0, flag.Statistic);
        Assert.False(flag.Significant);
    }

    [Fact]
    public void Metrics_equal_in_every_trial_are_reported_identical_and_undefined_trials_are_left_out_of_the_pairs()
    {
        using var runs = new PairedRunFolders();

        var comparison = PairedComparer.Compare(DiffInputs.Load(runs.A, runs.B));

        var roi = comparison.Metrics.Single(m => m.Name == "roi");
        Assert.Equal(3, roi.Paired!.Pairs);
        Assert.Equal(0, roi.Paired.Changed);
        Assert.Equal(0, roi.Statistic);
        Assert.Equal(PairedComparer.IdenticalNote, roi.Note);
        var finals = comparison.Metrics.Single(m => m.Name == "washington_final");
        Assert.Equal(MetricKind.Shares, finals.Kind);
        Assert.Equal(PairedComparer.IdenticalNote, finals.Note);
    }

    [Fact]
    public void With_unpaired_the_summaries_two_sample_test_is_used_and_misses_the_move_the_paired_test_finds()
    {
        using var runs = new PairedRunFolders();

        var comparison = PairedComparer.Compare(DiffInputs.Load(runs.A, runs.B, unpaired: true), zThreshold: 3);

        Assert.Null(comparison.PairedTrials);
        var x = comparison.Metrics.Single(m => m.Name == "x");
        Assert.Equal(2.5 / Math.Sqrt(6.455 * 6.455 + 7.1 * 7.1), x.Statistic!.Value, 12); // 0.2606
        Assert.False(x.Significant);
        Assert.Null(x.Paired);
    }

    [Fact]
    public void Different_seeds_fall_back_to_the_unpaired_test_with_a_note_saying_why()
    {
        using var runs = new PairedRunFolders(seedB: 8);

        var comparison = PairedComparer.Compare(DiffInputs.Load(runs.A, runs.B));

        Assert.Null(comparison.PairedTrials);
        Assert.Equal("unpaired: the seeds differ (7 and 8), so the trials do not share their draws", comparison.TestNote);
    }

    [Fact]
    public void A_trials_file_with_fewer_rows_on_one_side_is_an_error_naming_the_file_and_line()
    {
        using var runs = new PairedRunFolders(trialsB: "trial,x,c,flag,roi,washington_final\n0,11,6,1,1.5,licensed\n");

        var e = Assert.Throws<InvalidDataException>(() => PairedComparer.Compare(DiffInputs.Load(runs.A, runs.B)));

        Assert.Equal($"{Path.Combine(runs.B, "trials.csv")}:3: the file ends here after 1 trial, but its summary.json counts 4", e.Message);
    }

    [Fact]
    public void Quoted_csv_fields_may_hold_commas_and_doubled_quotes()
    {
        Assert.Equal(["0", "a,\"b\"", ""], TrialsCsvReader.Fields("0,\"a,\"\"b\"\"\",", "f.csv", 2));
    }
    [Fact]
    public void Runs_conditioned_on_history_are_compared_unpaired_because_their_weights_differ()
    {
        using var runs = new PairedRunFolders(trialsB: """
            trial,x,c,flag,roi,washington_final,weight
            0,11,6,1,1.5,licensed,0.5
            1,22,7,1,,licensed,1
            2,33,8,0,2,rescinded,0.25
            3,44,9,0,3,licensed,0

            """);

        var comparison = PairedComparer.Compare(DiffInputs.Load(runs.A, runs.B));

        Assert.Null(comparison.PairedTrials);
        Assert.Contains("conditioned on history", comparison.TestNote, StringComparison.Ordinal);
    }
}
