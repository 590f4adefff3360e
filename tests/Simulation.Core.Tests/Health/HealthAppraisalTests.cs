using UrbanSim.Core.Health;

namespace UrbanSim.Core.Tests.Health;

public class HealthAppraisalTests
{
    private static readonly AppraisalPopulation Adults20To74 = new(100_000, 20, 74, 500);
    private static readonly ExposureLevels None = new(0, 0, 0, 0, 0, 0);

    // Discounted healthy life-years at exact age 47.5 (mean age of 20-74), at 1.5% a year, from the England
    // reference schedules; DiscountedHealthyLifeExpectancy_UndiscountedMatchesHandComputedValue checks the
    // method itself against an independent hand computation.
    private static readonly double QalysPerDeathAt47Point5 = HealthAppraisal.DiscountedHealthyLifeExpectancyYears(47.5,
        EnglandReference.DeathRatePerPersonYear, EnglandReference.ShareInGoodHealth, Discounting.HealthRatePerYear);

    [Fact]
    public void MoreWalking_LowersMortalityByExactlyTheHeatFormula()
    {
        var after = None with { WalkingMinutesPerWeek = 168 };
        AppraisalResult r = HealthAppraisal.Appraise(Adults20To74, None, after);

        double expected = 100_000 * 0.005 * 0.11;
        Assert.Equal(expected, r.For(Exposure.Walking).DeathsPreventedPerYear, 9);
        Assert.Equal(expected, r.DeathsPreventedPerYear, 9);
    }

    [Fact]
    public void WalkingCapBinds_AtLargeMinutes()
    {
        AppraisalResult fromNone = HealthAppraisal.Appraise(Adults20To74, None, None with { WalkingMinutesPerWeek = 5_000 });
        Assert.Equal(100_000 * 0.005 * 0.30, fromNone.DeathsPreventedPerYear, 9);

        // Both levels beyond the cap: no further benefit.
        AppraisalResult beyond = HealthAppraisal.Appraise(Adults20To74,
            None with { WalkingMinutesPerWeek = 5_000 }, None with { WalkingMinutesPerWeek = 9_000 });
        Assert.Equal(0.0, beyond.DeathsPreventedPerYear, 12);
    }

    [Fact]
    public void RelativeChange_IsRatioOfRelativeRisks()
    {
        // From 84 to 168 min/week: 1 - 0.89 / 0.945.
        AppraisalResult r = HealthAppraisal.Appraise(Adults20To74,
            None with { WalkingMinutesPerWeek = 84 }, None with { WalkingMinutesPerWeek = 168 });
        Assert.Equal(100_000 * 0.005 * (1 - 0.89 / 0.945), r.DeathsPreventedPerYear, 9);
    }

    [Fact]
    public void Cycling_CountsOnlyAges20To64()
    {
        AppraisalResult r = HealthAppraisal.Appraise(Adults20To74, None, None with { CyclingMinutesPerWeek = 100 });
        // 45 of the 55 single years of age (20-64) are in cycling's range.
        Assert.Equal(100_000 * 45.0 / 55.0 * 0.005 * 0.10, r.For(Exposure.Cycling).DeathsPreventedPerYear, 9);
        Assert.Equal(r.For(Exposure.Cycling).DeathsPreventedPerYear, r.DeathsPreventedPerYear, 9);
    }

    [Fact]
    public void PopulationOutsideAnExposuresAgeRange_GetsNothingFromIt()
    {
        var olderPeople = new AppraisalPopulation(50_000, 65, 74, 2_000);
        AppraisalResult cycling = HealthAppraisal.Appraise(olderPeople, None, None with { CyclingMinutesPerWeek = 100 });
        Assert.Equal(0.0, cycling.DeathsPreventedPerYear);

        var children = new AppraisalPopulation(50_000, 0, 19, 20);
        AppraisalResult walking = HealthAppraisal.Appraise(children, None, None with { WalkingMinutesPerWeek = 168, Pm25MicrogramsPerM3 = 0 });
        Assert.Equal(0.0, walking.DeathsPreventedPerYear);
        Assert.Equal(0.0, walking.QalysPerYear);
    }

    [Fact]
    public void NoChange_GivesZero()
    {
        var same = new ExposureLevels(90, 12, 9.5, 0.35, 0.06, 0);
        AppraisalResult r = HealthAppraisal.Appraise(new AppraisalPopulation(2_000_000, 0, 100, 950), same, same);
        Assert.Equal(0.0, r.DeathsPreventedPerYear);
        Assert.Equal(0.0, r.QalysPerYear);
        Assert.Equal(0.0, r.ValueOfDeathsPreventedGbpPerYear);
        Assert.Equal(0.0, r.QalyValueGbpPerYear);
        foreach (Exposure x in Enum.GetValues<Exposure>()) Assert.Equal(0.0, r.For(x).DeathsPreventedPerYear);
    }

    [Fact]
    public void WorseExposure_GivesNegativeDeathsPrevented()
    {
        AppraisalResult r = HealthAppraisal.Appraise(Adults20To74,
            None with { Pm25MicrogramsPerM3 = 8 }, None with { Pm25MicrogramsPerM3 = 18 });
        Assert.Equal(100_000 * 45.0 / 55.0 * 0.005 * (1 - 1.08), r.For(Exposure.Pm25).DeathsPreventedPerYear, 9);
        Assert.True(r.DeathsPreventedPerYear < 0);
    }

