using UrbanSim.Core.Programmes;
using UrbanSim.Core.Settlements;

using static UrbanSim.Core.Tests.Mayors.AllocationHarness;

namespace UrbanSim.Core.Tests.Settlements;

public class SinglePotTests
{
    private static readonly double[] NoLimit = Enumerable.Repeat(double.PositiveInfinity, N).ToArray();

    [Fact]
    public void SinglePot_FlexibleMoneyGoesToTheHighestBenefitProgrammeOfAnyTheme()
    {
        var benefit = new double[N];
        for (int p = 0; p < N; p++) benefit[p] = 1 + p * 0.01;
        benefit[Index(StandardProgrammes.JointPrevention)] = 9;   // public health, the smallest tied theme
        var spend = new double[N];
        var fromTheme = new double[N];

        Allocate(new double[Themes.Count], 2_000_000, benefit, NoLimit, NoLimit, spend, fromTheme);

        Assert.Equal(2_000_000, spend[Index(StandardProgrammes.JointPrevention)], 6);
        Assert.Equal(2_000_000, spend.Sum(), 6);
        Assert.All(fromTheme, x => Assert.Equal(0, x));
    }

    [Fact]
    public void SinglePot_AllowsMovingMoneyBetweenThemes_WhileTiedMoneyCannot()
    {
        // The same £1m: as transport money it cannot reach warm homes; as flexible money it can.
        var benefit = Enumerable.Repeat(0.5, N).ToArray();
        benefit[Index(StandardProgrammes.WarmHomes)] = 5;
        var tied = new double[Themes.Count];
        tied[(int)Theme.Transport] = 1_000_000;
        var spendTied = new double[N];
        var spendFlexible = new double[N];
        var fromTheme = new double[N];

        Allocate(tied, 0, benefit, NoLimit, NoLimit, spendTied, fromTheme);
        Allocate(new double[Themes.Count], 1_000_000, benefit, NoLimit, NoLimit, spendFlexible, fromTheme);

        Assert.Equal(0, spendTied[Index(StandardProgrammes.WarmHomes)]);
        Assert.Equal(1_000_000, spendFlexible[Index(StandardProgrammes.WarmHomes)], 6);
    }

    [Fact]
    public void SinglePot_FlexibleMoneySpreadsAsMarginalBenefitsSaturate()
    {
        var benefit = new double[N];
        benefit[Index(StandardProgrammes.GreenSpace)] = 2;
        benefit[Index(StandardProgrammes.ActiveTravel)] = 1;
        var saturation = Enumerable.Repeat(100_000.0, N).ToArray();
        var spend = new double[N];
        var fromTheme = new double[N];

        Allocate(new double[Themes.Count], 1_000_000, benefit, saturation, NoLimit, spend, fromTheme);

        Assert.True(spend[Index(StandardProgrammes.GreenSpace)] > spend[Index(StandardProgrammes.ActiveTravel)]);
        Assert.True(spend[Index(StandardProgrammes.ActiveTravel)] > 0);
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
