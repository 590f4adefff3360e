using UrbanSim.Core.Engine;
using UrbanSim.Core.Mayors;
using UrbanSim.Core.Programmes;
using UrbanSim.Core.Settlements;

using static UrbanSim.Core.Tests.Mayors.AllocationHarness;

namespace UrbanSim.Core.Tests.Mayors;

/// <summary>
/// The mayor's allocation equalises marginal benefit per £ in closed form. It must equal the limit of the
/// obvious procedure (spend a tiny amount at a time on the programme with the highest marginal benefit),
/// which these tests run as an independent reference.
/// </summary>
public class AllocationTests
{

    /// <summary>Greedy reference: <paramref name="steps"/> equal steps per pot of money, each to the best eligible programme.</summary>
    private static void Greedy(double[] themeMoney, double flexible, double[] benefit, double[] saturation, double[] cap,
        double[] spend, double[] fromTheme, int steps)
    {
        Array.Clear(spend); Array.Clear(fromTheme);
        for (int t = 0; t <= Themes.Count; t++)
        {
            bool isFlexible = t == Themes.Count;
            double money = isFlexible ? flexible : themeMoney[t];
            double step = money / steps, left = money;
            while (left > money * 1e-12)
            {
                int best = -1;
                double bestValue = double.NegativeInfinity;
                for (int p = 0; p < N; p++)
                {
                    if (!isFlexible && (int)ThemeOf[p] != t) continue;
                    if (spend[p] >= cap[p]) continue;
                    double marginal = benefit[p] * Math.Exp(-spend[p] / saturation[p]);
                    if (marginal > bestValue) { bestValue = marginal; best = p; }
                }
                if (best < 0) break;
                double amount = Math.Min(Math.Min(step, left), cap[best] - spend[best]);
                spend[best] += amount;
                if (!isFlexible) fromTheme[best] += amount;
                left -= amount;
            }
        }
    }

