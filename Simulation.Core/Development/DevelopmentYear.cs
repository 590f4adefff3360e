using UrbanSim.Core.Engine;
using UrbanSim.Core.Investors;
using UrbanSim.Core.Mayors;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Development;

/// <summary>
/// Step 5 of a year: schemes due complete and add homes; then developers appraise the available sites for a standard
/// and a healthy design and build what is viable, compliant with the mayor's standard, approved and financed. The
/// sites that cannot be financed or cannot be viable at the rates on offer are skipped by two quick tests
/// (<see cref="BreakEvenRates"/>); <see cref="DevelopmentReference"/> appraises every site in full.
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
    public readonly record struct Context(int Year, ModelParameters Parameters, bool InRecession, ReplicationRandom Random,
        MayorState Mayors, FinanceState Finance, DevelopersState Developers);

    /// <summary>Runs the year's development; returns the healthy homes completed.</summary>
    public static double Develop(in Context c, WorldState world, SitePipeline pipeline, BreakEvenRates rates, Span<double> outcome, Span<double> yearly)
    {
        double healthyCompleted = CompleteSchemes(c, world, pipeline, outcome, yearly);
        var d = c.Parameters.Development;
        int stillAvailable = 0;
        for (int k = 0; k < pipeline.AvailableCount; k++)
        {
            int site = pipeline.Available[k];
            int region = world.Regions.SiteRegion[site];
            // Most sites fail the two quick tests; only the rest are appraised in full.
            bool started = !rates.CannotBeFinanced(site, region, world.Sites, c.Finance)
                           && rates.MightBeViable(site, region, world.Sites, c.Finance, c.InRecession, d.PatientFundReturnPerYear)
                           && TryStartScheme(c, world, site, outcome);
            if (started) pipeline.Building[pipeline.BuildingCount++] = site;
            else pipeline.Available[stillAvailable++] = site;
        }
        pipeline.AvailableCount = stillAvailable;
        return healthyCompleted;
    }

    /// <summary>Sites under construction whose completion year has come complete, in the order they started; returns the healthy homes completed.</summary>
    internal static double CompleteSchemes(in Context c, WorldState world, SitePipeline pipeline, Span<double> outcome, Span<double> yearly)
    {
        var sites = world.Sites;
        double healthyCompleted = 0;
        int stillBuilding = 0;
        for (int k = 0; k < pipeline.BuildingCount; k++)
        {
            int site = pipeline.Building[k];
            if (sites.CompletionYear[site] != c.Year) { pipeline.Building[stillBuilding++] = site; continue; }
            int zone = sites.Zone[site];
            double homes = sites.CapacityHomes[site];
            sites.Status[site] = SiteStatus.Complete;
            world.Homes.Dwellings[zone] += homes;
            if (sites.Healthy[site]) { world.Homes.HealthyHomes[zone] += homes; healthyCompleted += homes; }
            outcome[StandardOutcomes.HomesBuilt] += homes;
            yearly[StandardSeries.HomesBuilt] += homes;
            c.Mayors.HomesThisTerm[world.Zones.Region[zone]] += homes;
        }
        pipeline.BuildingCount = stillBuilding;
        return healthyCompleted;
    }

    /// <summary>
    /// A developer appraises an available site: builds when planning approves it, a design is viable and compliant
    /// with the mayor's standard, and a lender finances it (then the site is under construction and true is returned).
    /// The patient fund lends only to healthy schemes, and only while it has capital this year.
    /// </summary>
    internal static bool TryStartScheme(in Context c, WorldState world, int site, Span<double> outcome)
    {
        var d = c.Parameters.Development;
        var sites = world.Sites;
        var finance = c.Finance;
        int r = world.Regions.SiteRegion[site];
        if (c.Random.Uniform(RngStream.Sites, c.Year + 1, site, 3) >= d.PlanningApprovalRate) return false;
        var developer = sites.Developer[site];
        bool remediationPaid = sites.RemediationFunded[site];
        bool healthyRequired = sites.PlanningDraw[site] < c.Mayors.StandardApplied[r];
        double homes = sites.CapacityHomes[site];
        double benchmark = Developers.BenchmarkLandValueGbp(world, site, d);
        var privateFinance = Developers.SiteProForma(world, site, c.Parameters, c.InRecession, finance.RequiredReturnPerYear[r], remediationPaid);
        var patientFinance = privateFinance;
        bool patientAvailable = false;
        if (finance.PatientLeftGbp[r] > 0)
        {
            patientFinance = Developers.SiteProForma(world, site, c.Parameters, c.InRecession, d.PatientFundReturnPerYear, remediationPaid);
            double healthyLoan = Developers.DevelopmentCostGbp(patientFinance, Design.Healthy) * d.LoanToCost * homes;
            patientAvailable = healthyLoan <= finance.PatientLeftGbp[r] && healthyLoan > 0;
        }
        var design = Developers.ChooseDesign(privateFinance, patientAvailable ? patientFinance : privateFinance, developer, benchmark, healthyRequired);
        if (design is not { } chosen) return false;
        bool usesPatient = chosen == Design.Healthy && patientAvailable;
        var terms = usesPatient ? patientFinance : privateFinance;
        double costPerHome = Developers.DevelopmentCostGbp(terms, chosen);
        double loan = costPerHome * d.LoanToCost * homes;
        if (usesPatient) finance.PatientLeftGbp[r] -= loan;
        else if (loan <= finance.LendingLeftGbp[r]) finance.LendingLeftGbp[r] -= loan;
        else return false;  // not financed this year
        sites.Status[site] = SiteStatus.UnderConstruction;
        sites.CompletionYear[site] = c.Year + d.BuildYears;
        sites.Healthy[site] = chosen == Design.Healthy;
        double privateInvestment = costPerHome * homes - (usesPatient ? loan : 0);
        double profit = Developers.GrossDevelopmentValueGbp(terms, chosen) * terms.DeveloperProfitShareOfGdv * Developers.ProfitMultiplier(developer) * homes;
        outcome[StandardOutcomes.DeveloperProfitGbp] += profit;
        c.Developers.SchemesStarted[r] += 1;
        c.Developers.HomesStarted[r] += homes;
        c.Developers.ExpectedProfitGbp[r] += profit;
        if (!usesPatient)
        {
            double income = Developers.FinanceCostGbp(terms, chosen) * homes;
            outcome[StandardOutcomes.InvestorReturnGbp] += income;
            finance.FinanceIncomeGbp[r] += income;
            finance.LentGbp[r] += loan;
        }
        outcome[StandardOutcomes.PrivateInvestmentGbp] += privateInvestment;
        if (usesPatient)
        {
            outcome[StandardOutcomes.PatientCapitalGbp] += loan;
            finance.PatientLentGbp[r] += loan;
        }
        return true;
    }
}
