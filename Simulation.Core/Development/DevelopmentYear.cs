using UrbanSim.Core.Engine;
using UrbanSim.Core.Investors;
using UrbanSim.Core.Mayors;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Development;

/// <summary>
/// Step 5 of a year: homes held unsold sell, schemes due complete and add homes, and their builders make a profit or a
/// loss at this year's prices (fewer homes sell in a recession, and the rest are held with their debts); firms pay
/// their overheads (a firm that cannot pay fails, a volume builder raises equity); developer firms update the prices
/// they expect, new firms enter in failed firms' places, and the region's firms are ranked by the land value they can
/// offer; then each available site is
/// appraised, in site order: the firm holding it in its land bank builds it if it can (a viable design at the prices
/// it expects and its margin, compliant with the mayor's standard, approved, financed, and equity to put in); if not,
/// the site goes to the best bidder that can. The sites that cannot be financed or cannot be viable for any firm at
/// the rates on offer are skipped by two quick tests (<see cref="BreakEvenRates"/>); <see cref="DevelopmentReference"/>
/// appraises every site in full.
/// </summary>
internal static class DevelopmentYear
{
    /// <summary>What a development step reads and writes besides the world.</summary>
    /// <param name="Year">Simulated year.</param>
    /// <param name="Parameters">The replication's parameters.</param>
    /// <param name="InRecession">Whether a recession is under way.</param>
    /// <param name="Random">The replication's random streams (Sites).</param>
    /// <param name="Mayors">Mayors: the standard applied; homes counted to their term.</param>
    /// <param name="Finance">Rates and money to lend; lending is drawn down, and the loans are added to the lenders' totals.</param>
    /// <param name="Developers">The region's developers' totals, added to.</param>
    /// <param name="Firms">The developer firms.</param>
    /// <param name="RegionPopulation">[region] residents at the start of the variant (a new firm's equity).</param>
    public readonly record struct Context(int Year, ModelParameters Parameters, bool InRecession, ReplicationRandom Random,
        MayorState Mayors, FinanceState Finance, DevelopersState Developers, DeveloperFirmState Firms, double[] RegionPopulation);

    /// <summary>Runs the year's development; returns the healthy homes completed.</summary>
    public static double Develop(in Context c, WorldState world, SitePipeline pipeline, BreakEvenRates rates, Span<double> outcome, Span<double> yearly)
    {
        double healthyCompleted = CompleteSchemes(c, world, pipeline, outcome, yearly);
        StartFirmsYear(c, world, outcome);
        int stillAvailable = 0;
        for (int k = 0; k < pipeline.AvailableCount; k++)
        {
            int site = pipeline.Available[k];
            int region = world.Regions.SiteRegion[site];
            // Most sites fail the two quick tests; only the rest are appraised in full.
            bool started = !rates.CannotBeFinanced(site, region, world.Sites, c.Finance)
                           && rates.MightBeViable(site, region, world.Sites, c.Finance)
                           && TryStartScheme(c, world, site, outcome);
            if (started) pipeline.Building[pipeline.BuildingCount++] = site;
            else pipeline.Available[stillAvailable++] = site;
        }
        pipeline.AvailableCount = stillAvailable;
        return healthyCompleted;
    }

    /// <summary>
    /// The firms' start of the year, after completions and sales and before any site is appraised: they pay their
    /// overheads, and a firm that cannot pay its costs fails or, a volume builder, raises equity
    /// (<see cref="DeveloperFirms.PayYearsCosts"/>); then <see cref="DeveloperFirms.StartYear"/>.
    /// </summary>
    internal static void StartFirmsYear(in Context c, WorldState world, Span<double> outcome)
    {
        double priceFactor = DeveloperFirms.PriceFactor(c.Parameters, c.InRecession);
        Span<double> failures = stackalloc double[world.RegionCount];
        DeveloperFirms.PayYearsCosts(c.Firms, c.Finance, c.Year, world.Regions.SiteRegion, priceFactor, c.Parameters.Development, failures,
            c.Developers.RealisedProfitGbp);
        for (int r = 0; r < failures.Length; r++)
        {
            c.Developers.Failures[r] += failures[r];
            outcome[StandardOutcomes.DeveloperFailures] += failures[r];
        }
        DeveloperFirms.StartYear(c.Firms, c.Year, c.Parameters, priceFactor, c.RegionPopulation);
    }

