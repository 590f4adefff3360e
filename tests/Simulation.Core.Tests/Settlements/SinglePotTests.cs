using UrbanSim.Core.Agents;
using UrbanSim.Core.Settlements;

namespace UrbanSim.Core.Tests.Settlements;

public class SinglePotTests
{
    private static readonly double[] NoLimit = Enumerable.Repeat(double.PositiveInfinity, Programmes.Count).ToArray();

    [Fact]
    public void SinglePot_FlexibleMoneyGoesToTheHighestBenefitProgrammeOfAnyTheme()
    {
        var benefit = new double[Programmes.Count];
        for (int p = 0; p < Programmes.Count; p++) benefit[p] = 1 + p * 0.01;
        benefit[(int)Programme.JointPrevention] = 9;   // public health, the smallest tied theme
        var spend = new double[Programmes.Count];
        var fromTheme = new double[Programmes.Count];

        Mayors.AllocateByBenefitPerPound(new double[Programmes.ThemeCount], 2_000_000, benefit, NoLimit, NoLimit, spend, fromTheme);

        Assert.Equal(2_000_000, spend[(int)Programme.JointPrevention], 6);
        Assert.Equal(2_000_000, spend.Sum(), 6);
        Assert.All(fromTheme, x => Assert.Equal(0, x));
    }

    [Fact]
    public void SinglePot_AllowsMovingMoneyBetweenThemes_WhileTiedMoneyCannot()
    {
        // The same £1m: as transport money it cannot reach warm homes; as flexible money it can.
        var benefit = Enumerable.Repeat(0.5, Programmes.Count).ToArray();
        benefit[(int)Programme.WarmHomes] = 5;
        var tied = new double[Programmes.ThemeCount];
        tied[(int)Theme.Transport] = 1_000_000;
        var spendTied = new double[Programmes.Count];
        var spendFlexible = new double[Programmes.Count];
        var fromTheme = new double[Programmes.Count];

        Mayors.AllocateByBenefitPerPound(tied, 0, benefit, NoLimit, NoLimit, spendTied, fromTheme);
        Mayors.AllocateByBenefitPerPound(new double[Programmes.ThemeCount], 1_000_000, benefit, NoLimit, NoLimit, spendFlexible, fromTheme);

        Assert.Equal(0, spendTied[(int)Programme.WarmHomes]);
        Assert.Equal(1_000_000, spendFlexible[(int)Programme.WarmHomes], 6);
    }

    [Fact]
    public void SinglePot_FlexibleMoneySpreadsAsMarginalBenefitsSaturate()
    {
        var benefit = new double[Programmes.Count];
        benefit[(int)Programme.GreenSpace] = 2;
        benefit[(int)Programme.ActiveTravel] = 1;
        var saturation = Enumerable.Repeat(100_000.0, Programmes.Count).ToArray();
        var spend = new double[Programmes.Count];
        var fromTheme = new double[Programmes.Count];

        Mayors.AllocateByBenefitPerPound(new double[Programmes.ThemeCount], 1_000_000, benefit, saturation, NoLimit, spend, fromTheme);

        Assert.True(spend[(int)Programme.GreenSpace] > spend[(int)Programme.ActiveTravel]);
        Assert.True(spend[(int)Programme.ActiveTravel] > 0);
        Assert.Equal(1_000_000, spend.Sum(), 6);
    }

    [Fact]
    public void Pay_SplitsFlexibleShareAndRingFencesTheRestByTheme()
    {
        var pot = new SinglePot(2);
        double[] shares = [0.45, 0.25, 0.2, 0.1];
        pot.Pay(1, 1_000, flexibilityShare: 0.8, shares);
        Assert.Equal(800, pot.FlexibleGbp(1), 9);
        Assert.Equal(200 * 0.45, pot.ThemeGbp(1, Theme.Transport), 9);
        Assert.Equal(200 * 0.1, pot.ThemeGbp(1, Theme.PublicHealth), 9);
        Assert.Equal(0, pot.FlexibleGbp(0));
        Assert.Equal(1_000, pot.TotalBalanceGbp(), 9);
    }

    [Fact]
    public void SpendFlexible_MoreThanTheBalance_Throws()
    {
        var pot = new SinglePot(1);
        pot.Pay(0, 1_000, 0.5, [0.25, 0.25, 0.25, 0.25]);
        Assert.Throws<InvalidOperationException>(() => pot.SpendFlexible(0, 600));
        Assert.Throws<InvalidOperationException>(() => pot.SpendTheme(0, Theme.Housing, 126));
        pot.SpendTheme(0, Theme.Housing, 125);
        Assert.Equal(0, pot.ThemeGbp(0, Theme.Housing), 9);
    }
}