    [Fact]
    public void SeveralExposures_CombineMultiplicativelyByAge()
    {
        var before = None with { WalkingMinutesPerWeek = 60, Pm25MicrogramsPerM3 = 12 };
        var after = before with { WalkingMinutesPerWeek = 120, Pm25MicrogramsPerM3 = 8 };
        AppraisalResult r = HealthAppraisal.Appraise(Adults20To74, before, after);

        double walkingRatio = (1 - 0.11 * 120 / 168) / (1 - 0.11 * 60 / 168);
        double pm25Ratio = Math.Pow(1.08, -0.4);
        // Ages 20-29 (10 years) get walking only; ages 30-74 (45 years) get both.
        double expected = 100_000 * 0.005 * (10 * (1 - walkingRatio) + 45 * (1 - walkingRatio * pm25Ratio)) / 55;
        Assert.Equal(expected, r.DeathsPreventedPerYear, 9);
        Assert.Equal(100_000 * 0.005 * (1 - walkingRatio), r.For(Exposure.Walking).DeathsPreventedPerYear, 9);
        Assert.Equal(100_000 * 0.005 * 45 / 55 * (1 - pm25Ratio), r.For(Exposure.Pm25).DeathsPreventedPerYear, 9);
        Assert.True(r.DeathsPreventedPerYear < r.For(Exposure.Walking).DeathsPreventedPerYear + r.For(Exposure.Pm25).DeathsPreventedPerYear);
    }

    [Fact]
    public void Qalys_AreDeathsTimesDiscountedHealthyYearsAtMeanAge()
    {
        AppraisalResult r = HealthAppraisal.Appraise(Adults20To74, None, None with { WalkingMinutesPerWeek = 168 });
        Assert.Equal(QalysPerDeathAt47Point5, r.DiscountedQalysPerDeathPrevented, 9);
        Assert.Equal(55 * QalysPerDeathAt47Point5, r.QalysPerYear, 7);
        Assert.Equal(55 * QalysPerDeathAt47Point5, r.For(Exposure.Walking).QalysPerYear, 7);
    }

    [Fact]
    public void Values_UseDefaultsOrTheGivenValues()
    {
        var after = None with { WalkingMinutesPerWeek = 168 };
        AppraisalResult defaults = HealthAppraisal.Appraise(Adults20To74, None, after);
        Assert.Equal(55 * 2_064_189.0, defaults.ValueOfDeathsPreventedGbpPerYear, 5);
        Assert.Equal(defaults.QalysPerYear * 70_000, defaults.QalyValueGbpPerYear, 5);

        AppraisalResult given = HealthAppraisal.Appraise(Adults20To74 with { ValueOfStatisticalLifeGbp = 1_000_000, QalyValueGbp = 30_000 }, None, after);
        Assert.Equal(55 * 1_000_000.0, given.ValueOfDeathsPreventedGbpPerYear, 5);
        Assert.Equal(given.QalysPerYear * 30_000, given.QalyValueGbpPerYear, 5);
        Assert.Equal(1_000_000.0, given.ValueOfStatisticalLifeGbp);
    }

    [Fact]
    public void DiscountedHealthyLifeExpectancy_UndiscountedMatchesHandComputedValue()
    {
        // Python, same single-year method, no discounting.
        Assert.Equal(24.770420512449, HealthAppraisal.DiscountedHealthyLifeExpectancyYears(47.5,
            EnglandReference.DeathRatePerPersonYear, AbridgedLifeTableTests.CensusGoodHealthShares, 0), 9);
    }

    [Fact]
    public void DiscountedHealthyLifeExpectancy_FallsWithAge()
    {
        Assert.True(HealthAppraisal.DiscountedQalysLostPerDeath(30) > HealthAppraisal.DiscountedQalysLostPerDeath(60));
        Assert.True(HealthAppraisal.DiscountedQalysLostPerDeath(60) > HealthAppraisal.DiscountedQalysLostPerDeath(90));
        Assert.True(HealthAppraisal.DiscountedQalysLostPerDeath(90) > 0);
    }

    [Fact]
    public void SampledParameters_ChangeTheResult()
    {
        var after = None with { WalkingMinutesPerWeek = 168 };
        var draw = ExposureResponseParameters.Default with { WalkingRelativeRiskAtReference = 0.83 };
        AppraisalResult r = HealthAppraisal.Appraise(Adults20To74, None, after, draw);
        Assert.Equal(100_000 * 0.005 * 0.17, r.DeathsPreventedPerYear, 9);
    }

    [Fact]
    public void ImpossiblePopulation_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HealthAppraisal.Appraise(new AppraisalPopulation(-1, 20, 74, 500), None, None));
        Assert.Throws<ArgumentOutOfRangeException>(() => HealthAppraisal.Appraise(new AppraisalPopulation(1, 74, 20, 500), None, None));
        Assert.Throws<ArgumentOutOfRangeException>(() => HealthAppraisal.Appraise(new AppraisalPopulation(1, 20, 74, -5), None, None));
    }

    [Fact]
    public void Appraise_AllocatesNothing()
    {
        var before = new ExposureLevels(90, 12, 9.5, 0.35, 0.06, 0);
        var after = new ExposureLevels(120, 20, 8.5, 0.4, 0.03, 0);
        var population = new AppraisalPopulation(1_000_000, 0, 100, 900);
        double sink = HealthAppraisal.Appraise(population, before, after).QalysPerYear;
        long start = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++) sink += HealthAppraisal.Appraise(population, before, after).QalysPerYear;
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - start);
        Assert.True(sink > 0);
    }
}
