using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Development;

/// <summary>
/// The developer firms of every region: each a volume housebuilder, an SME or a regeneration specialist, with its equity
/// (free, and tied up in schemes under way), the price level it expects, whether it is trading, and what it has done.
/// Firms of region r are the contiguous block [r × <see cref="PerRegion"/>, (r + 1) × <see cref="PerRegion"/>), in type
/// order (volume, SME, regeneration). Each site is in one firm's land bank (<see cref="Holder"/>) and, once started, is
/// built by one firm (<see cref="Builder"/>). Rules: <see cref="DeveloperFirms"/>.
/// </summary>
internal sealed class DeveloperFirmState
{
    /// <summary>Firms in each region.</summary>
    public int PerRegion { get; private set; }
    /// <summary>Volume builders, SMEs and regeneration specialists in each region.</summary>
    public int Volume { get; private set; }
    public int Sme { get; private set; }
    public int Regeneration { get; private set; }
    /// <summary>Number of firms in the world.</summary>
    public int Count { get; private set; }

    /// <summary>[firm] its kind (its required margin).</summary>
    public DeveloperType[] Type = [];
    /// <summary>[firm] equity free to put into new schemes, £.</summary>
    public double[] EquityGbp = [];
    /// <summary>[firm] equity tied up in its schemes under way, £.</summary>
    public double[] TiedGbp = [];
    /// <summary>[firm] the price level it expects, as a share of start-year prices (adaptive: it moves towards this year's).</summary>
    public double[] ExpectedPriceFactor = [];
    /// <summary>[firm] whether it is trading (false after it fails, until a new firm enters in its place).</summary>
    public bool[] Alive = [];
    /// <summary>[firm] the year a new firm enters in its place after a failure.</summary>
    public int[] EntryYear = [];
    /// <summary>[firm] schemes it started over the variant.</summary>
    public double[] SchemesStarted = [];
    /// <summary>[firm] homes it completed over the variant.</summary>
    public double[] HomesCompleted = [];
    /// <summary>[firm] profit it made on the schemes it completed (at the prices when they completed), £.</summary>
    public double[] RealisedProfitGbp = [];
    /// <summary>[firm] times the firm in this place failed over the variant.</summary>
    public double[] Failures = [];
    /// <summary>[region * PerRegion + rank] the region's firms in the order they bid for land this year (highest first).</summary>
    public int[] Ranking = [];

    /// <summary>[site] the firm in whose land bank the site is (−1: none, after its holder failed).</summary>
    public int[] Holder = [];
    /// <summary>[site] the firm building it (−1: none, or its builder failed and receivers finish it).</summary>
    public int[] Builder = [];
    /// <summary>[site] equity its builder put in, £.</summary>
    public double[] SiteEquityGbp = [];
    /// <summary>[site] gross development value its builder expected when it started, £.</summary>
    public double[] ExpectedGdvGbp = [];
    /// <summary>[site] the profit its builder required when it started (its margin × expected GDV), £.</summary>
    public double[] RequiredProfitGbp = [];

    /// <summary>Sizes the arrays for <paramref name="regions"/> regions, <paramref name="sites"/> sites and the firm counts of <paramref name="d"/>.</summary>
    public void Size(int regions, int sites, DevelopmentParameters d)
    {
        Volume = d.VolumeBuildersPerRegion; Sme = d.SmeBuildersPerRegion; Regeneration = d.RegenerationSpecialistsPerRegion;
        PerRegion = Volume + Sme + Regeneration;
        int count = regions * PerRegion;
        if (count != Count)
        {
            Count = count;
            Type = new DeveloperType[count]; EquityGbp = new double[count]; TiedGbp = new double[count]; ExpectedPriceFactor = new double[count];
            Alive = new bool[count]; EntryYear = new int[count]; SchemesStarted = new double[count]; HomesCompleted = new double[count];
            RealisedProfitGbp = new double[count]; Failures = new double[count]; Ranking = new int[count];
        }
        if (Holder.Length != sites)
        {
            Holder = new int[sites]; Builder = new int[sites]; SiteEquityGbp = new double[sites];
            ExpectedGdvGbp = new double[sites]; RequiredProfitGbp = new double[sites];
        }
    }

    /// <summary>Region of firm <paramref name="firm"/>.</summary>
    public int RegionOf(int firm) => firm / PerRegion;

    /// <summary>The region's firms in this year's bidding order.</summary>
    public ReadOnlySpan<int> RankingOf(int region) => Ranking.AsSpan(region * PerRegion, PerRegion);
}
