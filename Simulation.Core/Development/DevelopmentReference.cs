using UrbanSim.Core.Investors;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Development;

/// <summary>
/// The readable reference of the development step and of the remediation search, without shortcut caches: every
/// available site is appraised in full every year (no break-even rates, no never-viable marks, no quick tests), and
/// the remediation search tests every site's residual land value with and without its remediation. The same random
/// draws and order as the fast step, so whole replications agree exactly when the shortcuts' assumptions hold.
/// </summary>
internal static class DevelopmentReference
{
    /// <summary>The year's development: completions, then a full appraisal of every available site, in site order.</summary>
    public static double Develop(in DevelopmentYear.Context c, WorldState world, SitePipeline pipeline, Span<double> outcome, Span<double> yearly)
    {
        double healthyCompleted = DevelopmentYear.CompleteSchemes(c, world, pipeline, outcome, yearly);
        DevelopmentYear.StartFirmsYear(c, world, outcome);
        for (int site = 0; site < world.SiteCount; site++)
        {
            if (world.Sites.Status[site] != SiteStatus.Available) continue;
            if (DevelopmentYear.TryStartScheme(c, world, site, outcome)) pipeline.Building[pipeline.BuildingCount++] = site;
        }
        return healthyCompleted;
    }

    /// <summary>
    /// The remediation search in full: an available brownfield site with unpaid remediation needs public money when its
    /// standard design is viable at this year's required return with the remediation paid, and not without.
    /// </summary>
    public static void FindSitesNeedingRemediation(WorldState world, FinanceState finance, Scenarios.ModelParameters parameters, bool inRecession, SitePipeline pipeline)
    {
        var sites = world.Sites;
        var d = parameters.Development;
        Array.Clear(pipeline.RemediationNeedGbp);
        pipeline.NeedingRemediationCount = 0;
        for (int site = 0; site < sites.Count; site++)
        {
            if (sites.Status[site] != SiteStatus.Available || !sites.IsBrownfield(site) || sites.RemediationFunded[site]) continue;
            int region = world.Regions.SiteRegion[site];
            double rate = finance.RequiredReturnPerYear[region];
            double benchmark = Developers.BenchmarkLandValueGbp(world, site, d);
            var developer = sites.Developer[site];
            bool viablePaid = Developers.IsViable(Developers.SiteProForma(world, site, parameters, inRecession, rate, true), Design.Standard, developer, benchmark);
            bool viableUnpaid = Developers.IsViable(Developers.SiteProForma(world, site, parameters, inRecession, rate, false), Design.Standard, developer, benchmark);
            if (!viablePaid || viableUnpaid) continue;
            pipeline.RemediationNeedGbp[region] += sites.RemediationLeftGbp(site);
            pipeline.NeedingRemediation[pipeline.NeedingRemediationCount++] = site;
        }
    }
}
