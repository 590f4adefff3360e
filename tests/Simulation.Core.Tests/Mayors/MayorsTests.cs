using UrbanSim.Core.Mayors;
using UrbanSim.Core.Settlements;

namespace UrbanSim.Core.Tests.Mayors;

public class MayorsTests
{
    [Fact]
    public void PerceivedBenefit_WeighsNonHealthByOneMinusCommitmentAndBelievedHealthByCommitment()
    {
        Assert.Equal(0.4 * 1.2 + 0.6 * 5, PerceivedBenefits.PerGbp(1.2, believedHealthValuePerGbp: 5, missionCommitment: 0.6), 12);
        // A fully committed mayor still acts on the health value it believes in: no corner where every benefit is zero.
        Assert.Equal(3, PerceivedBenefits.PerGbp(1.2, believedHealthValuePerGbp: 3, missionCommitment: 1), 12);
    }

    [Fact]
    public void Knowledge_WithoutCapacityASeesOnlyDeaths_WithFullCapacityAlsoIllHealthAndTheNhsSavingsItsPartnershipCounts()
    {
        var value = new HealthValue(MortalityGbp: 2, MorbidityGbp: 5, NhsSavingGbp: 10);
        Assert.Equal(2, MayorKnowledge.Perceived(value, analyticalCapacity: 0, nhsShareCounted: 1), 12);
        Assert.Equal(2 + 5 + 0.3 * 10, MayorKnowledge.Perceived(value, analyticalCapacity: 1, nhsShareCounted: 0.3), 12);
        Assert.Equal(0.5 * (2 + 5 + 3) + 0.5 * 2, MayorKnowledge.Perceived(value, analyticalCapacity: 0.5, nhsShareCounted: 0.3), 12);
    }

    [Fact]
    public void Knowledge_WithoutCapacityVisibleSchemesAreOvervaluedAndInvisibleOnesUndervalued_WithFullCapacityNeitherNorAnyError()
    {
        Assert.Equal(1.5, MayorKnowledge.ProgrammeFactor(visibility: 1, visibilityBias: 0.5, analyticalCapacity: 0, beliefError: 0), 12);
        Assert.Equal(0.5, MayorKnowledge.ProgrammeFactor(visibility: -1, visibilityBias: 0.5, analyticalCapacity: 0, beliefError: 0), 12);
        Assert.Equal(0, MayorKnowledge.ProgrammeFactor(visibility: -1, visibilityBias: 2, analyticalCapacity: 0, beliefError: 0), 12);
        Assert.Equal(Math.Exp(0.4), MayorKnowledge.ProgrammeFactor(visibility: 0, visibilityBias: 0.5, analyticalCapacity: 0, beliefError: 0.4), 12);
        Assert.Equal(1, MayorKnowledge.ProgrammeFactor(visibility: 1, visibilityBias: 0.5, analyticalCapacity: 1, beliefError: 0.4), 12);
    }

    [Fact]
    public void TargetingWeight_MoreMissionCommitmentOrTilt_TargetsDeprivedZonesMore()
    {
        const double deprived = 0.45, affluent = -0.45;
        double Ratio(double commitment, double tilt = 2) =>
            Mayoralty.TargetingWeight(10_000, deprived, commitment, tilt) / Mayoralty.TargetingWeight(10_000, affluent, commitment, tilt);
        Assert.Equal(1, Ratio(0), 12);   // no commitment: by population only
        Assert.True(Ratio(0.5) > Ratio(0));
        Assert.True(Ratio(1) > Ratio(0.5));
        Assert.Equal(Math.Exp(2 * 0.9), Ratio(1), 9);   // full commitment at the default tilt: e^(2 × 0.9) ≈ 6 times the weight
        Assert.True(Ratio(1, tilt: 3) > Ratio(1, tilt: 1));
        Assert.Equal(1, Ratio(1, tilt: 0), 12);   // no tilt: by population only, whatever the commitment
        Assert.Equal(2 * Mayoralty.TargetingWeight(10_000, deprived, 0.7, 2), Mayoralty.TargetingWeight(20_000, deprived, 0.7, 2), 9);
    }

    [Theory]
    [InlineData(1.0, 0.3, 1.0, 0.5, 0.3)]    // capped by powers
    [InlineData(1.0, 0.3, 0.0, 0.5, 0.15)]   // no political capital: the share without capital of what powers allow
    [InlineData(1.0, 0.3, 0.0, 0.2, 0.06)]
    [InlineData(1.0, 0.3, 0.5, 0.2, 0.18)]   // half capital: halfway from that share to all
    [InlineData(0.2, 1.0, 1.0, 0.5, 0.2)]    // seeks less than powers allow
    [InlineData(0.8, 0.0, 1.0, 0.5, 0.0)]    // no powers: no standard
    public void AppliedPlanningStandard_IsBoundedByPowersAndScaledByPoliticalCapital(double sought, double powers, double capital, double withoutCapital, double expected) =>
        Assert.Equal(expected, Mayoralty.AppliedPlanningStandard(sought, powers, capital, withoutCapital), 12);

    [Fact]
    public void ReelectionProbability_IncreasesWithDelivery()
    {
        double none = Elections.ReelectionProbability(0.65, 0.3, 0);
        double average = Elections.ReelectionProbability(0.65, 0.3, 0.5);
        double full = Elections.ReelectionProbability(0.65, 0.3, 1);
        Assert.True(none < average && average < full);
        Assert.Equal(0.65, average, 12);
        Assert.Equal(0.99, Elections.ReelectionProbability(0.95, 0.5, 1), 12);
        Assert.Equal(0.01, Elections.ReelectionProbability(0.05, 0.5, 0), 12);
    }
}
