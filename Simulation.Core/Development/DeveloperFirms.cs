using UrbanSim.Core.Investors;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Development;

/// <summary>
/// Developer firms' rules: their starting equity and land banks, the prices they expect (adaptive expectations), the
/// order in which they bid for land, and what a completed scheme does to them: its realised profit or loss (at the
/// prices when it sells, not those it expected), homes held unsold in a recession with their debts outstanding, equity
/// kept after paying out a share of profit, overheads on its work in hand, and failure when a firm cannot pay its overheads
/// and interest (a volume builder raises equity instead); receivers sell a failed firm's homes at a forced-sale discount,
/// and its lenders bear the loss; a new firm of the same kind enters in a failed firm's place some years later.
/// </summary>
internal static class DeveloperFirms
{
    /// <summary>Share of the developers' starting equity held by regeneration specialists.</summary>
    public const double RegenerationEquityShare = 0.1;

    /// <summary>
    /// The equity a firm of <paramref name="type"/> starts (or enters) with, £: the region's developers' equity
    /// (<see cref="DevelopmentParameters.DeveloperEquityGbpPerHead"/> × residents) shared by kind (SMEs
    /// <see cref="DevelopmentParameters.SmeEquityShare"/>, regeneration specialists a tenth, volume builders the rest)
    /// and equally between the firms of a kind.
    /// </summary>
    public static double StartEquityGbp(DeveloperType type, double regionPopulation, DeveloperFirmState firms, DevelopmentParameters d)
    {
        double total = d.DeveloperEquityGbpPerHead * regionPopulation;
        return type switch
        {
            DeveloperType.Volume => total * Math.Max(0, 1 - d.SmeEquityShare - RegenerationEquityShare) / firms.Volume,
            DeveloperType.Sme => total * d.SmeEquityShare / firms.Sme,
            _ => total * RegenerationEquityShare / firms.Regeneration,
        };
    }

    /// <summary>
    /// Start of a variant: every firm trading with its starting equity and expecting start-year prices; each site in the
    /// land bank of a firm of the kind the site was drawn for (<see cref="SiteState.Developer"/>), spread over them in
    /// site order; nothing under way.
    /// </summary>
    public static void Start(DeveloperFirmState firms, WorldState world, DevelopmentParameters d, ReadOnlySpan<double> regionPopulation)
    {
        firms.Size(world.RegionCount, world.SiteCount, d);
        for (int f = 0; f < firms.Count; f++)
        {
            int k = f % firms.PerRegion;
            firms.Type[f] = k < firms.Volume ? DeveloperType.Volume : k < firms.Volume + firms.Sme ? DeveloperType.Sme : DeveloperType.Regeneration;
            firms.EquityGbp[f] = StartEquityGbp(firms.Type[f], regionPopulation[firms.RegionOf(f)], firms, d);
            firms.TiedGbp[f] = 0;
            firms.ExpectedPriceFactor[f] = 1;
            firms.Alive[f] = true;
            firms.EntryYear[f] = -1;
            firms.SchemesStarted[f] = firms.HomesCompleted[f] = firms.RealisedProfitGbp[f] = firms.Failures[f] = firms.EquityRaisedGbp[f] = 0;
            firms.Ranking[f] = f;
        }
        for (int site = 0; site < world.SiteCount; site++)
        {
            int region = world.Regions.SiteRegion[site];
            var type = world.Sites.Developer[site];
            int first = type switch { DeveloperType.Volume => 0, DeveloperType.Sme => firms.Volume, _ => firms.Volume + firms.Sme };
            int count = type switch { DeveloperType.Volume => firms.Volume, DeveloperType.Sme => firms.Sme, _ => firms.Regeneration };
            firms.Holder[site] = region * firms.PerRegion + first + site % count;
            firms.Builder[site] = -1;
            firms.SiteEquityGbp[site] = firms.ExpectedGdvGbp[site] = firms.RequiredProfitGbp[site] = 0;
            firms.SiteLoanGbp[site] = firms.SiteOtherDebtGbp[site] = firms.SiteTiedGbp[site] = firms.SiteCashGbp[site] = 0;
            firms.HeldValueGbp[site] = firms.HeldHomes[site] = 0;
        }
    }

