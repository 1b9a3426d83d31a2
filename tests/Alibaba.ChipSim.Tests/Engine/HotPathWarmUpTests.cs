using System.Reflection;
using Alibaba.ChipSim.Engine;

namespace Alibaba.ChipSim.Tests.Engine;

public sealed class HotPathWarmUpTests
{
    [Theory]
    [InlineData("Alibaba.ChipSim.Engine.TrialWorker", "RunRange")]
    [InlineData("Alibaba.ChipSim.Engine.TrialWorker", "WriteRow")]
    [InlineData("Alibaba.ChipSim.Model.TrialModel", "StepMonths")]
    [InlineData("Alibaba.ChipSim.Policy.CompiledPolicy", "RunPath")]
    [InlineData("Alibaba.ChipSim.Sampling.RandomStreams", "Uniforms")]
    [InlineData("Alibaba.ChipSim.Sampling.ParameterTable", "DrawFrom")]
    [InlineData("Alibaba.ChipSim.Statistics.FusedSelection", "TrySelect")]
    [InlineData("Alibaba.ChipSim.Statistics.ColumnRange", "Of")]
    [InlineData("Alibaba.ChipSim.Statistics.YearTotals", "AddQuarters")]
    public void The_trial_loops_and_the_statistics_methods_are_among_those_compiled_ahead(string type, string method) =>
        Assert.Contains(HotPathWarmUp.Methods, m => m.DeclaringType!.FullName == type && m.Name == method);

    [Fact]
    public void It_compiles_exactly_the_methods_compiled_fully_optimised_at_their_first_call()
    {
        Assert.All(HotPathWarmUp.Methods, m =>
        {
            Assert.True((m.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) != 0, m.Name);
            Assert.False(m.ContainsGenericParameters, m.Name);
        });
        var expected = typeof(HotPathWarmUp).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Count(m => (m.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) != 0);
        Assert.Equal(expected, HotPathWarmUp.Methods.Count);
        Assert.True(HotPathWarmUp.Methods.Count >= 20, $"{HotPathWarmUp.Methods.Count} methods");
    }

    [Fact]
    public void Each_method_compiles_ahead_of_its_first_call() =>
        Assert.Equal(HotPathWarmUp.Methods.Count, HotPathWarmUp.Compile());
}
