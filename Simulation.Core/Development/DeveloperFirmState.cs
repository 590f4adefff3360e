using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Development;

/// <summary>
/// The developer firms of every region: each a volume housebuilder, an SME or a regeneration specialist, with its equity
/// (free, and tied up in schemes under way or in homes not yet sold), the price level it expects, whether it is trading,
/// and what it has done. Each scheme keeps its debts (the lender's loan, and the other costs paid from sales) until its
/// homes are sold; homes completed in a recession that do not sell are held (<see cref="HeldSites"/>).
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
    /// <summary>[firm] new equity it raised from shareholders when it could not pay its overheads and interest (volume builders), £.</summary>
    public double[] EquityRaisedGbp = [];
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
    /// <summary>[site] the lender's loan still owed on the scheme, £ (repaid first from sales).</summary>
    public double[] SiteLoanGbp = [];
    /// <summary>[site] the scheme's other costs still owed from its sales (land, planning obligations, finance rolled up), £.</summary>
    public double[] SiteOtherDebtGbp = [];
    /// <summary>[site] the loan's rate per year.</summary>
    public double[] SiteLoanRatePerYear = [];
    /// <summary>[site] whether the patient public fund made the loan.</summary>
    public bool[] SiteLoanFromPatientFund = [];
    /// <summary>[site] the builder's equity in the scheme not yet recovered from sales, £.</summary>
    public double[] SiteTiedGbp = [];
    /// <summary>[site] what the builder has received from the scheme's sales, net of the debts repaid and the interest it paid while homes were held, £.</summary>
    public double[] SiteCashGbp = [];
    /// <summary>[site] value of the scheme's homes not yet sold at start-year prices, £ (0 once all are sold).</summary>
    public double[] HeldValueGbp = [];
    /// <summary>[site] homes of the scheme not yet sold.</summary>
    public double[] HeldHomes = [];
    /// <summary>The completed schemes with homes not yet sold, in the order they completed: the first <see cref="HeldCount"/>.</summary>
    public int[] HeldSites = [];
    /// <summary>Number of completed schemes with homes not yet sold.</summary>
    public int HeldCount;

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
            RealisedProfitGbp = new double[count]; Failures = new double[count]; EquityRaisedGbp = new double[count]; Ranking = new int[count];
        }
        if (Holder.Length != sites)
        {
            Holder = new int[sites]; Builder = new int[sites]; SiteEquityGbp = new double[sites];
            ExpectedGdvGbp = new double[sites]; RequiredProfitGbp = new double[sites];
            SiteLoanGbp = new double[sites]; SiteOtherDebtGbp = new double[sites]; SiteLoanRatePerYear = new double[sites];
            SiteLoanFromPatientFund = new bool[sites]; SiteTiedGbp = new double[sites]; SiteCashGbp = new double[sites];
            HeldValueGbp = new double[sites]; HeldHomes = new double[sites]; HeldSites = new int[sites];
        }
        HeldCount = 0;
    }

    /// <summary>Region of firm <paramref name="firm"/>.</summary>
    public int RegionOf(int firm) => firm / PerRegion;

    /// <summary>The region's firms in this year's bidding order.</summary>
    public ReadOnlySpan<int> RankingOf(int region) => Ranking.AsSpan(region * PerRegion, PerRegion);
}
