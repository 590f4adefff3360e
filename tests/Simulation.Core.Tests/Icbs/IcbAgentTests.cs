using UrbanSim.Core.Icbs;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.Tests.Engine;

namespace UrbanSim.Core.Tests.Icbs;

/// <summary>The ICB as an agent: its expectations of savings, what pooled money costs NHS care, and its accounts.</summary>
public class IcbAgentTests
{
    private static readonly IcbParameters Icb = new() { PriorSavingsPerGbp = 0.5, SavingsLearningPerYear = 0.3, SavingsResponse = 0.2 };

    [Fact]
    public void LearnFromSavings_MovesTheExpectationAShareOfTheWayToWhatLanded()
    {
        var state = new IcbState(regions: 1, zones: 1);
        state.ExpectedSavingsPerGbp[0] = 0.5;
        state.JointPreventionThisYearGbp[0] = 100e6;
        state.PooledUsedThisYearGbp[0] = 40e6;
        state.SavingsLandedGbp[0] = 150e6;
        IcbRules.LearnFromSavings(state, 0, Icb);
        // Joint money is the larger of the two (100m); observed 1.5 per £; a 0.3 step from 0.5.
        Assert.Equal(100e6, state.JointMoneyGbp[0]);
        Assert.Equal(0.5 + 0.3 * (1.5 - 0.5), state.ExpectedSavingsPerGbp[0], 12);
    }

    [Fact]
    public void LearnFromSavings_WithoutJointMoney_KeepsTheExpectation()
    {
        var state = new IcbState(regions: 1, zones: 1);
        state.ExpectedSavingsPerGbp[0] = 0.7;
        IcbRules.LearnFromSavings(state, 0, Icb);
        Assert.Equal(0.7, state.ExpectedSavingsPerGbp[0]);
    }

    [Fact]
    public void OfferPooling_AnIcbThatHasSeenSavingsLandPoolsMore()
    {
        var levers = new PolicyLevers { Settlement = SettlementCatalogue.TiedGrants };
        double Offer(double expectedSavings)
        {
            var state = new IcbState(regions: 1, zones: 1);
            state.Partnership[0] = 0.5;
            state.ExpectedSavingsPerGbp[0] = expectedSavings;
            IcbRules.OfferPooling(SettlementCatalogue.TiedGrants.Rules, levers, Icb, [1e6], state);
            return state.PooledOfferedGbp[0];
        }
        Assert.True(Offer(1.0) > Offer(0.5));
        Assert.True(Offer(0.5) > Offer(0.2));
        // At its prior the ICB pools as the partnership alone says.
        Assert.Equal(IcbRules.PooledWithMayorGbp(Icb.AllocationGbpPerHead * 1e6, Icb.PreventionShare, 0.5, Icb.PartnershipPoolingThreshold,
            Icb.PartnershipPooledPreventionShare, false, 0, Icb.PoolingRampWidth), Offer(0.5), 6);
    }

    [Fact]
    public void ChargePooledMoney_CostsTheQalysNhsCareWouldHaveBought_Discounted()
    {
        var state = new IcbState(regions: 2, zones: 1);
        var icb = new IcbParameters { NhsCostPerQalyGbp = 13_500 };
        double forgone = IcbRules.ChargePooledMoney(state, 1, 27e6, year: 0, icb);
        Assert.Equal(2_000, forgone, 9);
        double later = IcbRules.ChargePooledMoney(state, 1, 27e6, year: 10, icb);
        Assert.Equal(2_000 * Math.Pow(1.015, -10), later, 6);
        Assert.Equal(forgone + later, state.CareQalysForgone[1], 9);
        Assert.Equal(0, state.CareQalysForgone[0]);
    }

    private static Scenario Devolved(double nhsCostPerQalyGbp) =>
        EngineHarness.TwoRegions(
            EngineHarness.Variant("tied", SettlementCatalogue.TiedGrants, l => l with { IcbPartnership = 0 }),
            EngineHarness.Variant("devolved", SettlementCatalogue.HealthDevolution, l => l with { IcbPartnership = 0.9 })) with
        {
            // An ICB that does not act on savings it sees, and no convening: with no partnership it never pools.
            Parameters = EngineHarness.NoShocks() with
            {
                Icb = new IcbParameters { NhsCostPerQalyGbp = nhsCostPerQalyGbp, SavingsResponse = 0 },
                Politics = new PoliticsParameters { ConveningGainPerYear = 0 },
            },
        };

