using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Development;

/// <summary>Kinds of developer, which differ in the profit they require.</summary>
internal enum DeveloperType
{
    /// <summary>Volume housebuilder: requires the standard profit.</summary>
    Volume = 0,
    /// <summary>Small or medium builder: slightly higher margin needed for risk.</summary>
    Sme = 1,
    /// <summary>Regeneration specialist: accepts a lower margin on brownfield schemes.</summary>
    Regeneration = 2,
}

/// <summary>The two designs a developer appraises for each site.</summary>
internal enum Design { Standard = 0, Healthy = 1 }

/// <summary>Inputs of a per-home residual land value appraisal.</summary>
internal readonly record struct ProForma(
    double SalesPriceGbpPerM2,
    double HomeSizeM2,
    double BuildCostGbpPerM2,
    double HealthyDesignCostUplift,
    double HealthyDesignPriceUplift,
    double RemediationGbpPerHome,
    double DeveloperProfitShareOfGdv,
    double SmeMarginMultiplier,
    double RegenerationMarginMultiplier,
    double PlanningObligationShareOfLandValue,
    double LoanToCost,
    double FinanceRatePerYear,
    int BuildYears);

/// <summary>
/// Developers' appraisal: residual land value (RLV) per home = gross development value − build cost −
/// health-feature cost − remediation − finance − developer profit − planning obligations. A scheme is
/// viable when the RLV covers the landowner's benchmark land value (PPG viability method).
/// </summary>
internal static class Developers
{
    /// <summary>Profit margin a developer type requires relative to the standard share of GDV (volume builders 1).</summary>
    public static double ProfitMultiplier(DeveloperType type, double smeMultiplier, double regenerationMultiplier) => type switch
    {
        DeveloperType.Volume => 1.0,
        DeveloperType.Sme => smeMultiplier,
        DeveloperType.Regeneration => regenerationMultiplier,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The margin <paramref name="type"/> requires in the appraisal <paramref name="p"/>, share of GDV.</summary>
    public static double ProfitShareOfGdv(in ProForma p, DeveloperType type) =>
        p.DeveloperProfitShareOfGdv * ProfitMultiplier(type, p.SmeMarginMultiplier, p.RegenerationMarginMultiplier);

    /// <summary>The margin <paramref name="type"/> requires, share of GDV, from the replication's parameters.</summary>
    public static double ProfitShareOfGdv(DevelopmentParameters d, DeveloperType type) =>
        d.DeveloperProfitShareOfGdv * ProfitMultiplier(type, d.SmeMarginMultiplier, d.RegenerationMarginMultiplier);

    /// <summary>Gross development value of one home, £.</summary>
    public static double GrossDevelopmentValueGbp(in ProForma p, Design design) =>
        p.SalesPriceGbpPerM2 * p.HomeSizeM2 * (design == Design.Healthy ? 1 + p.HealthyDesignPriceUplift : 1);

    /// <summary>Build, health-feature and remediation costs of one home before finance, £.</summary>
    public static double DevelopmentCostGbp(in ProForma p, Design design) =>
        p.BuildCostGbpPerM2 * p.HomeSizeM2 * (design == Design.Healthy ? 1 + p.HealthyDesignCostUplift : 1)
        + p.RemediationGbpPerHome;

    /// <summary>
    /// Finance cost of one home, £: the borrowed share of cost, drawn down evenly (so half outstanding
    /// on average) over the build period, at the investor's required rate.
    /// </summary>
    public static double FinanceCostGbp(in ProForma p, Design design) =>
        DevelopmentCostGbp(p, design) * p.LoanToCost * p.FinanceRatePerYear * p.BuildYears * 0.5;

    /// <summary>Residual land value of one home, £, after planning obligations. Negative when the scheme loses money.</summary>
    public static double ResidualLandValueGbp(in ProForma p, Design design, DeveloperType developer = DeveloperType.Volume)
    {
        double gdv = GrossDevelopmentValueGbp(p, design);
        double beforeObligations = gdv - DevelopmentCostGbp(p, design) - FinanceCostGbp(p, design)
                                   - gdv * ProfitShareOfGdv(p, developer);
        // s106 and CIL take a share of positive land value; they cannot rescue a loss-making scheme.
        return beforeObligations > 0 ? beforeObligations * (1 - p.PlanningObligationShareOfLandValue) : beforeObligations;
    }

    /// <summary>
    /// The highest finance rate per year at which the scheme is still viable: the residual land value falls
    /// linearly with the rate (finance is the only term that depends on it), so viability at rate r is
    /// exactly r ≤ this value. Negative infinity when the scheme is not viable even with free finance.
    /// The rate in <paramref name="p"/> is ignored.
    /// </summary>
    public static double BreakEvenFinanceRatePerYear(in ProForma p, Design design, DeveloperType developer, double benchmarkLandValueGbpPerHome)
    {
        var free = p with { FinanceRatePerYear = 0 };
        double gdv = GrossDevelopmentValueGbp(free, design);
        double atZero = gdv - DevelopmentCostGbp(free, design) - gdv * ProfitShareOfGdv(p, developer);
        double financePerUnitRate = DevelopmentCostGbp(free, design) * p.LoanToCost * p.BuildYears * 0.5;
        // Value before obligations needed: obligations take a share of positive value only.
        double needed = benchmarkLandValueGbpPerHome > 0 ? benchmarkLandValueGbpPerHome / (1 - p.PlanningObligationShareOfLandValue) : benchmarkLandValueGbpPerHome;
        if (atZero < needed) return double.NegativeInfinity;
        return financePerUnitRate > 0 ? (atZero - needed) / financePerUnitRate : double.PositiveInfinity;
    }

    /// <summary>True when the residual land value covers the benchmark land value.</summary>
    public static bool IsViable(in ProForma p, Design design, DeveloperType developer, double benchmarkLandValueGbpPerHome) =>
        ResidualLandValueGbp(p, design, developer) >= benchmarkLandValueGbpPerHome;

    /// <summary>
    /// The design the developer builds, or null if none is viable and compliant: when the planning
    /// standard requires the healthy design only that is considered; otherwise the design with the
    /// larger residual land value.
    /// </summary>
    public static Design? ChooseDesign(in ProForma standardFinance, in ProForma healthyFinance, DeveloperType developer,
        double benchmarkLandValueGbpPerHome, bool healthyRequired)
    {
        double healthy = ResidualLandValueGbp(healthyFinance, Design.Healthy, developer);
        bool healthyViable = healthy >= benchmarkLandValueGbpPerHome;
        if (healthyRequired) return healthyViable ? Design.Healthy : null;
        double standard = ResidualLandValueGbp(standardFinance, Design.Standard, developer);
        bool standardViable = standard >= benchmarkLandValueGbpPerHome;
        if (healthyViable && (!standardViable || healthy >= standard)) return Design.Healthy;
        return standardViable ? Design.Standard : null;
    }

    /// <summary>
    /// The pro forma of one home on <paramref name="site"/> at this year's prices (start prices, lower by the recession
    /// price fall in a recession) and the given finance rate; remediation is free when public money has paid it.
    /// </summary>
    public static ProForma SiteProForma(WorldState world, int site, ModelParameters parameters, bool inRecession,
        double financeRatePerYear, bool remediationPaid) =>
        SiteProForma(world, site, parameters, DeveloperFirms.PriceFactor(parameters, inRecession), financeRatePerYear, remediationPaid);

    /// <summary>
    /// The pro forma of one home on <paramref name="site"/> at <paramref name="priceFactor"/> × start-year prices (the prices
    /// a developer expects, or those of the year) and the given finance rate; remediation is free when public money has paid it.
    /// </summary>
    public static ProForma SiteProForma(WorldState world, int site, ModelParameters parameters, double priceFactor,
        double financeRatePerYear, bool remediationPaid)
    {
        var d = parameters.Development;
        int zone = world.Sites.Zone[site];
        return new ProForma(
            SalesPriceGbpPerM2: world.Zones.BaseHousePriceGbpPerM2[zone] * priceFactor,
            HomeSizeM2: d.HomeSizeM2,
            BuildCostGbpPerM2: d.BuildCostGbpPerM2,
            HealthyDesignCostUplift: d.HealthyDesignCostUplift,
            HealthyDesignPriceUplift: d.HealthyDesignPriceUplift,
            RemediationGbpPerHome: remediationPaid ? 0 : world.Sites.RemediationGbpPerHome[site],
            DeveloperProfitShareOfGdv: d.DeveloperProfitShareOfGdv,
            SmeMarginMultiplier: d.SmeMarginMultiplier,
            RegenerationMarginMultiplier: d.RegenerationMarginMultiplier,
            PlanningObligationShareOfLandValue: d.PlanningObligationShareOfLandValue,
            LoanToCost: d.LoanToCost,
            FinanceRatePerYear: financeRatePerYear,
            BuildYears: d.BuildYears);
    }

    /// <summary>Benchmark land value per home of a site: a share of the standard design's GDV at start-year prices.</summary>
    public static double BenchmarkLandValueGbp(WorldState world, int site, DevelopmentParameters d) =>
        world.Sites.LandBenchmarkShareOfGdv[site] * world.Zones.BaseHousePriceGbpPerM2[world.Sites.Zone[site]] * d.HomeSizeM2;
}
