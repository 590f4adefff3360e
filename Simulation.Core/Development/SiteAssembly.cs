using UrbanSim.Core.Investors;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Development;

/// <summary>Brownfield site assembly: which sites only public remediation money would unlock, and paying for them.</summary>
internal static class SiteAssembly
{
    /// <summary>
    /// Each region's remediation money that would unlock sites this year, and those sites in site order. Done once a
    /// year before the mayors allocate (one mayor's spending does not change which of another region's sites need
    /// funding), at last year's required returns. Only the available brownfield sites whose remediation is unpaid can
    /// need it; their list drops sites that have started or been funded since last year.
    /// </summary>
    public static void FindSitesNeedingRemediation(WorldState world, FinanceState finance, BreakEvenRates rates, bool inRecession, SitePipeline pipeline)
    {
        var sites = world.Sites;
        Array.Clear(pipeline.RemediationNeedGbp);
        pipeline.NeedingRemediationCount = 0;
        int stillUnpaid = 0;
        for (int k = 0; k < pipeline.UnpaidBrownfieldCount; k++)
        {
            int site = pipeline.UnpaidBrownfield[k];
            if (sites.Status[site] != SiteStatus.Available || sites.RemediationFunded[site]) continue;
            pipeline.UnpaidBrownfield[stillUnpaid++] = site;
            int region = world.Regions.SiteRegion[site];
            if (!rates.OnlyRemediationFundingMakesViable(site, finance.RequiredReturnPerYear[region], inRecession)) continue;
            pipeline.RemediationNeedGbp[region] += sites.RemediationLeftGbp(site);
            pipeline.NeedingRemediation[pipeline.NeedingRemediationCount++] = site;
        }
        pipeline.UnpaidBrownfieldCount = stillUnpaid;
    }

    /// <summary>
    /// Pays towards the remediation of the region's sites that need it, in site order, within the money: a site's
    /// remediation is paid in tranches over years, and the site is funded (its remediation free to the developer) once
    /// all of it is paid. Returns what was spent (all the money, up to what the sites still need).
    /// </summary>
    public static double AssembleSites(int region, double amountGbp, WorldState world, SitePipeline pipeline)
    {
        var sites = world.Sites;
        double spent = 0;
        for (int k = 0; k < pipeline.NeedingRemediationCount && spent < amountGbp; k++)
        {
            int site = pipeline.NeedingRemediation[k];
            if (world.Regions.SiteRegion[site] != region) continue;
            double pay = Math.Min(sites.RemediationLeftGbp(site), amountGbp - spent);
            sites.RemediationPaidGbp[site] += pay;
            spent += pay;
            if (sites.RemediationLeftGbp(site) <= 1e-9 * sites.RemediationGbpPerHome[site] * sites.CapacityHomes[site]) sites.RemediationFunded[site] = true;
        }
        return spent;
    }
}
