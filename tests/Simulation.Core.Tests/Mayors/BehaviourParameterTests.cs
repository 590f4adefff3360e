using UrbanSim.Core.Engine;
using UrbanSim.Core.Icbs;
using UrbanSim.Core.Mayors;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.Programmes;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Tests.Mayors;

/// <summary>
/// Behaviour that was fixed in the code until it was drawn (docs/model.md §8.2): each parameter does what its meaning
/// says, and at its default gives what the fixed number gave.
/// </summary>
public class BehaviourParameterTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(0.3)]
    [InlineData(0.7)]
    public void DeliveryFactor_RunsFromTheShareWithoutCapacityToAllOfIt(double withoutCapacity)
    {
        Assert.Equal(withoutCapacity, PerceivedBenefits.DeliveryFactor(0, withoutCapacity), 12);
        Assert.Equal(1, PerceivedBenefits.DeliveryFactor(1, withoutCapacity), 12);
        Assert.Equal((withoutCapacity + 1) / 2, PerceivedBenefits.DeliveryFactor(0.5, withoutCapacity), 12);
        Assert.Equal(0.5 + 0.5 * 0.4, PerceivedBenefits.DeliveryFactor(0.4, new PoliticsParameters().DeliveryShareWithoutCapacity), 12);
    }

    [Fact]
    public void CapacitysPerceivedBenefit_IsFullUnderCompetition_AndTheDrawnShareElsewhere()
    {
        Assert.Equal(1.5 * 0.6, PerceivedBenefits.CapacityOtherBenefitPerGbp(1.5, awardsByCompetition: true, valueWithoutCompetition: 0.25, capacity: 0.4), 12);
        Assert.Equal(1.5 * 0.25 * 0.6, PerceivedBenefits.CapacityOtherBenefitPerGbp(1.5, awardsByCompetition: false, valueWithoutCompetition: 0.25, capacity: 0.4), 12);
        Assert.Equal(1.5 * 0.6, PerceivedBenefits.CapacityOtherBenefitPerGbp(1.5, awardsByCompetition: false, valueWithoutCompetition: 1, capacity: 0.4), 12);
        Assert.Equal(0, PerceivedBenefits.CapacityOtherBenefitPerGbp(1.5, awardsByCompetition: true, valueWithoutCompetition: 0.5, capacity: 1), 12);
        Assert.Equal(0.5, new PoliticsParameters().CapacityValueWithoutCompetition);   // the number fixed in the code before it was drawn
    }

    [Fact]
    public void ARemedysBenefitSaturates_OverTheDrawnShareOfWhatRemedyingAllThatIsLeftWouldCost()
    {
        // 10,000 cold homes at £7,000: £70m to remedy them all.
        Assert.Equal(35e6, PerceivedBenefits.RemedySaturationGbp(70e6, 0.5), 6);   // the number fixed in the code before it was drawn
        Assert.Equal(17.5e6, PerceivedBenefits.RemedySaturationGbp(70e6, 0.25), 6);
        Assert.Equal(70e6, PerceivedBenefits.RemedySaturationGbp(70e6, 1), 6);
        Assert.Equal(1, PerceivedBenefits.RemedySaturationGbp(0, 0.5));            // nothing left to remedy: at least £1
        Assert.Equal(0.5, new PoliticsParameters().RemedySaturationShare);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.75)]
    public void CapacitySpending_RaisesAnalyticalCapacityByItsShareOfTheCapacityGain(double analyticalShare)
    {
        double capacity = 0.4, analytical = 0.2;
        ProgrammeDelivery.ImproveCapacity(ref capacity, ref analytical, amountGbp: 2e6, regionPopulation: 1e6, scaleGbpPerHead: 4, analyticalShare);
        double gain = 1 - Math.Exp(-2.0 / 4);
        Assert.Equal(0.4 + 0.6 * gain, capacity, 12);
        Assert.Equal(0.2 + 0.8 * analyticalShare * gain, analytical, 12);
    }

    [Fact]
    public void Elections_ReelectedMayorsGainTheDrawnCapital_NewMayorsStartAtTheDrawnStart()
    {
        var kept = new PoliticsParameters { BaseReelectionProbability = 1, DeliveryEffectOnReelection = 0, ReelectionPoliticalCapitalGain = 0.15 };
        var lost = new PoliticsParameters { BaseReelectionProbability = 0, DeliveryEffectOnReelection = 0, StartPoliticalCapital = 0.45 };
        var mayors = new MayorState(regions: 2, zones: 2, programmes: 1);
        mayors.PoliticalCapital[0] = 0.5; mayors.PoliticalCapital[1] = 0.9;
        Elections.Hold(mayors, [1e6, 1e6], kept, new ReplicationRandom(3, 0), year: 3, mission: 0.5, compact: 0);
        Assert.Equal(0.65, mayors.PoliticalCapital[0], 12);
        Assert.Equal(1, mayors.PoliticalCapital[1], 12);   // capped at 1
        Elections.Hold(mayors, [1e6, 1e6], lost, new ReplicationRandom(3, 0), year: 7, mission: 0.5, compact: 0);
        Assert.All(mayors.PoliticalCapital, c => Assert.Equal(0.45, c, 12));
        Assert.All(mayors.MayorsElected, n => Assert.Equal(1, n));
    }

    [Fact]
    public void Elections_VotersWeighHomesAgainstSpendingByTheDrawnWeight()
    {
        // A mayor who built every home of the target and spent nothing of the money: re-elected more often the more homes count.
        double ReelectedShare(double homesWeight)
        {
            var politics = new PoliticsParameters { BaseReelectionProbability = 0.5, DeliveryEffectOnReelection = 0.8, ElectionHomesWeight = homesWeight };
            int reelected = 0;
            const int trials = 4000;
            for (int rep = 0; rep < trials; rep++)
            {
                var mayors = new MayorState(regions: 1, zones: 1, programmes: 1);
                mayors.HomesThisTerm[0] = 1e6; mayors.ReceivedThisTermGbp[0] = 1e6;
                Elections.Hold(mayors, [1e6], politics, new ReplicationRandom(9, rep), year: 3, mission: 0.5, compact: 0);
                if (mayors.MayorsElected[0] == 0) reelected++;
            }
            return reelected / (double)trials;
        }
        double homesCount = ReelectedShare(0.75), spendingCounts = ReelectedShare(0.25);
        Assert.Equal(Elections.ReelectionProbability(0.5, 0.8, 0.75), homesCount, 0.03);
        Assert.Equal(Elections.ReelectionProbability(0.5, 0.8, 0.25), spendingCounts, 0.03);
        Assert.True(homesCount > spendingCounts + 0.2);
    }

    [Fact]
    public void TestAndLearn_EvidenceIsFullAtTheDrawnSpendPerResident()
    {
        double ErrorAfterAYear(double fullEvidenceGbpPerHead)
        {
            var mayors = new MayorState(regions: 1, zones: 1, programmes: 1);
            mayors.BeliefError[0] = 0.4; mayors.AnalyticalCapacity[0] = 1; mayors.DeliveredThisYearGbp[0] = 1e6;   // £1 per resident
            var politics = new PoliticsParameters { OwnLearningPerYear = 0.5, PeerLearningPerYear = 0, LearningFullEvidenceGbpPerHead = fullEvidenceGbpPerHead };
            MayorKnowledge.Learn(mayors, [1e6], politics, new double[1]);
            return mayors.BeliefError[0];
        }
        Assert.Equal(0.4 * 0.5, ErrorAfterAYear(1), 12);          // £1 a resident is full evidence at the default
        Assert.Equal(0.4 * (1 - 0.5 * 0.5), ErrorAfterAYear(2), 12);   // half the evidence where £2 is needed
        Assert.Equal(0.4 * 0.5, ErrorAfterAYear(0.5), 12);        // more than full evidence counts as full
    }

    [Fact]
    public void APoolingRamp_IsAsWideAsDrawn()
    {
        double Pooled(double partnership, double width) =>
            IcbRules.PooledWithMayorGbp(1e9, 0.045, partnership, poolingThreshold: 0.5, pooledPreventionShare: 0.5, settlementPoolsPrevention: false,
                allocationPooledShare: 0, poolingRampWidth: width);
        Assert.Equal(0, Pooled(0.35, 0.2));               // below a narrow ramp: nothing
        Assert.Equal(1e9 * 0.045 * 0.5 * 0.125, Pooled(0.35, 0.4), 6);   // inside a wide one: an eighth of the full share
        Assert.Equal(Pooled(0.5, 0.1), Pooled(0.5, 0.4), 6);              // half the full share at the threshold, whatever the width
    }

    [Fact]
    public void Convening_WeighsJointMoneyAgainstSavingsByTheDrawnWeight()
    {
        // Full joint money and no savings yet: the year's joint work is the money's weight.
        double PartnershipAfter(double moneyWeight)
        {
            var icb = new IcbState(1, 1);
            icb.Partnership[0] = 0.4; icb.StartPartnership[0] = 0.4; icb.AllocationGbpPerYear[0] = 1e9;
            icb.JointPreventionThisYearGbp[0] = 1e9 * 0.045 * 0.5;
            IcbRules.Convene(icb, 0, savingsGbp: 0, new IcbParameters(), new PoliticsParameters { ConveningGainPerYear = 0.1, ConveningJointMoneyWeight = moneyWeight });
            return icb.Partnership[0];
        }
        Assert.Equal(0.4 + 0.1 * 0.75 * 0.6, PartnershipAfter(0.75), 12);
        Assert.Equal(0.4 + 0.1 * 0.25 * 0.6, PartnershipAfter(0.25), 12);
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(0.5)]
    public void TheChurnRecord_KeepsTheDrawnShareOfItselfEachYear(double memory)
    {
        // Every stream discontinued every year: the record rises towards 1 as 1 − memory^years.
        var settlement = SettlementCatalogue.Find("tied_grants")!;
        var levers = new PolicyLevers { Settlement = settlement, ChurnRatePerYear = 1 };
        var parameters = new ModelParameters { Development = new DevelopmentParameters { ChurnRecordMemory = memory } };
        var state = new FundingState(1);
        Themes.Shares(parameters.Funding, state.ThemeShares);
        double[] term = [0], total = [0], population = [1_000_000], capacity = [0.55];
        var ledger = new MoneyLedger();
        for (int year = 0; year < 3; year++)
            settlement.Rules.Pay(new FundingYear(year, 1, levers, parameters, population, capacity, new ReplicationRandom(1, 0)), state, ref ledger,
                new ReceivedMoney(term, total));
        Assert.Equal(1 - memory * memory * memory, state.RecentChurn[0], 12);
    }
}
