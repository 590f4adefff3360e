namespace UrbanSim.Core.Development;

/// <summary>
/// Shortcut lists of a variant's sites, kept so the yearly steps visit only the sites that can change: those
/// available (in site order), those under construction (in the order they started), the available brownfield sites
/// whose remediation is unpaid, and this year's sites that only public remediation would unlock, with each region's
/// remediation need.
/// </summary>
internal sealed class SitePipeline
{
    internal int[] Available = [], Building = [], UnpaidBrownfield = [], NeedingRemediation = [];
    internal int AvailableCount, BuildingCount, UnpaidBrownfieldCount, NeedingRemediationCount;

    /// <summary>[region] remediation money that would unlock sites this year, £.</summary>
    public double[] RemediationNeedGbp { get; private set; } = [];

    /// <summary>Lists the available sites (status available) at the start of a variant; none is under construction.</summary>
    public void Start(SiteState sites, int regions)
    {
        if (Available.Length != sites.Count)
        {
            Available = new int[sites.Count]; Building = new int[sites.Count];
            UnpaidBrownfield = new int[sites.Count]; NeedingRemediation = new int[sites.Count];
        }
        if (RemediationNeedGbp.Length != regions) RemediationNeedGbp = new double[regions];
        AvailableCount = BuildingCount = UnpaidBrownfieldCount = NeedingRemediationCount = 0;
        for (int site = 0; site < sites.Count; site++)
        {
            if (sites.Status[site] != SiteStatus.Available) continue;
            Available[AvailableCount++] = site;
            if (sites.RemediationGbpPerHome[site] > 0 && !sites.RemediationFunded[site]) UnpaidBrownfield[UnpaidBrownfieldCount++] = site;
        }
    }
}
