namespace UrbanSim.Core.Development;

/// <summary>Where a site is in its life.</summary>
internal enum SiteStatus : byte
{
    /// <summary>Not yet built; developers appraise it each year.</summary>
    Available = 0,
    /// <summary>A scheme has started and will complete in <see cref="SiteState.CompletionYear"/>.</summary>
    UnderConstruction = 1,
    /// <summary>Homes completed.</summary>
    Complete = 2,
    /// <summary>No condition of this variant could make it viable (see <see cref="BreakEvenRates.MarkNeverViable"/>); skipped.</summary>
    NeverViable = 3,
}

/// <summary>Developable sites: fixed characteristics (zone, size, remediation, land value, developer, planning draw) and their status.</summary>
internal sealed class SiteState
{
    internal SiteState(int sites)
    {
        Count = sites;
        Zone = new int[sites]; Developer = new DeveloperType[sites]; CapacityHomes = new double[sites]; PlaceCapacityHomes = new double[sites];
        RemediationGbpPerHome = new double[sites]; LandBenchmarkShareOfGdv = new double[sites]; PlanningDraw = new double[sites];
        Status = new SiteStatus[sites]; CompletionYear = new int[sites]; Healthy = new bool[sites]; RemediationFunded = new bool[sites];
        RemediationPaidGbp = new double[sites];
    }

    /// <summary>Number of sites.</summary>
    public int Count { get; }
    /// <summary>[site] its zone.</summary>
    public readonly int[] Zone;
    /// <summary>[site] the kind of developer that holds it.</summary>
    public readonly DeveloperType[] Developer;
    /// <summary>[site] homes it can hold: its zone's land shared between the zone's sites by the kind of developer holding each.</summary>
    public readonly double[] CapacityHomes;
    /// <summary>[site] homes the place's land holds on it before the land is shared by developer kind (the place's, every replication).</summary>
    public readonly double[] PlaceCapacityHomes;
    /// <summary>[site] brownfield remediation cost, £ per home (0 for greenfield).</summary>
    public readonly double[] RemediationGbpPerHome;
    /// <summary>[site] benchmark land value as a share of the standard design's GDV at start-year prices.</summary>
    public readonly double[] LandBenchmarkShareOfGdv;
    /// <summary>[site] fixed uniform draw: the healthy design is required if it is below the standard applied.</summary>
    public readonly double[] PlanningDraw;
    /// <summary>[site] status.</summary>
    public readonly SiteStatus[] Status;
    /// <summary>[site] year its scheme completes, −1 before it starts.</summary>
    public readonly int[] CompletionYear;
    /// <summary>[site] whether its scheme is of the healthy design.</summary>
    public readonly bool[] Healthy;
    /// <summary>[site] whether public money has paid its remediation.</summary>
    public readonly bool[] RemediationFunded;
    /// <summary>[site] public money paid so far towards its remediation (site assembly proceeds in tranches), £.</summary>
    public readonly double[] RemediationPaidGbp;

    /// <summary>The remediation of <paramref name="site"/> still to pay, £.</summary>
    public double RemediationLeftGbp(int site) => Math.Max(0, RemediationGbpPerHome[site] * CapacityHomes[site] - RemediationPaidGbp[site]);

    /// <summary>True for a brownfield site (remediation to pay).</summary>
    public bool IsBrownfield(int site) => RemediationGbpPerHome[site] != 0;

    internal void CopyFrom(SiteState source)
    {
        source.Zone.CopyTo(Zone, 0); source.Developer.CopyTo(Developer, 0); source.CapacityHomes.CopyTo(CapacityHomes, 0);
        source.PlaceCapacityHomes.CopyTo(PlaceCapacityHomes, 0);
        source.RemediationGbpPerHome.CopyTo(RemediationGbpPerHome, 0); source.LandBenchmarkShareOfGdv.CopyTo(LandBenchmarkShareOfGdv, 0);
        source.PlanningDraw.CopyTo(PlanningDraw, 0); source.Status.CopyTo(Status, 0); source.CompletionYear.CopyTo(CompletionYear, 0);
        source.Healthy.CopyTo(Healthy, 0); source.RemediationFunded.CopyTo(RemediationFunded, 0);
        source.RemediationPaidGbp.CopyTo(RemediationPaidGbp, 0);
    }
}
