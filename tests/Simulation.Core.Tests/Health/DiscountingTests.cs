using UrbanSim.Core.Health;

namespace UrbanSim.Core.Tests.Health;

public class DiscountingTests
{
    [Fact]
    public void FirstYearIsNotDiscounted() => Assert.Equal(1.0, Discounting.Factor(Discounting.HealthRatePerYear, 0));

    [Fact]
    public void Factor_IsOneOverOnePlusRateToTheT()
    {
        Assert.Equal(1 / 1.035, Discounting.Factor(Discounting.CostRatePerYear, 1), 14);
        Assert.Equal(1 / Math.Pow(1.015, 30), Discounting.Factor(Discounting.HealthRatePerYear, 30), 14);
        Assert.Equal(0.7089188, Discounting.Factor(0.035, 10), 6); // 1.035^10 = 1.410599
    }

    [Fact]
    public void HealthIsDiscountedLessThanCosts() =>
        Assert.True(Discounting.Factor(Discounting.HealthRatePerYear, 20) > Discounting.Factor(Discounting.CostRatePerYear, 20));
}
