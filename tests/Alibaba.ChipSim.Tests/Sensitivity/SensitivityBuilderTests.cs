using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Sampling;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics.Sensitivity;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Sensitivity;

public sealed class SensitivityBuilderTests
{
    /// <summary>
    /// The SPEC example with AI demand growth made very uncertain (uniform 0.2 to 3.0 a year), non-AI growth fixed and
    /// baseline capacity ten times the demand (so AI revenue served is the demand itself, whatever arrives): cloud revenue
    /// is then a function of demand growth alone, by construction.
    /// </summary>
    private static Scenario DemandDominates(SamplingMethod method)
    {
        var s = TestScenarios.SpecExample();
        return s with
        {
            Simulation = s.Simulation with { Sampling = method },
            Compute = s.Compute with { BaselineCapacityCover = TestScenarios.P("compute.baseline_capacity_cover", 10) },
            Revenue = s.Revenue with
            {
                NonAiGrowthYoy = TestScenarios.P("revenue.non_ai_growth_yoy", 0.12),
                AiDemandGrowthYoy = TestScenarios.P("revenue.ai_demand_growth_yoy", new UniformDistribution(0.2, 3.0)),
            },
        };
    }

    [Theory]
    [InlineData(SamplingMethod.MonteCarlo)]
    [InlineData(SamplingMethod.LatinHypercube)]
    public void The_input_that_dominates_by_construction_ranks_first_for_cloud_revenue(SamplingMethod method)
    {
        var result = SimulationEngine.Run(DemandDominates(method), new RunOptions { Trials = 4000, Seed = 3, Threads = 2 });
        var report = SensitivityBuilder.Build(result);
        var revenue = report.Output(MetricNames.CloudRevenueCnyBn)!;
        var top = revenue.Inputs[0];
        Assert.Equal("revenue.ai_demand_growth_yoy", top.Input);
        Assert.True(top.Spearman > 0.9, $"ρ = {top.Spearman}");
        Assert.True(top.VarianceShare > 0.8, $"share = {top.VarianceShare}");
    }

    [Fact]
    public void Regenerated_inputs_are_the_values_the_trials_used()
    {
        // The engine keeps no parameter values; sensitivity regenerates them. Under Latin hypercube sampling the column
        // must equal, trial by trial, what the engine's own (designed) table draws.
        var scenario = DemandDominates(SamplingMethod.LatinHypercube);
        var options = new RunOptions { Trials = 500, Seed = 9, Threads = 1 };
        var plan = new SimulationPlan(scenario, options);
        var values = new double[plan.Parameters.Count];
        var i = plan.Parameters.IndexOf("economics.price_per_chip_usd");
        var design = plan.Parameters.Design!;
        var columns = Alibaba.ChipSim.Sampling.ParameterColumns.Regenerate(ParameterTable.For(scenario), design, 9);
        var price = columns.Single(c => c.Parameter == i).Values;
        for (var t = 0; t < 500; t++)
        {
            plan.Parameters.Draw(t, RandomStreams.TrialHash(9, t), values);
            Assert.Equal(values[i], price[t]);
        }
    }

    [Fact]
    public void Each_actor_months_to_approval_is_an_input_and_later_approval_means_fewer_chips()
    {
        var result = SimulationEngine.Run(TestScenarios.SpecExample(), new RunOptions { Trials = 4000, Seed = 5, Threads = 2 });
        var report = SensitivityBuilder.Build(result);
        Assert.Contains("washington_months_to_approval", report.Inputs);
        Assert.Contains("beijing_months_to_approval", report.Inputs);
        var chips = report.Output(MetricNames.ChipsDelivered)!;
        var beijing = chips.Inputs.Single(e => e.Input == "beijing_months_to_approval");
        Assert.True(beijing.Spearman < -0.3, $"ρ = {beijing.Spearman}");
        Assert.DoesNotContain(report.Inputs, name => name == "economics.usd_cny"); // constants are not inputs
    }

    [Fact]
    public void Under_correlations_the_regenerated_inputs_carry_the_target_rank_correlation()
    {
        // With price and buyer share rank-correlated at −0.7, the regenerated inputs (the values the trials used,
        // LHS or not, as the engine-equality test above shows) have ρ ≈ −0.7: SE ≈ (1 − 0.49)/√5000 ≈ 0.007, plus Iman–Conover's own small
        // miss; 0.05 covers both.
        var s = TestScenarios.SpecExample() with
        {
            Correlations = [new("economics.price_per_chip_usd", "shipments.buyer_share", -0.7, SourceLocation.None("<test>"))],
        };
        var result = SimulationEngine.Run(s, new RunOptions { Trials = 5000, Seed = 2, Threads = 2 });
        var table = ParameterTable.For(s);
        var design = Alibaba.ChipSim.Sampling.SamplingDesign.For(s, table, 2, 0, 5000);
        var columns = Alibaba.ChipSim.Sampling.ParameterColumns.Regenerate(table, design, 2);
        double[] Column(string path) => columns.Single(c => c.Parameter == table.IndexOf(path)).Values;
        var rho = Ranks.Spearman(Column("economics.price_per_chip_usd"), Column("shipments.buyer_share"));
        Assert.InRange(rho, -0.75, -0.65);
        // The sensitivity of the run sees the same pair (its inputs are these columns).
        Assert.Contains("shipments.buyer_share", SensitivityBuilder.Build(result).Inputs);
    }
}