    /// <summary>
    /// Homes held unsold from earlier years sell (<see cref="DeveloperFirms.SellHeldHomes"/>); then sites under
    /// construction whose completion year has come complete, in the order they started, and their homes sell at this
    /// year's prices, fewer of them in a recession (<see cref="DeveloperFirms.Complete"/>); returns the healthy homes completed.
    /// </summary>
    internal static double CompleteSchemes(in Context c, WorldState world, SitePipeline pipeline, Span<double> outcome, Span<double> yearly)
    {
        var sites = world.Sites;
        var d = c.Parameters.Development;
        double healthyCompleted = 0;
        double priceFactor = DeveloperFirms.PriceFactor(c.Parameters, c.InRecession);
        DeveloperFirms.SellHeldHomes(c.Firms, c.Finance, world.Regions.SiteRegion, priceFactor, c.InRecession, d, c.Developers.RealisedProfitGbp);
        int stillBuilding = 0;
        for (int k = 0; k < pipeline.BuildingCount; k++)
        {
            int site = pipeline.Building[k];
            if (sites.CompletionYear[site] != c.Year) { pipeline.Building[stillBuilding++] = site; continue; }
            int zone = sites.Zone[site];
            int region = world.Zones.Region[zone];
            double homes = sites.CapacityHomes[site];
            sites.Status[site] = SiteStatus.Complete;
            world.Homes.Dwellings[zone] += homes;
            if (sites.Healthy[site]) { world.Homes.HealthyHomes[zone] += homes; healthyCompleted += homes; }
            outcome[StandardOutcomes.HomesBuilt] += homes;
            yearly[StandardSeries.HomesBuilt] += homes;
            c.Mayors.HomesThisTerm[region] += homes;
            var design = sites.Healthy[site] ? Design.Healthy : Design.Standard;
            double realisedGdv = Developers.GrossDevelopmentValueGbp(
                Developers.SiteProForma(world, site, c.Parameters, priceFactor, 0, sites.RemediationFunded[site]), design) * homes;
            c.Developers.RealisedProfitGbp[region] += DeveloperFirms.Complete(c.Firms, c.Finance, region, site, homes, realisedGdv, priceFactor, c.InRecession, d);
        }
        pipeline.BuildingCount = stillBuilding;
        return healthyCompleted;
    }

    /// <summary>How a firm's appraisal of a site ended.</summary>
    internal enum Appraised
    {
        /// <summary>The firm started the scheme.</summary>
        Started,
        /// <summary>No design is viable and compliant at the prices it expects and its margin.</summary>
        NotViable,
        /// <summary>Viable, but the firm has not the equity to put in.</summary>
        NoEquity,
        /// <summary>Viable, but no lender has the money left this year.</summary>
        NotFinanced,
    }

    /// <summary>
    /// An available site this year: if planning approves it, the firm holding it in its land bank appraises it first; if
    /// it cannot build it, the region's other trading firms try in the order of the land value they can offer, and the
    /// first that can buys it and builds (the site moves to its land bank). A firm lower in that order cannot make viable
    /// what a higher one cannot (its expected prices × (1 − margin) are lower, and nothing else differs), so the search
    /// stops at the first that finds it not viable. Returns true when a scheme started.
    /// </summary>
    internal static bool TryStartScheme(in Context c, WorldState world, int site, Span<double> outcome)
    {
        var d = c.Parameters.Development;
        int r = world.Regions.SiteRegion[site];
        if (c.Random.Uniform(RngStream.Sites, c.Year + 1, site, 3) >= d.PlanningApprovalRate) return false;
        var firms = c.Firms;
        var rates = PriceLoans(c, world, site);
        int holder = firms.Holder[site];
        if (holder >= 0 && firms.Alive[holder] && Appraise(c, world, site, holder, rates, outcome) == Appraised.Started) return true;
        foreach (int firm in firms.RankingOf(r))
        {
            if (firm == holder || !firms.Alive[firm]) continue;
            var result = Appraise(c, world, site, firm, rates, outcome);
            if (result == Appraised.Started) return true;
            if (result == Appraised.NotViable) return false;
        }
        return false;
    }

    /// <summary>
    /// The rates at which the lenders would lend each design's loan for <paramref name="site"/> (a club deal, cheapest
    /// first): a loan is a share of the scheme's cost, which does not depend on the firm, so every firm that appraises
    /// the site this year is offered the same rates.
    /// </summary>
    private static LoanRates PriceLoans(in Context c, WorldState world, int site)
    {
        var d = c.Parameters.Development;
        int r = world.Regions.SiteRegion[site];
        double homes = world.Sites.CapacityHomes[site];
        var costs = Developers.SiteProForma(world, site, c.Parameters, priceFactor: 1, 0, world.Sites.RemediationFunded[site]);
        return new LoanRates(
            Lenders.BlendedRatePerYear(c.Finance, r, Developers.DevelopmentCostGbp(costs, Design.Standard) * d.LoanToCost * homes),
            Lenders.BlendedRatePerYear(c.Finance, r, Developers.DevelopmentCostGbp(costs, Design.Healthy) * d.LoanToCost * homes));
    }