    [Fact]
    public void PooledMoneyHasAnOpportunityCost_HealthDevolutionForgoesNhsCare_ANoPoolingVariantNone()
    {
        var result = EngineHarness.Run(Devolved(13_500));
        // No partnership, tied grants: nothing pooled, nothing forgone.
        Assert.Equal(0, result.Get(0, StandardOutcomes.IcbPooledGbp));
        Assert.Equal(0, result.Get(0, StandardOutcomes.NhsCareQalysForgone));
        double pooled = result.Get(1, StandardOutcomes.IcbPooledGbp), forgone = result.Get(1, StandardOutcomes.NhsCareQalysForgone);
        Assert.True(pooled > 0);
        // Every pooled £ costs 1/13,500 of a QALY, discounted: between the undiscounted and the last year's discount.
        Assert.InRange(forgone, pooled / 13_500 * Math.Pow(1.015, -10), pooled / 13_500);
    }

    [Fact]
    public void NhsCareForgone_FallsAsNhsCareGetsDearer_AndEqualsTheIcbsTotals()
    {
        var cheap = EngineHarness.Run(Devolved(10_000));
        var dear = EngineHarness.Run(Devolved(20_000));
        // The same draws and decisions (the cost per QALY changes no decision): forgone QALYs halve.
        Assert.Equal(cheap.Get(1, StandardOutcomes.IcbPooledGbp), dear.Get(1, StandardOutcomes.IcbPooledGbp));
        Assert.Equal(cheap.Get(1, StandardOutcomes.NhsCareQalysForgone) / 2, dear.Get(1, StandardOutcomes.NhsCareQalysForgone), 6);
        double byIcb = 0;
        for (int r = 0; r < dear.Regions; r++) byIcb += dear.RegionOutcomesOf(1, r)[RegionOutcomes.IcbCareQalysForgone];
        Assert.Equal(dear.Get(1, StandardOutcomes.NhsCareQalysForgone), byIcb, 6);
    }

    [Fact]
    public void NetQalys_AreQalysLessCareForgoneLessTheCareTreatmentCostsWouldBuy()
    {
        var scenario = Devolved(13_500);
        var result = EngineHarness.Run(scenario);
        for (int v = 0; v < 2; v++)
        {
            double treatmentCare = 0;
            for (int y = 0; y < scenario.HorizonYears; y++)
                treatmentCare += result.GetYearly(v, y, StandardSeries.NhsCostGbp) / 13_500 * Math.Pow(1.015, -y);
            double expected = result.Get(v, StandardOutcomes.Qalys) - result.Get(v, StandardOutcomes.NhsCareQalysForgone) - treatmentCare;
            Assert.Equal(expected, result.Get(v, StandardOutcomes.NetQalys), 3);
        }
    }

    [Fact]
    public void AnIcbActingOnTheSavingsItSees_PoolsMoreThanOneThatDoesNot()
    {
        var variant = EngineHarness.Variant("pot", SettlementCatalogue.SinglePot, l => l with { IcbPartnership = 0.45, MissionCommitment = 0.9, AnalyticalCapacity = 0.9 });
        var blind = EngineHarness.Small(variant) with
        {
            Parameters = EngineHarness.NoShocks() with
            {
                Politics = new PoliticsParameters { ConveningGainPerYear = 0 },
                Icb = new IcbParameters { SavingsResponse = 0 },
            },
        };
        var learning = blind with { Parameters = blind.Parameters with { Icb = new IcbParameters { SavingsResponse = 0.4, PriorSavingsPerGbp = 0.2 } } };
        var seen = EngineHarness.Run(learning);
        Assert.True(seen.RegionOutcomesOf(0, 0)[RegionOutcomes.IcbExpectedSavingsPerGbp] > 0.2, "savings landed above the prior");
        Assert.True(seen.Get(0, StandardOutcomes.IcbPooledGbp) > EngineHarness.Run(blind).Get(0, StandardOutcomes.IcbPooledGbp));
    }

    [Fact]
    public void IcbAccounts_TreatmentCostsPaidAreTheYearsCostsAddedUp()
    {
        var scenario = Devolved(13_500);
        var result = EngineHarness.Run(scenario);
        for (int v = 0; v < 2; v++)
        {
            double yearly = 0, byIcb = 0;
            for (int y = 0; y < scenario.HorizonYears; y++) yearly += result.GetYearly(v, y, StandardSeries.NhsCostGbp);
            for (int r = 0; r < result.Regions; r++) byIcb += result.RegionOutcomesOf(v, r)[RegionOutcomes.IcbTreatmentCostGbp];
            Assert.Equal(yearly, byIcb, yearly * 1e-12);
        }
    }
}
