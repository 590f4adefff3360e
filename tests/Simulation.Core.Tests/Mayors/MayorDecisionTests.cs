using UrbanSim.Core.Engine;
using UrbanSim.Core.Mayors;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Programmes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.Tests.Engine;
using UrbanSim.Core.World;
using static UrbanSim.Core.Tests.Mayors.AllocationHarness;

namespace UrbanSim.Core.Tests.Mayors;

/// <summary>
/// The mayor's decision responds to every lever smoothly, has an outside option (holding money), and analytical capacity
/// changes what the mayor knows, so that it changes the allocation and, with the same money, the health it buys.
/// </summary>
public class MayorDecisionTests
{
    private static readonly string[] Spends = [.. ProgrammeCatalogue.Standard.All.Select(p => $"spend_{p.Name}_gbp")];

    /// <summary>
    /// A single pot world of two regions, one year, no shocks: the first allocation and its delivery. (Later years add
    /// the world's own thresholds, such as a site becoming viable as finance gets cheaper, which are not the decision rule.)
    /// </summary>
    private static Scenario FirstYears(double commitment, double capacity) =>
        EngineHarness.TwoRegions(EngineHarness.Variant("pot", SettlementCatalogue.SinglePot, l => l with { MissionCommitment = commitment, AnalyticalCapacity = capacity }))
            with { HorizonYears = 1, Parameters = EngineHarness.NoShocks() };

    private static double[] SpendShares(double commitment, double capacity, ReplicationRunner? runner = null) =>
        SpendShares(FirstYears(commitment, capacity), runner);

    private static double[] SpendShares(Scenario scenario, ReplicationRunner? runner = null)
    {
        var result = EngineHarness.Run(scenario, runner: runner);
        var catalogue = result.Catalogue;
        var spend = Spends.Select(name => result.Get(0, catalogue.IndexOf(name))).ToArray();
        double total = spend.Sum();
        return [.. spend.Select(s => total > 0 ? s / total : 0)];
    }

    private static double LargestStep(int steps)
    {
        double largest = 0;
        var shares = new double[steps + 1, steps + 1][];
        for (int i = 0; i <= steps; i++)
            for (int j = 0; j <= steps; j++)
                shares[i, j] = SpendShares((double)i / steps, (double)j / steps);
        for (int i = 0; i <= steps; i++)
            for (int j = 0; j <= steps; j++)
            {
                if (i < steps) largest = Math.Max(largest, shares[i, j].Zip(shares[i + 1, j], (a, b) => Math.Abs(a - b)).Max());
                if (j < steps) largest = Math.Max(largest, shares[i, j].Zip(shares[i, j + 1], (a, b) => Math.Abs(a - b)).Max());
            }
        return largest;
    }

    [Fact]
    public void SpendingSharesChangeContinuouslyAcrossCommitmentAndAnalyticalCapacity()
    {
        // On grids over both levers, halving the step roughly halves the largest change in a programme's share of
        // spending between neighbouring points: a continuous rule, with no jump anywhere in the square (a jump would
        // keep the largest change the same however fine the grid).
        double coarse = LargestStep(20), fine = LargestStep(40), finer = LargestStep(80);
        Assert.True(fine < 0.8 * coarse && finer < 0.8 * fine, $"largest change between neighbours: {coarse:F4} (step 1/20), {fine:F4} (1/40), {finer:F4} (1/80)");
        Assert.True(finer < 0.1, $"a step of 1/80 in a lever moved a programme's share of spending by {finer:F3}");
    }

    [Fact]
    public void AFullyCommittedMayorWithoutAnalyticalCapacityStillSpreadsMoneyOverProgrammes()
    {
        // Once every perceived benefit was zero in this corner and all flexible money went to the first programme.
        var shares = SpendShares(commitment: 1, capacity: 0);
        Assert.True(shares.Count(s => s > 0.02) >= 4, "money went to: " + string.Join(", ", shares.Select(s => s.ToString("F3"))));
        Assert.True(shares.Max() < 0.6);
    }

    [Fact]
    public void AtFullCommitmentAnalyticalCapacityChangesTheAllocation()
    {
        // Ten years of a pot flexible enough, and money scarce enough against what can be delivered, for the choice to be
        // the mayor's (with ample money every programme is at its delivery cap whoever decides).
        Scenario Flexible(double capacity) => FirstYears(1, capacity) with
        {
            HorizonYears = 10,
            Variants = [EngineHarness.Variant("pot", SettlementCatalogue.SinglePot, l => l with { MissionCommitment = 1, AnalyticalCapacity = capacity, FlexibilityShare = 0.8, FundingPerHeadGbp = 80 })],
        };
        var low = SpendShares(Flexible(0.2));
        var high = SpendShares(Flexible(1));
        Assert.True(low.Zip(high, (a, b) => Math.Abs(a - b)).Max() > 0.02, "capacity 0.2 and 1 allocate alike at full commitment: "
            + string.Join(" ", low.Select(x => x.ToString("F3"))) + " / " + string.Join(" ", high.Select(x => x.ToString("F3"))));
        // Seeing morbidity and NHS savings lifts the invisible programmes: warm homes and joint prevention.
        int warm = Index(StandardProgrammes.WarmHomes), prevention = Index(StandardProgrammes.JointPrevention);
        Assert.True(high[warm] + high[prevention] > low[warm] + low[prevention]);
    }

