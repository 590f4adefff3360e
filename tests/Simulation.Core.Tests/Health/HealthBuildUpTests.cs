using UrbanSim.Core.Health;

namespace UrbanSim.Core.Tests.Health;

public class HealthBuildUpTests
{
    [Theory]
    [InlineData(-1, 0.0)]
    [InlineData(0, 0.2)]
    [InlineData(1, 0.4)]
    [InlineData(2, 0.6)]
    [InlineData(3, 0.8)]
    [InlineData(4, 1.0)]
    [InlineData(10, 1.0)]
    public void EffectBuildsUpByAFifthAYear(int yearsSinceChange, double expected) =>
        Assert.Equal(expected, HealthBuildUp.BuildUpFraction(yearsSinceChange), 12);

    [Fact]
    public void StepChange_FiveYearMovingAverageOfExposureEqualsBuildUp()
    {
        // Walking steps from 60 to 150 min/week in year 0; four earlier years at 60 fill the first windows.
        const double before = 60, after = 150;
        const int firstYear = -4, lastYear = 10;
        var walkingByYear = new double[lastYear - firstYear + 1];
        for (int year = firstYear; year <= lastYear; year++) walkingByYear[year - firstYear] = year < 0 ? before : after;

        var p = ExposureResponseParameters.Default;
        double riskBefore = ExposureResponse.WalkingRelativeRisk(p, before);
        double riskAfter = ExposureResponse.WalkingRelativeRisk(p, after);
        for (int year = 0; year <= lastYear; year++)
        {
            double movingAverage = 0;
            for (int back = 0; back < HealthBuildUp.Years; back++) movingAverage += walkingByYear[year - back - firstYear];
            movingAverage /= HealthBuildUp.Years;

            Assert.Equal(HealthBuildUp.PhasedIn(before, after, year), movingAverage, 12);
            // Below the cap the walking RR is linear in minutes, so the risk phases in the same way.
            Assert.Equal(riskBefore + (riskAfter - riskBefore) * HealthBuildUp.BuildUpFraction(year),
                ExposureResponse.WalkingRelativeRisk(p, movingAverage), 12);
        }
    }
}
