using UrbanSim.Core.Settlements;

namespace UrbanSim.Core.Tests.Settlements;

public class CompetitiveBiddingTests
{
    [Fact]
    public void Award_RegionWithNoWinsGetsNothing()
    {
        var award = new double[3];
        double left = CompetitiveBidding.Award(900, [2, 0, 1], [1, 5, 1], award);
        Assert.Equal(0, award[1]);
        Assert.Equal(600, award[0], 9);
        Assert.Equal(300, award[2], 9);
        Assert.Equal(0, left);
    }

    [Fact]
    public void Award_NobodyWins_MoneyStaysWithTheTreasury()
    {
        var award = new double[] { 7, 7 };
        double left = CompetitiveBidding.Award(900, [0, 0], [1, 1], award);
        Assert.Equal(900, left);
        Assert.All(award, a => Assert.Equal(0, a));
    }

    [Fact]
    public void SuccessProbability_RisesWithCapacityAndIsZeroWhenNobodySucceeds()
    {
        Assert.Equal(0.28, CompetitiveBidding.SuccessProbability(0.28, 0.55, 0.55), 12);
        Assert.True(CompetitiveBidding.SuccessProbability(0.28, 0.8, 0.55) > CompetitiveBidding.SuccessProbability(0.28, 0.3, 0.55));
        Assert.Equal(0, CompetitiveBidding.SuccessProbability(0, 1, 0.55));
        Assert.Equal(0.95, CompetitiveBidding.SuccessProbability(0.9, 1, 0.55), 12);
    }
}
