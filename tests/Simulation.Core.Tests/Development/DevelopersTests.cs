using UrbanSim.Core.Development;
using UrbanSim.Core.Investors;

namespace UrbanSim.Core.Tests.Development;

public class DevelopersTests
{
    /// <summary>A typical volume scheme: £3,000/m², 85 m² homes, £1,350/m² build, 10% finance over 2 years.</summary>
    private static readonly ProForma Typical = new(
        SalesPriceGbpPerM2: 3_000, HomeSizeM2: 85, BuildCostGbpPerM2: 1_350,
        HealthyDesignCostUplift: 0.04, HealthyDesignPriceUplift: 0.02, RemediationGbpPerHome: 0,
        DeveloperProfitShareOfGdv: 0.175, SmeMarginMultiplier: 1.1, RegenerationMarginMultiplier: 0.85, PlanningObligationShareOfLandValue: 0.25,
        LoanToCost: 0.7, FinanceRatePerYear: 0.10, BuildYears: 2);

    [Fact]
    public void ResidualLandValue_IsGdvLessCostsFinanceProfitAndObligations()
    {
        // GDV 255,000; build 114,750; finance 114,750 × 0.7 × 0.10 × 2 × ½ = 8,032.5; profit 44,625;
        // 87,592.5 before obligations, of which s106/CIL take 25%.
        Assert.Equal(65_694.375, Developers.ResidualLandValueGbp(Typical, Design.Standard), 6);
    }

    [Fact]
    public void LossMakingScheme_PlanningObligationsDoNotReduceTheLoss()
    {
        var loss = Typical with { RemediationGbpPerHome = 150_000 };
        double expected = 255_000 - 264_750 - 264_750 * 0.7 * 0.10 - 44_625;
        Assert.Equal(expected, Developers.ResidualLandValueGbp(loss, Design.Standard), 6);
    }

    [Fact]
    public void Recession_PriceFallMakesMarginalSiteUnviable()
    {
        double benchmark = Developers.ResidualLandValueGbp(Typical, Design.Standard) - 1_000;
        Assert.True(Developers.IsViable(Typical, Design.Standard, DeveloperType.Volume, benchmark));

        var recession = Typical with { SalesPriceGbpPerM2 = Typical.SalesPriceGbpPerM2 * (1 - 0.12) };
        Assert.False(Developers.IsViable(recession, Design.Standard, DeveloperType.Volume, benchmark));
    }

    [Fact]
    public void Recession_FinancePremiumMakesMarginalSiteUnviable()
    {
        double normalRate = RequiredReturns.RequiredReturnPerYear(0.10, 0, 0.02, inRecession: false, 0.03);
        double recessionRate = RequiredReturns.RequiredReturnPerYear(0.10, 0, 0.02, inRecession: true, 0.03);
        var normal = Typical with { FinanceRatePerYear = normalRate };
        double benchmark = Developers.ResidualLandValueGbp(normal, Design.Standard) - 1_000;
        Assert.True(Developers.IsViable(normal, Design.Standard, DeveloperType.Volume, benchmark));

        var recession = Typical with { FinanceRatePerYear = recessionRate };
        Assert.False(Developers.IsViable(recession, Design.Standard, DeveloperType.Volume, benchmark));
    }

    [Fact]
    public void RegenerationSpecialist_AcceptsAMarginalSchemeAVolumeBuilderRejects()
    {
        double benchmark = Developers.ResidualLandValueGbp(Typical, Design.Standard, DeveloperType.Volume) + 1_000;
        Assert.False(Developers.IsViable(Typical, Design.Standard, DeveloperType.Volume, benchmark));
        Assert.True(Developers.IsViable(Typical, Design.Standard, DeveloperType.Regeneration, benchmark));
        Assert.False(Developers.IsViable(Typical, Design.Standard, DeveloperType.Sme, benchmark));
    }

    [Fact]
    public void ChooseDesign_HealthyRequired_RejectsASiteOnlyTheStandardDesignMakesViable()
    {
        // Healthy design costs 4% more to build and sells for 2% more: its land value is lower.
        double standard = Developers.ResidualLandValueGbp(Typical, Design.Standard);
        double healthy = Developers.ResidualLandValueGbp(Typical, Design.Healthy);
        Assert.True(healthy < standard);
        double benchmark = (healthy + standard) / 2;

        Assert.Equal(Design.Standard, Developers.ChooseDesign(Typical, Typical, DeveloperType.Volume, benchmark, healthyRequired: false));
        Assert.Null(Developers.ChooseDesign(Typical, Typical, DeveloperType.Volume, benchmark, healthyRequired: true));
    }

