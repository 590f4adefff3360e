using UrbanSim.Core.Engine;
using UrbanSim.Core.Government;
using UrbanSim.Core.Icbs;
using UrbanSim.Core.Investors;
using UrbanSim.Core.Mayors;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.Tests.Engine;

namespace UrbanSim.Core.Tests.Mayors;

/// <summary>
/// The roles of mayors in seed 000 as mechanisms: missions that outlast elections (a compact), the figurehead who lowers
/// risk and brings co-investment, the convener whose partnership with the ICB grows with joint work and savings, local
/// innovation that learns from its own delivery and from other mayors, and a central government with its own churn.
/// </summary>
public class MayorRoleTests
{
    private static Scenario Variants(params PolicyVariant[] variants) =>
        EngineHarness.TwoRegions(variants) with { HorizonYears = 25, Parameters = EngineHarness.NoShocks() };

    [Theory]
    [InlineData(0.8, 1, 0.1, 0.8)]      // a full compact: the mission's commitment, whatever the new mayor brings
    [InlineData(0.8, 0, 0.1, 0.18)]     // no compact: the new mayor's own (min 0.1 + 0.8 × 0.1)
    [InlineData(0.8, 0.5, 0.1, 0.49)]   // half way
    public void NewMayorsCommitmentIsHeldToTheMissionAsFarAsTheCompactBinds(double mission, double compact, double draw, double expected) =>
        Assert.Equal(expected, Elections.NewMayorCommitment(mission, compact, draw, new PoliticsParameters()), 12);

    [Fact]
    public void AFullMissionCompactKeepsEveryMayorAtTheMissionsCommitmentThroughElectionsAndChangesOfGovernment()
    {
        var scenario = Variants(
            EngineHarness.Variant("no_compact", SettlementCatalogue.SinglePot, l => l with { MissionCommitment = 0.9 }),
            EngineHarness.Variant("compact", SettlementCatalogue.SinglePot, l => l with { MissionCommitment = 0.9, MissionCompact = 1 }));
        var runner = new ReplicationRunner(scenario);
        double replaced = 0, spreadWithout = 0;
        for (int rep = 0; rep < 8; rep++)
        {
            var result = EngineHarness.Run(scenario, rep, runner: runner);
            Assert.Equal(0.9, result.Get(1, StandardOutcomes.FinalCommitment), 9);
            replaced += result.Get(1, StandardOutcomes.NewMayors);
            spreadWithout += Math.Abs(result.Get(0, StandardOutcomes.FinalCommitment) - 0.9);
        }
        Assert.True(replaced > 0, "no mayor was replaced: the test would prove nothing");
        Assert.True(spreadWithout / 8 > 0.05, "without a compact, elections and the national steer move commitment");
    }

    [Fact]
    public void CentralGovernmentChangesItsPriorityAtItsChurnRate_ACompactHoldsItToTheMission()
    {
        var p = new PoliticsParameters { NationalPriorityChangePerYear = 0.25 };
        int changes = 0, years = 0;
        for (int rep = 0; rep < 200; rep++)
        {
            var state = new NationalSteerState();
            NationalSteer.Start(state, new PolicyLevers { MissionCommitment = 0.7 });
            var random = new ReplicationRandom(5, rep);
            for (int year = 0; year < 20; year++, years++) NationalSteer.Year(state, year, compact: 0, p, random);
            changes += state.PriorityChanges;
        }
        Assert.InRange(changes / (double)years, 0.22, 0.28);
        Assert.Equal(0.7, NationalSteer.AfterChange(0.7, compact: 1, freshPriority: 0.1), 12);
        Assert.Equal(0.1, NationalSteer.AfterChange(0.7, compact: 0, freshPriority: 0.1), 12);
        Assert.Equal(0.5, NationalSteer.Respond(0.4, steer: 0.9, responsePerYear: 0.2), 12);
    }

    [Fact]
    public void AFigureheadsPoliticalCapitalLowersTheReturnInvestorsRequire()
    {
        double without = RequiredReturns.RequiredReturnPerYear(0.10, 0.5, 0.02, false, 0.03);
        double with = RequiredReturns.RequiredReturnPerYear(0.10, 0.5, 0.02, false, 0.03, figureheadDiscountPerYear: 0.005 * 0.8);
        Assert.Equal(without - 0.004, with, 12);
    }

