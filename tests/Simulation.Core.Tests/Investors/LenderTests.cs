using UrbanSim.Core.Investors;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.Tests.Engine;

namespace UrbanSim.Core.Tests.Investors;

/// <summary>Lenders: their own hurdles, tolerances and limits, a place judged by its record, withdrawal, cheapest first.</summary>
public class LenderTests
{
    private static readonly DevelopmentParameters D = new()
    {
        LendersPerRegion = 3, BaseRequiredReturnPerYear = 0.10, LenderHurdleSpreadPerYear = 0.02, CautiousLenderRiskTolerance = 0.4,
        UncertaintyPremiumPerYear = 0.02, PrivateLendingGbpPerHeadPerYear = 300, LenderPriorRisk = 0.3, LenderRiskLearningPerYear = 0.5,
    };

    [Fact]
    public void EachLender_HasItsOwnHurdleAndTolerance_TheCautiousCheapestAndFirstToWithdraw()
    {
        Assert.Equal([0.09, 0.10, 0.11], Enumerable.Range(0, 3).Select(l => Math.Round(Lenders.HurdlePerYear(l, 3, D), 12)));
        Assert.Equal([0.4, 0.7, 1.0], Enumerable.Range(0, 3).Select(l => Math.Round(Lenders.RiskTolerance(l, 3, D), 12)));
    }

    [Fact]
    public void ThePlaceIsJudgedByItsRecord_ChurnAndMoneyNotDelivered()
    {
        Assert.Equal(0, Lenders.ObservedRisk(0, 100, 100, 0.5), 12);
        Assert.Equal(0.25, Lenders.ObservedRisk(0.5, 100, 100, 0.5), 12);
        Assert.Equal(0.25, Lenders.ObservedRisk(0, 50, 100, 0.5), 12);
        Assert.Equal(0, Lenders.ObservedRisk(0, 0, 0, 0.5), 12);   // nothing received: nothing to deliver
        // The weight on churn sets how much each sign of the record counts.
        Assert.Equal(0.4, Lenders.ObservedRisk(0.5, 100, 100, 0.8), 12);
        Assert.Equal(0.1, Lenders.ObservedRisk(0, 50, 100, 0.8), 12);
        var finance = new FinanceState(1);
        Lenders.Start(finance, 1, D);
        Lenders.Observe(finance, 0, 0.9, D);
        Assert.All(finance.LenderPerceivedRisk, r => Assert.Equal(0.3 + 0.5 * (0.9 - 0.3), r, 12));
    }

    [Fact]
    public void AboveItsTolerance_ALenderWithdraws_AndTheRegionHasLessToBorrow()
    {
        var finance = new FinanceState(1);
        var p = new ModelParameters { Development = D };
        Lenders.Start(finance, 1, D);
        RequiredReturns.SetForYear(p, false, [1e6], 0, finance, [0]);
        Assert.Equal(3e8, finance.LendingLeftGbp[0], 3);   // what the three lenders have together
        Assert.All(finance.LenderLeftGbp, left => Assert.Equal(1e8, left, 3));
        Assert.Equal(0.09 + 0.3 * 0.02, finance.RequiredReturnPerYear[0], 12);
        // After churn and slow delivery the place looks riskier than the cautious lender tolerates: it withdraws.
        Lenders.Observe(finance, 0, 0.8, D);
        RequiredReturns.SetForYear(p, false, [1e6], 0, finance, [0]);
        Assert.Equal(0, finance.LenderLeftGbp[0]);
        Assert.True(double.IsPositiveInfinity(finance.LenderRatePerYear[0]));
        Assert.Equal(1, finance.LenderYearsWithdrawn[0]);
        double second = 0.10 + 0.55 * 0.02, third = 0.11 + 0.55 * 0.02;
        Assert.Equal(second, finance.RequiredReturnPerYear[0], 12);   // the next lender is now the cheapest
        Assert.Equal(2e8, finance.LendingLeftGbp[0], 3);
        // A loan within the cheapest lender's limit costs its rate; a larger one is shared, cheapest first.
        Assert.Equal(second, Lenders.BlendedRatePerYear(finance, 0, 5e7), 12);
        Assert.Equal((1e8 * second + 5e7 * third) / 1.5e8, Lenders.BlendedRatePerYear(finance, 0, 1.5e8), 12);
        Assert.True(double.IsPositiveInfinity(Lenders.BlendedRatePerYear(finance, 0, 2.5e8)));   // more than they have together
        Lenders.Lend(finance, 0, 1.5e8, buildYears: 2);
        Assert.Equal([0, 0, 5e7], finance.LenderLeftGbp);
        Assert.Equal([0, 1e8, 5e7], finance.LenderLentGbp);
        Assert.Equal(1e8 * second + 5e7 * third, finance.LenderIncomeGbp.Sum(), 3);   // tranche × rate × 2 years × ½
        Assert.Equal(5e7, finance.LendingLeftGbp[0], 3);
        Assert.Equal(1.5e8, finance.LentGbp[0], 3);
    }

    [Fact]
    public void InAWorld_ChurnMakesLendersWithdraw_AndFinanceDearer()
    {
        Scenario With(double churn) => EngineHarness.TwoRegions(EngineHarness.Variant("tied", SettlementCatalogue.TiedGrants, l => l with { ChurnRatePerYear = churn })) with
        {
            HorizonYears = 12,
            Parameters = EngineHarness.NoShocks() with { Development = new DevelopmentParameters { CautiousLenderRiskTolerance = 0.2, LenderRiskLearningPerYear = 0.6 } },
        };
        (double YearsWithdrawn, double RatePaid) Run(Scenario s)
        {
            var runner = new UrbanSim.Core.Engine.ReplicationRunner(s);
            var result = EngineHarness.Run(s, runner: runner);
            double lent = 0, income = 0;
            for (int r = 0; r < result.Regions; r++)
            {
                lent += result.RegionOutcomesOf(0, r)[RegionOutcomes.LendersLentGbp];
                income += result.RegionOutcomesOf(0, r)[RegionOutcomes.LendersFinanceIncomeGbp];
            }
            return (runner.Finance.LenderYearsWithdrawn.Sum(), income / lent);
        }
        var calm = Run(With(0));
        var churned = Run(With(0.9));
        Assert.True(churned.YearsWithdrawn > calm.YearsWithdrawn, $"years withdrawn: {churned.YearsWithdrawn} with churn, {calm.YearsWithdrawn} without");
        Assert.True(churned.RatePaid > calm.RatePaid, $"finance income per £ lent: {churned.RatePaid:F5} with churn, {calm.RatePaid:F5} without");
    }
}