    [Fact]
    public void ChooseDesign_HealthyRequired_BuildsHealthyWhenItIsViable()
    {
        double benchmark = Developers.ResidualLandValueGbp(Typical, Design.Healthy) - 1_000;
        Assert.Equal(Design.Healthy, Developers.ChooseDesign(Typical, Typical, DeveloperType.Volume, benchmark, healthyRequired: true));
        // Without the requirement the developer prefers the standard design's larger land value.
        Assert.Equal(Design.Standard, Developers.ChooseDesign(Typical, Typical, DeveloperType.Volume, benchmark, healthyRequired: false));
    }

    [Fact]
    public void ChooseDesign_PicksHealthyWhenItEarnsMoreThanItCosts()
    {
        var premium = Typical with { HealthyDesignPriceUplift = 0.10 };
        Assert.Equal(Design.Healthy, Developers.ChooseDesign(premium, premium, DeveloperType.Volume, 0, healthyRequired: false));
    }

    [Fact]
    public void ChooseDesign_NothingViable_ReturnsNull()
    {
        Assert.Null(Developers.ChooseDesign(Typical, Typical, DeveloperType.Volume, 1e6, healthyRequired: false));
    }

    [Fact]
    public void PatientFinance_MakesAHealthySchemeViableThatPrivateFinanceDoesNot()
    {
        var privateFinance = Typical;
        var patientFinance = Typical with { FinanceRatePerYear = 0.04 };
        double standardPrivate = Developers.ResidualLandValueGbp(privateFinance, Design.Standard);
        double healthyPrivate = Developers.ResidualLandValueGbp(privateFinance, Design.Healthy);
        double healthyPatient = Developers.ResidualLandValueGbp(patientFinance, Design.Healthy);
        Assert.True(healthyPatient > Math.Max(standardPrivate, healthyPrivate));
        double benchmark = (Math.Max(standardPrivate, healthyPrivate) + healthyPatient) / 2;

        Assert.Null(Developers.ChooseDesign(privateFinance, privateFinance, DeveloperType.Volume, benchmark, healthyRequired: false));
        Assert.Equal(Design.Healthy, Developers.ChooseDesign(privateFinance, patientFinance, DeveloperType.Volume, benchmark, healthyRequired: false));
        Assert.Equal(Design.Healthy, Developers.ChooseDesign(privateFinance, patientFinance, DeveloperType.Volume, benchmark, healthyRequired: true));
    }

    [Theory]
    [InlineData((int)Design.Standard, (int)DeveloperType.Volume, 30_000.0)]
    [InlineData((int)Design.Healthy, (int)DeveloperType.Sme, 20_000.0)]
    [InlineData((int)Design.Standard, (int)DeveloperType.Regeneration, 0.0)]
    [InlineData((int)Design.Healthy, (int)DeveloperType.Volume, -5_000.0)]
    public void BreakEvenFinanceRate_IsWhereViabilityFlips(int designIndex, int developerIndex, double benchmark)
    {
        var design = (Design)designIndex;
        var developer = (DeveloperType)developerIndex;
        double breakEven = Developers.BreakEvenFinanceRatePerYear(Typical, design, developer, benchmark);
        Assert.True(double.IsFinite(breakEven), $"expected a finite break-even rate, got {breakEven}");
        Assert.True(Developers.IsViable(Typical with { FinanceRatePerYear = breakEven - 1e-6 }, design, developer, benchmark));
        Assert.False(Developers.IsViable(Typical with { FinanceRatePerYear = breakEven + 1e-6 }, design, developer, benchmark));
    }

    [Fact]
    public void BreakEvenFinanceRate_IsMinusInfinityWhenFreeFinanceIsNotEnough()
    {
        var poor = Typical with { SalesPriceGbpPerM2 = 1_200 };
        Assert.False(Developers.IsViable(poor with { FinanceRatePerYear = 0 }, Design.Standard, DeveloperType.Volume, 10_000));
        Assert.Equal(double.NegativeInfinity, Developers.BreakEvenFinanceRatePerYear(poor, Design.Standard, DeveloperType.Volume, 10_000));
    }
}
