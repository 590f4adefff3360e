using UrbanSim.Core.Engine;
using UrbanSim.Core.Mayors;
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
}