    [Fact]
    public void AFigureheadBringsPartnersCoInvestmentIntoAreaSchemes()
    {
        var scenario = Variants(EngineHarness.Variant("tied", SettlementCatalogue.TiedGrants));
        var none = scenario with { Parameters = scenario.Parameters with { Politics = scenario.Parameters.Politics with { CoInvestmentPerGbp = 0 } } };
        var result = EngineHarness.Run(scenario);
        var without = EngineHarness.Run(none);
        Assert.Equal(0, without.Get(0, StandardOutcomes.CoInvestmentGbp));
        double coInvestment = result.Get(0, StandardOutcomes.CoInvestmentGbp);
        double schemes = result.Get(0, result.Catalogue.IndexOf("spend_active_travel_gbp")) + result.Get(0, result.Catalogue.IndexOf("spend_clean_air_gbp"))
                         + result.Get(0, result.Catalogue.IndexOf("spend_green_space_gbp"));
        // At most the parameter's share of the mayor's scheme spending (at full political capital), and some of it.
        Assert.InRange(coInvestment, 0.02 * schemes, 0.2 * schemes);
    }

    [Fact]
    public void ConveningJointWorkAndSavingsStrengthenThePartnershipUntilTheIcbPools()
    {
        // The partnership starts below the pooling threshold; a mayor who puts money into joint prevention sees it grow
        // past the threshold, and the ICB then pools; without convening it stays where it started (and an ICB that does
        // not act on the savings it sees then never pools).
        var scenario = Variants(EngineHarness.Variant("pot", SettlementCatalogue.SinglePot, l => l with { IcbPartnership = 0.3, MissionCommitment = 0.9, AnalyticalCapacity = 0.9 }));
        var fixedPartnership = scenario with
        {
            Parameters = scenario.Parameters with
            {
                Politics = scenario.Parameters.Politics with { ConveningGainPerYear = 0 },
                Icb = scenario.Parameters.Icb with { SavingsResponse = 0 },
            },
        };
        var convening = EngineHarness.Run(scenario);
        var fixedRun = EngineHarness.Run(fixedPartnership);
        Assert.Equal(0.3, fixedRun.Get(0, StandardOutcomes.FinalIcbPartnership), 9);
        Assert.Equal(0, fixedRun.Get(0, StandardOutcomes.IcbPooledGbp));
        Assert.True(convening.Get(0, StandardOutcomes.FinalIcbPartnership) > 0.5, $"partnership {convening.Get(0, StandardOutcomes.FinalIcbPartnership):F3}");
        Assert.True(convening.Get(0, StandardOutcomes.IcbPooledGbp) > 0);
    }

    [Fact]
    public void ConveningWithoutJointWorkThePartnershipFadesBackToWhereItStarted()
    {
        var icb = new IcbState(1, 1);
        icb.Partnership[0] = 0.6; icb.StartPartnership[0] = 0.3; icb.AllocationGbpPerYear[0] = 1e9;
        IcbRules.Convene(icb, 0, savingsGbp: 0, new IcbParameters(), new PoliticsParameters { ConveningDecayPerYear = 0.1 });
        Assert.Equal(0.6 - 0.1 * 0.3, icb.Partnership[0], 12);
        icb.JointPreventionThisYearGbp[0] = 1e9 * 0.045 * 0.5;   // full joint work, and savings to match it
        IcbRules.Convene(icb, 0, savingsGbp: 1e9 * 0.045 * 0.5, new IcbParameters(), new PoliticsParameters { ConveningGainPerYear = 0.1 });
        Assert.Equal(0.57 + 0.1 * (1 - 0.57), icb.Partnership[0], 12);
    }

    [Fact]
    public void TestAndLearnErrorsShrinkWithOwnDeliveryTimesCapacity_AndPeersPullTowardsTheirMean()
    {
        var mayors = new MayorState(regions: 3, zones: 3, programmes: 1);
        mayors.BeliefError[0] = 0.6; mayors.BeliefError[1] = -0.3; mayors.BeliefError[2] = 0.3;
        mayors.AnalyticalCapacity[0] = 1; mayors.AnalyticalCapacity[1] = 0; mayors.AnalyticalCapacity[2] = 1;
        mayors.DeliveredThisYearGbp[0] = 1e6; mayors.DeliveredThisYearGbp[1] = 1e6;  // region 2 delivered nothing
        var people = new double[] { 1e6, 1e6, 1e6 };
        var politics = new PoliticsParameters { OwnLearningPerYear = 0.5, PeerLearningPerYear = 0.1 };
        MayorKnowledge.Learn(mayors, people, politics, new double[3]);
        Assert.Equal(0.6 * 0.5 + 0.1 * (0.0 - 0.6), mayors.BeliefError[0], 12);      // learns from its delivery and its peers
        Assert.Equal(-0.3 + 0.1 * (0.45 + 0.3), mayors.BeliefError[1], 12);           // no capacity: only its peers
        Assert.Equal(0.3 + 0.1 * (0.15 - 0.3), mayors.BeliefError[2], 12);            // no delivery: only its peers
    }