    /// <summary>This year's prices as a share of start-year prices: lower by the recession price fall in a recession.</summary>
    public static double PriceFactor(ModelParameters parameters, bool inRecession) => inRecession ? 1 - parameters.Shocks.RecessionPriceFall : 1;

    /// <summary>The highest share of GDV a firm can offer for land per £ of start-year GDV: its expected prices × (1 − its required margin).</summary>
    public static double BidKey(DeveloperFirmState firms, int firm, DevelopmentParameters d) =>
        firms.ExpectedPriceFactor[firm] * (1 - Developers.ProfitShareOfGdv(d, firms.Type[firm]));

    /// <summary>
    /// The start of a year's development, after completions: trading firms move their expected prices a share
    /// <see cref="DevelopmentParameters.DeveloperPriceLearningPerYear"/> of the way to this year's; a new firm enters in
    /// each failed firm's place whose entry year has come (with starting equity, expecting this year's prices); and each
    /// region's firms are ranked by the land value they can offer (<see cref="BidKey"/>, highest first, ties by index).
    /// </summary>
    public static void StartYear(DeveloperFirmState firms, int year, ModelParameters parameters, double priceFactor, ReadOnlySpan<double> regionPopulation)
    {
        var d = parameters.Development;
        for (int f = 0; f < firms.Count; f++)
        {
            if (firms.Alive[f])
                firms.ExpectedPriceFactor[f] += d.DeveloperPriceLearningPerYear * (priceFactor - firms.ExpectedPriceFactor[f]);
            else if (firms.EntryYear[f] >= 0 && year >= firms.EntryYear[f])
            {
                firms.Alive[f] = true;
                firms.EntryYear[f] = -1;
                firms.EquityGbp[f] = StartEquityGbp(firms.Type[f], regionPopulation[firms.RegionOf(f)], firms, d);
                firms.TiedGbp[f] = 0;
                firms.ExpectedPriceFactor[f] = priceFactor;
            }
        }
        for (int r = 0; r * firms.PerRegion < firms.Count; r++)
        {
            var ranking = firms.Ranking.AsSpan(r * firms.PerRegion, firms.PerRegion);
            for (int k = 0; k < ranking.Length; k++) ranking[k] = r * firms.PerRegion + k;
            // Insertion sort: a handful of firms, and a stable order for ties.
            for (int k = 1; k < ranking.Length; k++)
            {
                int f = ranking[k];
                double key = BidKey(firms, f, d);
                int j = k - 1;
                while (j >= 0 && BidKey(firms, ranking[j], d) < key) { ranking[j + 1] = ranking[j]; j--; }
                ranking[j + 1] = f;
            }
        }
    }

    /// <summary>
    /// A firm starts a scheme on <paramref name="site"/>: its equity is tied up, and the site records what the firm
    /// expected (GDV) and required (profit) at the start, and the debts its sales will repay: the loan, and the
    /// scheme's other costs (GDV expected − profit required − equity − loan: land, planning obligations and finance,
    /// paid from sales).
    /// </summary>
    public static void StartScheme(DeveloperFirmState firms, int firm, int site, double equityGbp, double expectedGdvGbp, double requiredProfitGbp,
        double loanGbp, double loanRatePerYear, bool patientFund)
    {
        firms.EquityGbp[firm] -= equityGbp;
        firms.TiedGbp[firm] += equityGbp;
        firms.SchemesStarted[firm] += 1;
        firms.Holder[site] = firm;
        firms.Builder[site] = firm;
        firms.SiteEquityGbp[site] = equityGbp;
        firms.ExpectedGdvGbp[site] = expectedGdvGbp;
        firms.RequiredProfitGbp[site] = requiredProfitGbp;
        firms.SiteLoanGbp[site] = loanGbp;
        firms.SiteOtherDebtGbp[site] = Math.Max(0, expectedGdvGbp - requiredProfitGbp - equityGbp - loanGbp);
        firms.SiteLoanRatePerYear[site] = loanRatePerYear;
        firms.SiteLoanFromPatientFund[site] = patientFund;
        firms.SiteTiedGbp[site] = equityGbp;
        firms.SiteCashGbp[site] = 0;
        firms.HeldValueGbp[site] = firms.HeldHomes[site] = 0;
    }

