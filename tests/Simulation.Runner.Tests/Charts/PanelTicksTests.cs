using UrbanSim.Runner.Charts;
using Xunit;

namespace UrbanSim.Runner.Tests.Charts;

public class PanelTicksTests
{
    [Theory]
    [InlineData(-0.033, 0.033, 2)]      // a narrow forest panel of HLE differences: the old rule labelled only 0
    [InlineData(-0.0004, 0.0121, 2)]
    [InlineData(-180e6, 40e6, 2)]
    [InlineData(-2600, 5200, 3)]
    public void APanelWithARange_AlwaysGetsAtLeastTwoRoundTicks_InsideIt(double min, double max, int count)
    {
        double[] ticks = PanelGrid.NiceTicks(min, max, count);
        Assert.True(ticks.Length >= 2, $"ticks {string.Join(", ", ticks)} for [{min}, {max}]");
        Assert.All(ticks, t => Assert.InRange(t, min, max));
        Assert.Equal(ticks.OrderBy(t => t), ticks);
    }

    [Fact]
    public void WhereTheUsualStepGivesTwoOrMore_TheTicksAreUnchanged()
    {
        Assert.Equal([0, 25, 50, 75, 100], PanelGrid.NiceTicks(0, 100, 4));
        Assert.Equal([-0.01, 0, 0.01], PanelGrid.NiceTicks(-0.0122, 0.0122, 3));
        Assert.Equal([62.5, 63, 63.5, 64], PanelGrid.NiceTicks(62.3, 64.2, 4));
    }
}

public class AxisLabelTests
{
    [Theory]
    [InlineData("QALYs over the horizon (discounted)", "million QALYs", "QALYs over the horizon (million QALYs, discounted)")]
    [InlineData("Healthy life expectancy, final year", "years", "Healthy life expectancy, final year (years)")]
    public void AnOutcomeWithItsUnit_HasOneParenthesis(string label, string unit, string expected) =>
        Assert.Equal(expected, ChartStyle.LabelWithUnit(label, unit));
}