    /// <summary>The private lenders' blended rates for a site's standard and healthy loans this year (∞: not financed).</summary>
    private readonly record struct LoanRates(double StandardPerYear, double HealthyPerYear);

    /// <summary>
    /// Firm <paramref name="firm"/> appraises <paramref name="site"/> (approved by planning) at the prices it expects and
    /// its margin: it builds when a design is viable and compliant with the mayor's standard, it has the equity to put in
    /// (the share of cost not borrowed) and a lender finances the rest. The patient fund lends only to healthy schemes,
    /// and only while it has capital this year.
    /// </summary>
    private static Appraised Appraise(in Context c, WorldState world, int site, int firm, in LoanRates rates, Span<double> outcome)
    {
        var d = c.Parameters.Development;
        var sites = world.Sites;
        var finance = c.Finance;
        var firms = c.Firms;
        int r = world.Regions.SiteRegion[site];
        var developer = firms.Type[firm];
        double expected = firms.ExpectedPriceFactor[firm];
        bool remediationPaid = sites.RemediationFunded[site];
        bool healthyRequired = sites.PlanningDraw[site] < c.Mayors.StandardApplied[r];
        double homes = sites.CapacityHomes[site];
        double benchmark = Developers.BenchmarkLandValueGbp(world, site, d);
        // Each design's loan is priced by the lenders from the cheapest, as they would lend it (a club deal).
        var atNoRate = Developers.SiteProForma(world, site, c.Parameters, expected, 0, remediationPaid);
        var privateFinance = atNoRate with { FinanceRatePerYear = rates.StandardPerYear };
        var privateHealthy = atNoRate with { FinanceRatePerYear = rates.HealthyPerYear };
        var patientFinance = privateHealthy;
        bool patientAvailable = false;
        if (finance.PatientLeftGbp[r] > 0)
        {
            patientFinance = Developers.SiteProForma(world, site, c.Parameters, expected, d.PatientFundReturnPerYear, remediationPaid);
            double healthyLoan = Developers.DevelopmentCostGbp(patientFinance, Design.Healthy) * d.LoanToCost * homes;
            patientAvailable = healthyLoan <= finance.PatientLeftGbp[r] && healthyLoan > 0;
        }
        var design = Developers.ChooseDesign(privateFinance, patientAvailable ? patientFinance : privateHealthy, developer, benchmark, healthyRequired);
        if (design is not { } chosen) return Appraised.NotViable;
        bool usesPatient = chosen == Design.Healthy && patientAvailable;
        var terms = usesPatient ? patientFinance : chosen == Design.Healthy ? privateHealthy : privateFinance;
        double costPerHome = Developers.DevelopmentCostGbp(terms, chosen);
        double loan = costPerHome * d.LoanToCost * homes;
        double equity = costPerHome * homes - loan;
        if (equity > firms.EquityGbp[firm] - DeveloperFirms.ReserveGbp(firms, firm, equity, d)) return Appraised.NoEquity;
        if (!usesPatient && !double.IsFinite(terms.FinanceRatePerYear)) return Appraised.NotFinanced;  // not financed this year
        if (usesPatient) finance.PatientLeftGbp[r] -= loan;
        sites.Status[site] = SiteStatus.UnderConstruction;
        sites.CompletionYear[site] = c.Year + d.BuildYears;
        sites.Healthy[site] = chosen == Design.Healthy;
        double privateInvestment = costPerHome * homes - (usesPatient ? loan : 0);
        double gdv = Developers.GrossDevelopmentValueGbp(terms, chosen) * homes;
        double profit = gdv * Developers.ProfitShareOfGdv(terms, developer);
        DeveloperFirms.StartScheme(firms, firm, site, equity, gdv, profit, loan, terms.FinanceRatePerYear, usesPatient);
        outcome[StandardOutcomes.DeveloperProfitGbp] += profit;
        c.Developers.SchemesStarted[r] += 1;
        c.Developers.HomesStarted[r] += homes;
        c.Developers.ExpectedProfitGbp[r] += profit;
        if (!usesPatient)
        {
            outcome[StandardOutcomes.InvestorReturnGbp] += Developers.FinanceCostGbp(terms, chosen) * homes;
            Lenders.Lend(finance, r, loan, d.BuildYears);
        }
        outcome[StandardOutcomes.PrivateInvestmentGbp] += privateInvestment;
        if (usesPatient)
        {
            outcome[StandardOutcomes.PatientCapitalGbp] += loan;
            finance.PatientLentGbp[r] += loan;
        }
        return Appraised.Started;
    }
}