    private static (double[] Theme, double Flexible, double[] Benefit, double[] Saturation, double[] Cap) RandomCase(int seed)
    {
        // The project's counter-based draws, one index per number, so a case depends only on its seed.
        var draws = new ReplicationRandom((ulong)seed, 0);
        int index = 0;
        double Next() => draws.Uniform(RngStream.World, 0, 0, index++);
        var theme = new double[Themes.Count];
        for (int t = 0; t < theme.Length; t++) theme[t] = Next() < 0.6 ? Next() * 5e6 : 0;
        double flexible = Next() < 0.7 ? Next() * 1e7 : 0;
        var benefit = new double[N];
        var saturation = new double[N];
        var cap = new double[N];
        for (int p = 0; p < N; p++)
        {
            benefit[p] = Next() < 0.1 ? 0 : 0.1 + 3 * Next();
            saturation[p] = Next() < 0.3 ? double.PositiveInfinity : 2e5 + 5e6 * Next();
            cap[p] = Next() < 0.4 ? Next() * 4e6 : double.PositiveInfinity;
        }
        return (theme, flexible, benefit, saturation, cap);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Allocation_EqualsTheLimitOfSpendingAPoundAtATimeOnTheBestProgramme(int seed)
    {
        var (theme, flexible, benefit, saturation, cap) = RandomCase(seed);
        var spend = new double[N]; var fromTheme = new double[N];
        var greedySpend = new double[N]; var greedyFromTheme = new double[N];

        Allocate(theme, flexible, benefit, saturation, cap, spend, fromTheme);
        Greedy(theme, flexible, benefit, saturation, cap, greedySpend, greedyFromTheme, steps: 20_000);

        double total = theme.Sum() + flexible;
        for (int p = 0; p < N; p++)
        {
            Assert.Equal(greedySpend[p], spend[p], total * 2e-4);
            Assert.Equal(greedyFromTheme[p], fromTheme[p], total * 2e-4);
        }
    }

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int seed = 1; seed <= 40; seed++) data.Add(seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Allocation_SpendsAllItCanAndNeverMoreThanCapsOrMoney(int seed)
    {
        var (theme, flexible, benefit, saturation, cap) = RandomCase(seed);
        var spend = new double[N]; var fromTheme = new double[N];

        Allocate(theme, flexible, benefit, saturation, cap, spend, fromTheme);

        for (int p = 0; p < N; p++)
        {
            Assert.InRange(spend[p], 0, cap[p]);
            Assert.InRange(fromTheme[p], 0, spend[p] * (1 + 1e-12));
        }
        for (int t = 0; t < Themes.Count; t++)
        {
            double fromThisTheme = Enumerable.Range(0, N).Where(p => (int)ThemeOf[p] == t).Sum(p => fromTheme[p]);
            Assert.True(fromThisTheme <= theme[t] * (1 + 1e-12) + 1e-6, $"theme {t} spent {fromThisTheme} of {theme[t]}");
            // A theme's money is left over only when all its programmes are at their caps.
            bool allCapped = Enumerable.Range(0, N).Where(p => (int)ThemeOf[p] == t).All(p => spend[p] >= cap[p] * (1 - 1e-12));
            if (!allCapped) Assert.Equal(theme[t], fromThisTheme, Math.Max(1e-6, theme[t] * 1e-12));
        }
        double flexibleSpent = spend.Sum() - fromTheme.Sum();
        Assert.True(flexibleSpent <= flexible * (1 + 1e-12) + 1e-6);
        if (spend.Where((s, p) => s < cap[p]).Any()) Assert.Equal(flexible, flexibleSpent, Math.Max(1e-6, flexible * 1e-12));
    }

    [Fact]
    public void Allocation_LeavesEveryFundedSaturatingProgrammeAtTheSameMarginalBenefit()
    {
        double[] benefit = [3, 2, 0, 0, 1.5, 0.5, 2.5];
        var saturation = Enumerable.Repeat(1_000_000.0, N).ToArray();
        var cap = Enumerable.Repeat(double.PositiveInfinity, N).ToArray();
        var spend = new double[N]; var fromTheme = new double[N];

        Allocate(new double[Themes.Count], 4_000_000, benefit, saturation, cap, spend, fromTheme);

        var funded = Enumerable.Range(0, N).Where(p => spend[p] > 0).ToList();
        double lambda = benefit[funded[0]] * Math.Exp(-spend[funded[0]] / saturation[funded[0]]);
        foreach (int p in funded) Assert.Equal(lambda, benefit[p] * Math.Exp(-spend[p] / saturation[p]), 1e-9);
        // Unfunded programmes are those whose first £ is worth no more than λ.
        foreach (int p in Enumerable.Range(0, N).Except(funded)) Assert.True(benefit[p] <= lambda + 1e-12);
        Assert.Equal(4_000_000, spend.Sum(), 6);
    }

    [Fact]
    public void Allocation_ConstantBenefitProgrammeFillsToItsCapBeforeTheOthersFallBelowIt()
    {
        // Warm homes (no saturation) is worth 1 per £ up to its £1m cap; active travel starts at 4 and saturates.
        var benefit = new double[N];
        benefit[Index(StandardProgrammes.WarmHomes)] = 1;
        benefit[Index(StandardProgrammes.ActiveTravel)] = 4;
        var saturation = Enumerable.Repeat(double.PositiveInfinity, N).ToArray();
        saturation[Index(StandardProgrammes.ActiveTravel)] = 500_000;
        var cap = Enumerable.Repeat(double.PositiveInfinity, N).ToArray();
        cap[Index(StandardProgrammes.WarmHomes)] = 1_000_000;
        var spend = new double[N]; var fromTheme = new double[N];

        Allocate(new double[Themes.Count], 3_000_000, benefit, saturation, cap, spend, fromTheme);

        // Active travel first takes S ln 4 ≈ £693k (down to a marginal benefit of 1), then warm homes fills its £1m cap,
        // and the rest goes back to active travel.
        Assert.Equal(1_000_000, spend[Index(StandardProgrammes.WarmHomes)], 6);
        Assert.Equal(2_000_000, spend[Index(StandardProgrammes.ActiveTravel)], 6);
    }
}
