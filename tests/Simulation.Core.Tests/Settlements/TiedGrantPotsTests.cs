using UrbanSim.Core.Programmes;
using UrbanSim.Core.Settlements;

using static UrbanSim.Core.Tests.Mayors.AllocationHarness;

namespace UrbanSim.Core.Tests.Settlements;

public class TiedGrantPotsTests
{
    private static readonly double[] NoSaturation = Enumerable.Repeat(double.PositiveInfinity, N).ToArray();
    private static readonly double[] NoCap = Enumerable.Repeat(double.PositiveInfinity, N).ToArray();

    [Fact]
    public void TiedPot_CannotFundAnotherTheme()
    {
        var themeMoney = new double[Themes.Count];
        themeMoney[(int)Theme.Transport] = 1_000_000;
        var benefit = new double[N];
        benefit[Index(StandardProgrammes.ActiveTravel)] = 0.1;
        benefit[Index(StandardProgrammes.CleanAir)] = 0.2;
        benefit[Index(StandardProgrammes.WarmHomes)] = 50;        // housing
        benefit[Index(StandardProgrammes.SiteAssembly)] = 40;     // housing
        benefit[Index(StandardProgrammes.GreenSpace)] = 30;       // regeneration
        benefit[Index(StandardProgrammes.Capacity)] = 20;         // regeneration
        benefit[Index(StandardProgrammes.JointPrevention)] = 60;  // public health
        var spend = new double[N];
        var fromTheme = new double[N];

        Allocate(themeMoney, 0, benefit, NoSaturation, NoCap, spend, fromTheme);

        for (int p = 0; p < N; p++)
            if (ThemeOf[p] != Theme.Transport)
                Assert.Equal(0, spend[p]);
        Assert.Equal(1_000_000, spend[Index(StandardProgrammes.ActiveTravel)] + spend[Index(StandardProgrammes.CleanAir)], 6);
        Assert.Equal(1_000_000, spend[Index(StandardProgrammes.CleanAir)], 6);   // the better transport programme takes it all
        Assert.Equal(spend, fromTheme);
    }

    [Fact]
    public void TiedPot_MoneyAProgrammeCannotAbsorbIsLeftUnspentNotMoved()
    {
        var themeMoney = new double[Themes.Count];
        themeMoney[(int)Theme.Housing] = 1_000_000;
        var benefit = Enumerable.Repeat(1.0, N).ToArray();
        var cap = (double[])NoCap.Clone();
        cap[Index(StandardProgrammes.WarmHomes)] = 100_000;
        cap[Index(StandardProgrammes.SiteAssembly)] = 50_000;
        var spend = new double[N];
        var fromTheme = new double[N];

        Allocate(themeMoney, 0, benefit, NoSaturation, cap, spend, fromTheme);

        Assert.Equal(100_000, spend[Index(StandardProgrammes.WarmHomes)], 6);
        Assert.Equal(50_000, spend[Index(StandardProgrammes.SiteAssembly)], 6);
        Assert.Equal(150_000, spend.Sum(), 6);
    }

    [Fact]
    public void Spend_MoreThanThemeBalance_Throws()
    {
        var pots = new TiedGrantPots(2);
        pots.Add(0, Theme.Transport, 100, endYear: 3);
        pots.Add(0, Theme.Housing, 1_000, endYear: 3);
        pots.Add(1, Theme.Transport, 1_000, endYear: 3);
        Assert.Throws<InvalidOperationException>(() => pots.Spend(0, Theme.Transport, 101));
    }

    [Fact]
    public void Spend_DrawsOnlyTheThemeAndRegionSpent()
    {
        var pots = new TiedGrantPots(2);
        pots.Add(0, Theme.Transport, 100, endYear: 3);
        pots.Add(0, Theme.Housing, 1_000, endYear: 3);
        pots.Add(1, Theme.Transport, 1_000, endYear: 3);
        pots.Spend(0, Theme.Transport, 60);
        Assert.Equal(40, pots.BalanceGbp(0, Theme.Transport), 9);
        Assert.Equal(1_000, pots.BalanceGbp(0, Theme.Housing), 9);
        Assert.Equal(1_000, pots.BalanceGbp(1, Theme.Transport), 9);
        Assert.Equal(2_040, pots.TotalBalanceGbp(), 9);
    }

    [Fact]
    public void Spend_DrawsTheOldestVintageFirst()
    {
        var pots = new TiedGrantPots(1);
        pots.Add(0, Theme.Regeneration, 100, endYear: 5);
        pots.Add(0, Theme.Regeneration, 100, endYear: 2);
        pots.Spend(0, Theme.Regeneration, 150);
        double extended = 0;
        Assert.Equal(0, pots.EndOfYear(0, 2, forfeitShare: 0.5, maxExtensions: 0, ref extended), 9);   // the year-2 vintage was spent in full
        Assert.Equal(50, pots.BalanceGbp(0, Theme.Regeneration), 9);
    }

    [Fact]
    public void Deadline_AMissedDeadlineForfeitsASmallShareAndExtendsTheRest_AfterTheLastExtensionAllIsForfeited()
    {
        var pots = new TiedGrantPots(1);
        pots.Add(0, Theme.Housing, 300, endYear: 3);
        pots.Add(0, Theme.PublicHealth, 200, endYear: 4);
        pots.Spend(0, Theme.Housing, 100);
        double extended = 0;

        Assert.Equal(0, pots.EndOfYear(0, 2, 0.1, 1, ref extended), 9);            // no deadline yet
        Assert.Equal(20, pots.EndOfYear(0, 3, 0.1, 1, ref extended), 9);           // housing: 10% of 200 forfeited ...
        Assert.Equal(180, extended, 9);                                            // ... and 180 extended to year 4
        Assert.Equal(180, pots.BalanceGbp(0, Theme.Housing), 9);
        Assert.Equal(180, pots.DueGbp(0, Theme.Housing, 4, maxExtensions: 1), 9); // its last year: due
        Assert.Equal(0, pots.DueGbp(0, Theme.PublicHealth, 4, maxExtensions: 1), 9); // not extended yet: it can still slip
        Assert.Equal(180 + 20, pots.EndOfYear(0, 4, 0.1, 1, ref extended), 9);     // housing out of extensions; public health's 10%
        Assert.Equal(180 + 180, extended, 9);
        Assert.Equal(0, pots.BalanceGbp(0, Theme.Housing), 9);
        Assert.Equal(180, pots.BalanceGbp(0, Theme.PublicHealth), 9);
    }

    [Fact]
    public void Deadline_WithNoForfeitShareNothingIsLostUntilTheExtensionsRunOut()
    {
        var pots = new TiedGrantPots(1);
        pots.Add(0, Theme.Transport, 100, endYear: 1);
        double extended = 0;
        Assert.Equal(0, pots.EndOfYear(0, 1, 0, 2, ref extended), 9);
        Assert.Equal(0, pots.EndOfYear(0, 2, 0, 2, ref extended), 9);
        Assert.Equal(200, extended, 9);
        Assert.Equal(100, pots.EndOfYear(0, 3, 0, 2, ref extended), 9);
        Assert.Equal(0, pots.TotalBalanceGbp(), 9);
    }
}