    [Fact]
    public void TheSinglePotsOutcomesFrameworkWithdrawsFlexibilityAfterAMissedReview()
    {
        var state = new FundingState(1);
        state.Clear();
        var f = new FundingParameters { SinglePotYears = 4, OutcomesFrameworkMinimumDelivery = 0.7, OutcomesFrameworkFlexibilityLoss = 0.5 };
        var settlement = SettlementCatalogue.SinglePot.Rules;
        var ledger = new MoneyLedger();
        state.ReviewReceivedGbp[0] = 100; state.ReviewSpentGbp[0] = 60;
        settlement.EndOfYear(state, 0, year: 2, f, ref ledger);         // not a review year
        Assert.Equal(1, state.FlexibilityFactor[0]);
        settlement.EndOfYear(state, 0, year: 3, f, ref ledger);         // delivered 60% against 70%: missed
        Assert.Equal(0.5, state.FlexibilityFactor[0]);
        Assert.Equal(1, ledger.OutcomesFrameworkMisses);
        state.ReviewReceivedGbp[0] = 100; state.ReviewSpentGbp[0] = 90;
        settlement.EndOfYear(state, 0, year: 7, f, ref ledger);         // met: flexibility back
        Assert.Equal(1, state.FlexibilityFactor[0]);
    }

    [Fact]
    public void TheNonHealthShareOfEverySettlementIsSpentOnSkillsAndBusesAndMoneyIsConserved()
    {
        var scenario = Variants(
            EngineHarness.Variant("tied", SettlementCatalogue.TiedGrants, l => l with { CompetitiveShare = 0, ChurnRatePerYear = 0 }),
            EngineHarness.Variant("pot", SettlementCatalogue.SinglePot)) with
        {
            Parameters = EngineHarness.NoShocks() with { Politics = new PoliticsParameters { ConveningGainPerYear = 0 }, Icb = new IcbParameters { SavingsResponse = 0 } },
        };
        var result = EngineHarness.Run(scenario);
        double share = new FundingParameters().NonHealthShare;
        for (int v = 0; v < 2; v++)
        {
            var ledger = result.Ledger[v];
            Assert.Equal(share * ledger.PaidToMayorsGbp, ledger.NonHealthSpendGbp, 1e-9 * ledger.PaidToMayorsGbp);
            Assert.Equal(ledger.NonHealthSpendGbp, result.Get(v, StandardOutcomes.NonHealthSpendGbp), 1e-6);
            Assert.Equal(0, ledger.ImbalanceGbp, 1e-6 * ledger.PaidToMayorsGbp);
        }
    }

    [Theory]
    [InlineData("tied_grants")]
    [InlineData("single_pot")]
    public void ElectionsJudgeSpendingAgainstTheProgrammeMoney_NotTheShareSkillsAndBusesSpend(string settlementName)
    {
        // A mayor who spends every £ it may spend on programmes has delivered in full; the non-health share is not its to spend.
        var settlement = SettlementCatalogue.Find(settlementName)!;
        var levers = new PolicyLevers { Settlement = settlement, CompetitiveShare = 0, ChurnRatePerYear = 0 };
        var parameters = new ModelParameters();
        var state = new FundingState(1);
        Themes.Shares(parameters.Funding, state.ThemeShares);
        double[] term = [0], total = [0], population = [1_000_000], capacity = [0.55];
        var ledger = new MoneyLedger();
        settlement.Rules.Pay(new FundingYear(0, 1, levers, parameters, population, capacity, new ReplicationRandom(1, 0)), state, ref ledger,
            new ReceivedMoney(term, total));
        double paid = levers.FundingPerHeadGbp * population[0];
        Assert.Equal(paid, total[0], 1e-6);
        Assert.Equal(paid * (1 - parameters.Funding.NonHealthShare), term[0], 1e-6);
        Assert.Equal(total[0] - term[0], ledger.NonHealthSpendGbp, 1e-6);
    }
}