    /// <summary>Share of a scheme's homes that sell in the year they complete (and of the homes held that sell in a year): lower in a recession.</summary>
    public static double SoldShare(DevelopmentParameters d, bool inRecession) => inRecession ? 1 - d.RecessionSalesFall : 1;

    /// <summary>
    /// A scheme completes at this year's prices (its GDV <paramref name="realisedGdvGbp"/> at <paramref name="priceFactor"/>
    /// of start-year prices): a share <see cref="SoldShare"/> of its homes sells now; the proceeds repay the loan, then
    /// the other costs, and the rest is the builder's. Homes that do not sell are held, with what is still owed, and
    /// sell in later years (<see cref="SellHeldHomes"/>). When every home is sold the scheme is settled: its profit is what
    /// the builder received less the equity it put in, so prices below those it expected are its loss (and a loss beyond
    /// its equity is paid from its other money). Returns the profit settled now (0 while homes are held). A scheme whose
    /// builder failed is sold by receivers at the forced-sale discount, and its lender bears what that leaves unpaid.
    /// </summary>
    public static double Complete(DeveloperFirmState firms, FinanceState finance, int region, int site, double homes, double realisedGdvGbp,
        double priceFactor, bool inRecession, DevelopmentParameters d)
    {
        int f = firms.Builder[site];
        firms.Builder[site] = -1;
        if (f < 0)
        {
            SellByReceivers(firms, finance, region, site, realisedGdvGbp, d);
            return 0;
        }
        firms.HomesCompleted[f] += homes;
        double sold = SoldShare(d, inRecession);
        Receive(firms, f, site, sold * realisedGdvGbp);
        if (sold >= 1) return Settle(firms, f, site, d);
        firms.HeldHomes[site] = (1 - sold) * homes;
        firms.HeldValueGbp[site] = priceFactor > 0 ? (1 - sold) * realisedGdvGbp / priceFactor : 0;   // prices at nothing: nothing to sell
        firms.HeldSites[firms.HeldCount++] = site;
        return 0;
    }

    /// <summary>
    /// Each year, before this year's completions, the held homes of each scheme: its builder pays a year's interest on
    /// the loan still owed, then a share <see cref="SoldShare"/> of the homes sells at this year's prices (all of them
    /// outside a recession), the proceeds repaying the debts first; a scheme whose homes are all sold is settled.
    /// <paramref name="profitByRegion"/> receives each settled scheme's profit, by region.
    /// </summary>
    public static void SellHeldHomes(DeveloperFirmState firms, FinanceState finance, ReadOnlySpan<int> siteRegion, double priceFactor, bool inRecession,
        DevelopmentParameters d, Span<double> profitByRegion)
    {
        double sold = SoldShare(d, inRecession);
        int stillHeld = 0;
        for (int k = 0; k < firms.HeldCount; k++)
        {
            int site = firms.HeldSites[k];
            int region = siteRegion[site];
            int f = firms.Holder[site];
            double interest = firms.SiteLoanGbp[site] * firms.SiteLoanRatePerYear[site];
            firms.EquityGbp[f] -= interest;
            firms.SiteCashGbp[site] -= interest;
            Lenders.ReceiveInterest(finance, region, interest, firms.SiteLoanFromPatientFund[site]);
            double proceeds = sold * firms.HeldValueGbp[site] * priceFactor;
            firms.HeldValueGbp[site] *= 1 - sold;
            firms.HeldHomes[site] *= 1 - sold;
            Receive(firms, f, site, proceeds);
            if (sold >= 1) profitByRegion[region] += Settle(firms, f, site, d);
            else firms.HeldSites[stillHeld++] = site;
        }
        firms.HeldCount = stillHeld;
    }

