using UrbanSim.Core.Agents;

namespace UrbanSim.Core.Tests.Agents;

public class InvestorsTests
{
    [Fact]
    public void RequiredReturn_RisesWithPolicyUncertainty()
    {
        double stable = Investors.RequiredReturnPerYear(0.10, 0, 0.02, false, 0.03);
        double half = Investors.RequiredReturnPerYear(0.10, 0.5, 0.02, false, 0.03);
        double full = Investors.RequiredReturnPerYear(0.10, 1, 0.02, false, 0.03);
        Assert.Equal(0.10, stable, 12);
        Assert.Equal(0.11, half, 12);
        Assert.Equal(0.12, full, 12);
        // Uncertainty beyond 1 adds nothing more.
        Assert.Equal(full, Investors.RequiredReturnPerYear(0.10, 3, 0.02, false, 0.03), 12);
    }

    [Fact]
    public void RequiredReturn_RisesInRecession()
    {
        double normal = Investors.RequiredReturnPerYear(0.10, 0.4, 0.02, false, 0.03);
        double recession = Investors.RequiredReturnPerYear(0.10, 0.4, 0.02, true, 0.03);
        Assert.Equal(0.03, recession - normal, 12);
    }

    [Fact]
    public void PolicyUncertainty_RisesWithChurnAndShortFundingHorizons()
    {
        Assert.Equal(0, Investors.PolicyUncertainty(0, 5), 12);
        Assert.True(Investors.PolicyUncertainty(0.5, 5) > Investors.PolicyUncertainty(0, 5));
        Assert.True(Investors.PolicyUncertainty(0, 2) > Investors.PolicyUncertainty(0, 4));
        Assert.Equal(1, Investors.PolicyUncertainty(1, 1), 12);
    }
}
