using UrbanSim.Core.Mayors;
using UrbanSim.Core.Settlements;

namespace UrbanSim.Core.Tests.Mayors;

public class MayorsTests
{
    [Fact]
    public void PerceivedBenefit_WithoutAnalyticalCapacity_CountsNoHealthValue()
    {
        double without = PerceivedBenefits.PerGbp(1.2, healthValuePerGbp: 50, missionCommitment: 0.9, analyticalCapacity: 0);
        Assert.Equal((1 - 0.9) * 1.2, without, 12);
        Assert.Equal(without, PerceivedBenefits.PerGbp(1.2, healthValuePerGbp: 0, missionCommitment: 0.9, analyticalCapacity: 0), 12);
    }

    [Fact]
    public void PerceivedBenefit_WithFullCapacity_CountsHealthValueWeightedByCommitment()
    {
        double benefit = PerceivedBenefits.PerGbp(1.2, healthValuePerGbp: 5, missionCommitment: 0.6, analyticalCapacity: 1);
        Assert.Equal(0.4 * 1.2 + 0.6 * 5, benefit, 12);
        Assert.True(PerceivedBenefits.PerGbp(1.2, 5, 0.6, 0.5) < benefit);
    }

    [Fact]
    public void TargetingWeight_MoreMissionCommitment_TargetsDeprivedZonesMore()
    {
        const double deprived = 0.45, affluent = -0.45;
        double Ratio(double commitment) =>
            Mayoralty.TargetingWeight(10_000, deprived, commitment) / Mayoralty.TargetingWeight(10_000, affluent, commitment);
        Assert.Equal(1, Ratio(0), 12);   // no commitment: by population only
        Assert.True(Ratio(0.5) > Ratio(0));
        Assert.True(Ratio(1) > Ratio(0.5));
        Assert.Equal(2 * Mayoralty.TargetingWeight(10_000, deprived, 0.7), Mayoralty.TargetingWeight(20_000, deprived, 0.7), 9);
    }

    [Theory]
    [InlineData(1.0, 0.3, 1.0, 0.3)]    // capped by powers
    [InlineData(1.0, 0.3, 0.0, 0.15)]   // no political capital: half of what powers allow
    [InlineData(0.2, 1.0, 1.0, 0.2)]    // seeks less than powers allow
    [InlineData(0.8, 0.0, 1.0, 0.0)]    // no powers: no standard
    public void AppliedPlanningStandard_IsBoundedByPowersAndScaledByPoliticalCapital(double sought, double powers, double capital, double expected) =>
        Assert.Equal(expected, Mayoralty.AppliedPlanningStandard(sought, powers, capital), 12);

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