    /// <summary>Sales proceeds of a scheme: the loan is repaid first, then the other costs; the rest goes to the builder, recovering its equity first.</summary>
    private static void Receive(DeveloperFirmState firms, int firm, int site, double proceedsGbp)
    {
        double toLoan = Math.Min(proceedsGbp, firms.SiteLoanGbp[site]);
        firms.SiteLoanGbp[site] -= toLoan;
        double toOther = Math.Min(proceedsGbp - toLoan, firms.SiteOtherDebtGbp[site]);
        firms.SiteOtherDebtGbp[site] -= toOther;
        double cash = proceedsGbp - toLoan - toOther;
        double recovered = Math.Min(cash, firms.SiteTiedGbp[site]);
        firms.SiteTiedGbp[site] -= recovered;
        firms.TiedGbp[firm] = Math.Max(0, firms.TiedGbp[firm] - recovered);
        firms.EquityGbp[firm] += cash;
        firms.SiteCashGbp[site] += cash;
    }

    /// <summary>
    /// Every home of a scheme is sold: what is still owed is paid from the builder's other money (it is liable for its
    /// debts while it trades), equity not recovered is lost, and the profit (received − equity put in) is booked, the
    /// payout share of a positive one paid to its owners. Returns the profit.
    /// </summary>
    private static double Settle(DeveloperFirmState firms, int firm, int site, DevelopmentParameters d)
    {
        double owed = firms.SiteLoanGbp[site] + firms.SiteOtherDebtGbp[site];
        firms.EquityGbp[firm] -= owed;
        firms.SiteCashGbp[site] -= owed;
        firms.SiteLoanGbp[site] = firms.SiteOtherDebtGbp[site] = 0;
        firms.TiedGbp[firm] = Math.Max(0, firms.TiedGbp[firm] - firms.SiteTiedGbp[site]);
        firms.SiteTiedGbp[site] = 0;
        firms.HeldValueGbp[site] = firms.HeldHomes[site] = 0;
        double profit = firms.SiteCashGbp[site] - firms.SiteEquityGbp[site];
        if (profit > 0) firms.EquityGbp[firm] -= profit * d.DeveloperPayoutShare;
        firms.RealisedProfitGbp[firm] += profit;
        return profit;
    }

    /// <summary>
    /// Receivers sell a failed builder's scheme at once, at the forced-sale discount (<paramref name="valueGbp"/> is its
    /// homes' market value now): the lender is repaid what that covers and books the rest of its loan as a loss; the
    /// scheme's other creditors bear theirs.
    /// </summary>
    private static void SellByReceivers(DeveloperFirmState firms, FinanceState finance, int region, int site, double valueGbp, DevelopmentParameters d)
    {
        double recovered = valueGbp * (1 - d.ForcedSaleDiscount);
        Lenders.BookLoss(finance, region, firms.SiteLoanGbp[site] - recovered, firms.SiteLoanFromPatientFund[site]);
        firms.SiteLoanGbp[site] = firms.SiteOtherDebtGbp[site] = 0;
        firms.SiteTiedGbp[site] = firms.HeldValueGbp[site] = firms.HeldHomes[site] = 0;
    }

    /// <summary>
    /// Revenue a firm's equity turns over in a normal year, £ per £ of equity: equity is the share (1 − loan to cost) of a
    /// scheme's cost, tied up for the build years, and cost is the share (1 − margin) of GDV.
    /// </summary>
    public static double RevenuePerGbpOfEquity(DevelopmentParameters d) =>
        1 / (Math.Max(0.05, 1 - d.LoanToCost) * Math.Max(1, d.BuildYears) * Math.Max(0.05, 1 - d.DeveloperProfitShareOfGdv));

    /// <summary>
    /// A firm's overheads this year, £: the overhead share of the revenue that the equity it has in schemes under way and
    /// homes not yet sold (<paramref name="tiedGbp"/>) turns over in a normal year. They follow its work, not its sales:
    /// when homes do not sell they go on, and a firm without work has none.
    /// </summary>
    public static double OverheadsGbpPerYear(double tiedGbp, DevelopmentParameters d) =>
        d.DeveloperOverheadShareOfRevenue * RevenuePerGbpOfEquity(d) * Math.Max(0, tiedGbp);