    [Fact]
    public void WithTheSameMoneyAnalyticalCapacityBuysMoreHealth()
    {
        // A single pot (no bids, so capacity does not change the money), full commitment, 25 years, common random numbers.
        var scenario = EngineHarness.TwoRegions(
            EngineHarness.Variant("low_capacity", SettlementCatalogue.SinglePot, l => l with { MissionCommitment = 1, AnalyticalCapacity = 0.1, FlexibilityShare = 0.5 }),
            EngineHarness.Variant("high_capacity", SettlementCatalogue.SinglePot, l => l with { MissionCommitment = 1, AnalyticalCapacity = 1, FlexibilityShare = 0.5 }))
            with { HorizonYears = 25 };
        var runner = new ReplicationRunner(scenario);
        int better = 0, reps = 24;
        double qalyGain = 0, spendLow = 0, spendHigh = 0, paidLow = 0, paidHigh = 0;
        for (int rep = 0; rep < reps; rep++)
        {
            var result = EngineHarness.Run(scenario, rep, runner: runner);
            double gain = result.Get(1, StandardOutcomes.Qalys) - result.Get(0, StandardOutcomes.Qalys);
            if (gain > 0) better++;
            qalyGain += gain;
            spendLow += result.Get(0, StandardOutcomes.PublicSpendGbp); spendHigh += result.Get(1, StandardOutcomes.PublicSpendGbp);
            // Central money: what mayors were paid less what the ICB pooled (the partnership, and so pooling, may differ).
            paidLow += Central(result, 0); paidHigh += Central(result, 1);
        }
        Assert.Equal(paidLow, paidHigh, 1e-6 * paidLow);                      // the same central money
        Assert.InRange(spendHigh / spendLow, 0.9, 1.1);                        // spent to within a tenth
        Assert.True(better >= reps * 3 / 4, $"higher capacity gained QALYs in {better} of {reps} replications (mean {qalyGain / reps:F0})");
    }

    private static double Central(ReplicationResult result, int variant) =>
        result.Ledger[variant].PaidToMayorsGbp - result.Ledger[variant].PooledReturnedGbp - result.Get(variant, StandardOutcomes.IcbPooledGbp);

    [Fact]
    public void MoneyThatCanWaitIsHeldWhenNothingClearsTheHurdle_MoneyThatIsDueIsSpent()
    {
        var themeMoney = new double[Themes.Count];
        themeMoney[(int)Theme.Transport] = 1_000;
        var due = new double[Themes.Count];
        var benefit = Enumerable.Repeat(0.5, N).ToArray();
        var saturation = Enumerable.Repeat(100.0, N).ToArray();
        var cap = Enumerable.Repeat(double.PositiveInfinity, N).ToArray();
        var spend = new double[N];
        var fromTheme = new double[N];
        Allocate(due, themeMoney, 0, hurdle: 1, benefit, saturation, cap, spend, fromTheme);
        Assert.Equal(0, spend.Sum());                          // every benefit below the hurdle: all held

        benefit[Index(StandardProgrammes.CleanAir)] = 2;       // clean air clears it until its marginal benefit falls to 1
        Allocate(due, themeMoney, 0, hurdle: 1, benefit, saturation, cap, spend, fromTheme);
        Assert.Equal(100 * Math.Log(2), spend[Index(StandardProgrammes.CleanAir)], 6);
        Assert.Equal(100 * Math.Log(2), spend.Sum(), 6);

        due[(int)Theme.Transport] = 600;                       // 600 is due this year: spent whatever the hurdle
        Allocate(due, themeMoney, 0, hurdle: 1, benefit, saturation, cap, spend, fromTheme);
        Assert.True(spend.Sum() >= 600 - 1e-6);
        Assert.True(spend.Sum() <= 1_000 + 1e-6);
    }

    [Fact]
    public void HoldingMoneyIsWorthLessTheMoreIsAlreadyHeld()
    {
        Assert.Equal(1, MayoralSpending.HoldValuePerGbp(1, heldGbp: 0, yearOfMoneyGbp: 100), 12);
        Assert.Equal(0.5, MayoralSpending.HoldValuePerGbp(1, heldGbp: 100, yearOfMoneyGbp: 100), 12);
        Assert.True(MayoralSpending.HoldValuePerGbp(1, 300, 100) < MayoralSpending.HoldValuePerGbp(1, 200, 100));
        Assert.Equal(0, MayoralSpending.HoldValuePerGbp(1, 0, 0));
    }
}
