using UrbanSim.Core.Health;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Tests.Health;

public class ExposureResponseTests
{
    private static readonly ExposureResponseParameters P = ExposureResponseParameters.Default;
    private static readonly ExposureLevels None = new(0, 0, 0, 0, 0, 0);

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(168, 0.89)]
    [InlineData(84, 0.945)]
    [InlineData(336, 0.78)]
    [InlineData(10_000, 0.70)] // 30% cap binds.
    public void Walking_IsLinearInMinutesUpToTheCap(double minutes, double expected) =>
        Assert.Equal(expected, ExposureResponse.WalkingRelativeRisk(P, minutes), 12);

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(100, 0.90)]
    [InlineData(250, 0.75)]
    [InlineData(5_000, 0.55)] // 45% cap binds.
    public void Cycling_IsLinearInMinutesUpToTheCap(double minutes, double expected) =>
        Assert.Equal(expected, ExposureResponse.CyclingRelativeRisk(P, minutes), 12);

    [Fact]
    public void Pm25_IsLogLinearPer10()
    {
        Assert.Equal(1.0, ExposureResponse.Pm25RelativeRisk(P, 0), 12);
        Assert.Equal(1.08, ExposureResponse.Pm25RelativeRisk(P, 10), 12);
        Assert.Equal(1.08 * 1.08, ExposureResponse.Pm25RelativeRisk(P, 20), 12);
        Assert.Equal(Math.Sqrt(1.08), ExposureResponse.Pm25RelativeRisk(P, 5), 12);
    }

    [Fact]
    public void GreenSpace_FourPercentLowerPerTenthNdvi()
    {
        Assert.Equal(0.96, ExposureResponse.GreenSpaceRelativeRisk(P, 0.1), 12);
        Assert.Equal(0.96 * 0.96 * 0.96, ExposureResponse.GreenSpaceRelativeRisk(P, 0.3), 12);
    }

    [Fact]
    public void ColdHomes_ReproduceTheDerivation()
    {
        Assert.Equal(1.054, ExposureResponse.ColdHomeRelativeRisk(P, 1), 12);
        Assert.Equal(1.0, ExposureResponse.ColdHomeRelativeRisk(P, 0), 12);

        // With the coldest quarter of homes exposed, the attributable fraction is ~6,000 of ~450,000 deaths at 65+.
        double s = 0.25, excess = P.ColdHomeRelativeRisk - 1;
        double attributableFraction = s * excess / (1 + s * excess);
        Assert.Equal(0.215 * 28_000 / 450_000, attributableFraction, 3);
    }

    [Fact]
    public void AllCause_AppliesEachExposureOnlyInItsAgeRange()
    {
        var walkingOnly = None with { WalkingMinutesPerWeek = 168 };
        Assert.Equal(1.0, ExposureResponse.AllCauseMortalityRelativeRisk(P, AgeBands.BandOfAge(17), walkingOnly), 12);
        Assert.Equal(0.89, ExposureResponse.AllCauseMortalityRelativeRisk(P, AgeBands.BandOfAge(22), walkingOnly), 12);
        Assert.Equal(0.89, ExposureResponse.AllCauseMortalityRelativeRisk(P, AgeBands.BandOfAge(72), walkingOnly), 12);
        Assert.Equal(1.0, ExposureResponse.AllCauseMortalityRelativeRisk(P, AgeBands.BandOfAge(77), walkingOnly), 12);

        var cyclingOnly = None with { CyclingMinutesPerWeek = 100 };
        Assert.Equal(0.90, ExposureResponse.AllCauseMortalityRelativeRisk(P, AgeBands.BandOfAge(62), cyclingOnly), 12);
        Assert.Equal(1.0, ExposureResponse.AllCauseMortalityRelativeRisk(P, AgeBands.BandOfAge(67), cyclingOnly), 12);

        var pm25Only = None with { Pm25MicrogramsPerM3 = 10 };
        Assert.Equal(1.0, ExposureResponse.AllCauseMortalityRelativeRisk(P, AgeBands.BandOfAge(27), pm25Only), 12);
        Assert.Equal(1.08, ExposureResponse.AllCauseMortalityRelativeRisk(P, AgeBands.OpenBand, pm25Only), 12);

        var coldOnly = None with { ColdHomeShare = 0.5 };
        Assert.Equal(1.0, ExposureResponse.AllCauseMortalityRelativeRisk(P, AgeBands.BandOfAge(62), coldOnly), 12);
        Assert.Equal(1.027, ExposureResponse.AllCauseMortalityRelativeRisk(P, AgeBands.BandOfAge(67), coldOnly), 12);
    }

    [Fact]
    public void AllCause_CombinesExposuresMultiplicatively()
    {
        var e = new ExposureLevels(168, 100, 10, 0.1, 1, 0);
        // 60-64: walking, cycling, PM2.5 and green space; not cold homes (65+).
        Assert.Equal(0.89 * 0.90 * 1.08 * 0.96, ExposureResponse.AllCauseMortalityRelativeRisk(P, AgeBands.BandOfAge(60), e), 12);
        // 65-69: walking, PM2.5, green space and cold homes; not cycling (to 64).
        Assert.Equal(0.89 * 1.08 * 0.96 * 1.054, ExposureResponse.AllCauseMortalityRelativeRisk(P, AgeBands.BandOfAge(65), e), 12);
        // Children: nothing applies.
        Assert.Equal(1.0, ExposureResponse.AllCauseMortalityRelativeRisk(P, 2, e), 12);
    }

    [Fact]
    public void Parameters_CanBeOverriddenPerReplication()
    {
        var draw = P with { WalkingRelativeRiskAtReference = ExposureResponseParameters.WalkingRelativeRiskLower95 };
        Assert.Equal(0.83, ExposureResponse.WalkingRelativeRisk(draw, 168), 12);
        Assert.Equal(0.89, ExposureResponse.WalkingRelativeRisk(P, 168), 12);
    }

    [Fact]
    public void MarginalMetHours_UseWalking2point5AndCycling5point8()
    {
        Assert.Equal(2.5, ExposureResponse.MarginalMetHoursPerWeek(P, 60, 0), 12);
        Assert.Equal(5.8, ExposureResponse.MarginalMetHoursPerWeek(P, 0, 60), 12);
        Assert.Equal(2.5 * 2 + 5.8 * 0.5, ExposureResponse.MarginalMetHoursPerWeek(P, 120, 30), 12);
    }

    [Fact]
    public void Disease_ReferenceDoseGivesReferenceRisk()
    {
        // 270 min/week of walking = 270/60 * 2.5 = 11.25 marginal MET-h/week.
        var walk270 = None with { WalkingMinutesPerWeek = 270 };
        Assert.Equal(0.83, ExposureResponse.DiseaseIncidenceRelativeRisk(P, Disease.Cardiovascular, walk270), 12);
        Assert.Equal(0.74, ExposureResponse.DiseaseIncidenceRelativeRisk(P, Disease.Type2Diabetes, walk270), 12);
        Assert.Equal(1.0, ExposureResponse.DiseaseIncidenceRelativeRisk(P, Disease.ChronicRespiratory, walk270), 12);

        // 211.2 min/week = 8.8 marginal MET-h/week.
        var walk211 = None with { WalkingMinutesPerWeek = 211.2 };
        Assert.Equal(0.75, ExposureResponse.DiseaseIncidenceRelativeRisk(P, Disease.CommonMentalDisorder, walk211), 12);
    }

    [Fact]
    public void Disease_DoseResponseIsSquareRootTransformedAndCapped()
    {
        // A quarter of the reference dose gives RRref^(1/4)^0.5 = RRref^0.5.
        var quarter = None with { WalkingMinutesPerWeek = 270.0 / 4 };
        Assert.Equal(Math.Sqrt(0.83), ExposureResponse.DiseaseIncidenceRelativeRisk(P, Disease.Cardiovascular, quarter), 12);

        // Above 35 MET-h/week (840 min of walking) no further benefit.
        var atCap = None with { WalkingMinutesPerWeek = 840 };
        var farAbove = None with { WalkingMinutesPerWeek = 3000 };
        double expected = Math.Pow(0.74, Math.Sqrt(35 / 11.25));
        Assert.Equal(expected, ExposureResponse.DiseaseIncidenceRelativeRisk(P, Disease.Type2Diabetes, atCap), 12);
        Assert.Equal(expected, ExposureResponse.DiseaseIncidenceRelativeRisk(P, Disease.Type2Diabetes, farAbove), 12);
    }

    [Fact]
    public void Disease_Pm25RaisesCardiovascularAndRespiratoryIncidence()
    {
        var e = new ExposureLevels(270, 0, 10, 0.5, 0.5, 0);
        Assert.Equal(0.83 * 1.11, ExposureResponse.DiseaseIncidenceRelativeRisk(P, Disease.Cardiovascular, e), 12);
        Assert.Equal(1.11, ExposureResponse.DiseaseIncidenceRelativeRisk(P, Disease.ChronicRespiratory, e), 12);
        Assert.Equal(0.74, ExposureResponse.DiseaseIncidenceRelativeRisk(P, Disease.Type2Diabetes, e), 12);
    }

    [Fact]
    public void NoExposure_GivesNoRisk()
    {
        for (int band = 0; band < AgeBands.Count; band++)
            Assert.Equal(1.0, ExposureResponse.AllCauseMortalityRelativeRisk(P, band, None), 12);
        foreach (Disease d in Enum.GetValues<Disease>())
            Assert.Equal(1.0, ExposureResponse.DiseaseIncidenceRelativeRisk(P, d, None), 12);
    }

    [Fact]
    public void ExposureLevels_Of_ReturnsEachExposuresLevel()
    {
        var e = new ExposureLevels(1, 2, 3, 4, 5, 6);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], Enum.GetValues<Exposure>().Select(x => e.Of(x)));
        Assert.Equal(ExposureResponse.ExposureCount, Enum.GetValues<Exposure>().Length);
    }

    [Fact]
    public void RelativeRisks_AllocateNothing()
    {
        var e = new ExposureLevels(90, 12, 9.5, 0.35, 0.06, 0);
        double sink = Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) sink += Run();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sink > 0);

        double Run()
        {
            double total = 0;
            for (int band = 0; band < AgeBands.Count; band++) total += ExposureResponse.AllCauseMortalityRelativeRisk(P, band, e);
            for (int d = 0; d < 4; d++) total += ExposureResponse.DiseaseIncidenceRelativeRisk(P, (Disease)d, e);
            return total;
        }
    }
}