    /// <summary>
    /// Free equity a firm keeps back when it starts a scheme putting in <paramref name="newEquityGbp"/>, £: its overheads
    /// with that scheme until a scheme started now completes (at least a year's), so that a firm whose equity is all in
    /// schemes under way can still pay them in a normal year.
    /// </summary>
    public static double ReserveGbp(DeveloperFirmState firms, int firm, double newEquityGbp, DevelopmentParameters d) =>
        OverheadsGbpPerYear(firms.TiedGbp[firm] + newEquityGbp, d) * Math.Max(1, d.BuildYears - 1);

    /// <summary>
    /// The year's fixed costs, after completions and sales: each trading firm pays its overheads from its free equity. A
    /// firm left with negative free equity (overheads, interest on loans for homes it holds, or debts its sales did not
    /// cover) cannot pay: a volume builder raises new equity from its shareholders, enough for the debt and a year's
    /// overheads (as listed builders did in 2009: Barratt Developments' placing and rights issue); any other firm fails
    /// (<see cref="Fail"/>). Adds the firms that failed to <paramref name="failuresByRegion"/> and the overheads, and the
    /// equity failed firms lose, to <paramref name="profitByRegion"/> (as losses).
    /// </summary>
    public static void PayYearsCosts(DeveloperFirmState firms, FinanceState finance, int year, ReadOnlySpan<int> siteRegion, double priceFactor,
        DevelopmentParameters d, Span<double> failuresByRegion, Span<double> profitByRegion)
    {
        for (int f = 0; f < firms.Count; f++)
        {
            if (!firms.Alive[f]) continue;
            double overheads = OverheadsGbpPerYear(firms.TiedGbp[f], d);
            firms.EquityGbp[f] -= overheads;
            firms.RealisedProfitGbp[f] -= overheads;
            profitByRegion[firms.RegionOf(f)] -= overheads;
            if (firms.EquityGbp[f] >= 0) continue;
            if (firms.Type[f] == DeveloperType.Volume)
            {
                double raised = -firms.EquityGbp[f] + overheads;
                firms.EquityGbp[f] += raised;
                firms.EquityRaisedGbp[f] += raised;
                continue;
            }
            profitByRegion[firms.RegionOf(f)] -= Fail(firms, finance, f, year, siteRegion, priceFactor, d);
            failuresByRegion[firms.RegionOf(f)] += 1;
        }
    }

    /// <summary>
    /// A firm fails: it stops trading and loses its equity; receivers sell the homes it holds at once at the forced-sale
    /// discount (its lenders bear what that does not repay) and finish its schemes under way, selling them the same way
    /// when they complete; its land bank is released to the other firms; a new firm of its kind enters in its place after
    /// <see cref="DevelopmentParameters.DeveloperEntryYears"/> years. Returns the equity it had in its schemes and lost
    /// (booked as a loss in its realised profit).
    /// </summary>
    public static double Fail(DeveloperFirmState firms, FinanceState finance, int firm, int year, ReadOnlySpan<int> siteRegion, double priceFactor, DevelopmentParameters d)
    {
        double lost = firms.TiedGbp[firm];
        firms.RealisedProfitGbp[firm] -= lost;
        firms.Alive[firm] = false;
        firms.Failures[firm] += 1;
        firms.EquityGbp[firm] = 0;
        firms.TiedGbp[firm] = 0;
        firms.EntryYear[firm] = year + Math.Max(1, d.DeveloperEntryYears);
        int stillHeld = 0;
        for (int k = 0; k < firms.HeldCount; k++)
        {
            int site = firms.HeldSites[k];
            if (firms.Holder[site] != firm) { firms.HeldSites[stillHeld++] = site; continue; }
            SellByReceivers(firms, finance, siteRegion[site], site, firms.HeldValueGbp[site] * priceFactor, d);
        }
        firms.HeldCount = stillHeld;
        for (int site = 0; site < firms.Holder.Length; site++)
        {
            if (firms.Holder[site] == firm) firms.Holder[site] = -1;
            if (firms.Builder[site] == firm) firms.Builder[site] = -1;
        }
        return lost;
    }
}
