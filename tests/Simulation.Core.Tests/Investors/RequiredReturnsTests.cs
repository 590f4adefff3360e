using UrbanSim.Core.Investors;

namespace UrbanSim.Core.Tests.Investors;

public class RequiredReturnsTests
{
    [Fact]
    public void RequiredReturn_RisesWithPerceivedRisk()
    {
        double stable = RequiredReturns.RequiredReturnPerYear(0.10, 0, 0.02, false, 0.03);
        double half = RequiredReturns.RequiredReturnPerYear(0.10, 0.5, 0.02, false, 0.03);
        double full = RequiredReturns.RequiredReturnPerYear(0.10, 1, 0.02, false, 0.03);
        Assert.Equal(0.10, stable, 12);
        Assert.Equal(0.11, half, 12);
        Assert.Equal(0.12, full, 12);
        // Risk beyond 1 adds nothing more.
        Assert.Equal(full, RequiredReturns.RequiredReturnPerYear(0.10, 3, 0.02, false, 0.03), 12);
    }

    [Fact]
    public void RequiredReturn_RisesInRecession()
    {
        double normal = RequiredReturns.RequiredReturnPerYear(0.10, 0.4, 0.02, false, 0.03);
        double recession = RequiredReturns.RequiredReturnPerYear(0.10, 0.4, 0.02, true, 0.03);
        Assert.Equal(0.03, recession - normal, 12);
    }

}
