using UrbanSim.Core.Development;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Investors;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Tests.Engine;

namespace UrbanSim.Core.Tests.Development;

/// <summary>
/// Slow sales in a recession, overheads, failure and recapitalisation, forced sales and lenders' losses: the money of a
/// scheme is conserved from its start to its last sale, and who bears a loss follows the order of the debts.
/// </summary>
public class SalesAndFailureTests
{
    private static readonly DevelopmentParameters D = new()
    {
        VolumeBuildersPerRegion = 1, SmeBuildersPerRegion = 1, RegenerationSpecialistsPerRegion = 1, LendersPerRegion = 2,
        RecessionSalesFall = 0.4, DeveloperPayoutShare = 0.5, ForcedSaleDiscount = 0.25, DeveloperOverheadShareOfRevenue = 0.04,
        LoanToCost = 0.7, BuildYears = 2, DeveloperProfitShareOfGdv = 0.175, DeveloperEntryYears = 2,
    };

    private const int Sme = 1, Volume = 0;

    /// <summary>One region with a volume builder, an SME and a regeneration specialist, two lenders who have lent 1 and 3, and two sites.</summary>
    private static (DeveloperFirmState Firms, FinanceState Finance) Firms(double equityGbp = 100)
    {
        var firms = new DeveloperFirmState();
        firms.Size(regions: 1, sites: 2, D);
        for (int f = 0; f < 3; f++)
        {
            firms.Type[f] = (DeveloperType)f;
            firms.Alive[f] = true;
            firms.EquityGbp[f] = equityGbp;
            firms.EntryYear[f] = -1;
            firms.ExpectedPriceFactor[f] = 1;
        }
        firms.Type[Volume] = DeveloperType.Volume;
        firms.Type[Sme] = DeveloperType.Sme;
        firms.Type[2] = DeveloperType.Regeneration;
        for (int site = 0; site < 2; site++) { firms.Holder[site] = -1; firms.Builder[site] = -1; }
        var finance = new FinanceState(1);
        Lenders.Start(finance, 1, D);
        finance.LenderLentGbp[0] = 1;
        finance.LenderLentGbp[1] = 3;
        return (firms, finance);
    }

    private static readonly int[] SiteRegion = [0, 0];

    /// <summary>A scheme of 10 homes: GDV expected 100, profit required 17.5, equity 24, loan 56 at 10% (so other costs 2.5).</summary>
    private static void Start(DeveloperFirmState firms, int firm, int site = 0) =>
        DeveloperFirms.StartScheme(firms, firm, site, equityGbp: 24, expectedGdvGbp: 100, requiredProfitGbp: 17.5, loanGbp: 56, loanRatePerYear: 0.1, patientFund: false);

    [Fact]
    public void OutsideARecession_EveryHomeSellsOnCompletion_AndTheProfitIsTheRequiredOneAdjustedForPrices()
    {
        var (firms, finance) = Firms();
        Start(firms, Sme);
        Assert.Equal(76, firms.EquityGbp[Sme], 12);
        Assert.Equal(24, firms.TiedGbp[Sme], 12);
        // Prices 10% below those expected: the profit falls by 10 of GDV.
        double profit = DeveloperFirms.Complete(firms, finance, 0, 0, homes: 10, realisedGdvGbp: 90, priceFactor: 0.9, inRecession: false, D);
        Assert.Equal(17.5 - 10, profit, 12);
        Assert.Equal(0, firms.HeldCount);
        Assert.Equal(0, firms.TiedGbp[Sme], 12);
        // Equity back with the profit, less the half paid out.
        Assert.Equal(100 + 7.5 * 0.5, firms.EquityGbp[Sme], 12);
        Assert.Equal(7.5, firms.RealisedProfitGbp[Sme], 12);
        Assert.Equal(0, firms.SiteLoanGbp[0], 12);
    }

    [Fact]
    public void InARecession_UnsoldHomesAreHeld_TheirLoanOutstandingAndPayingInterest_UntilTheySellLater()
    {
        var (firms, finance) = Firms();
        Start(firms, Sme);
        // In a recession 60% of the homes sell, at prices 10% down: 54 of proceeds all go to the lender (loan 56).
        double profit = DeveloperFirms.Complete(firms, finance, 0, 0, homes: 10, realisedGdvGbp: 90, priceFactor: 0.9, inRecession: true, D);
        Assert.Equal(0, profit);
        Assert.Equal(1, firms.HeldCount);
        Assert.Equal(4, firms.HeldHomes[0], 12);
        Assert.Equal(2, firms.SiteLoanGbp[0], 12);
        Assert.Equal(24, firms.TiedGbp[Sme], 12);
        Assert.Equal(76, firms.EquityGbp[Sme], 12);
        // The next year, out of the recession at start-year prices: a year's interest on the loan (0.2), then the 4 held
        // homes sell for 40 (their value at start-year prices): the loan (2) and the other costs (2.5) are repaid first.
        Span<double> profitByRegion = stackalloc double[1];
        DeveloperFirms.SellHeldHomes(firms, finance, SiteRegion, priceFactor: 1, inRecession: false, D, profitByRegion);
        Assert.Equal(0, firms.HeldCount);
        double received = 40 - 2 - 2.5 - 0.2;
        Assert.Equal(received - 24, profitByRegion[0], 12);
        Assert.Equal(received - 24, firms.RealisedProfitGbp[Sme], 12);
        Assert.Equal(76 + received - 0.5 * (received - 24), firms.EquityGbp[Sme], 12);
        Assert.Equal(0, firms.TiedGbp[Sme], 12);
        // The interest went to the lenders, in proportion to what each had lent.
        Assert.Equal(0.2, finance.FinanceIncomeGbp[0], 12);
        Assert.Equal(0.05, finance.LenderIncomeGbp[0], 12);
        Assert.Equal(0.15, finance.LenderIncomeGbp[1], 12);
    }

    [Fact]
    public void MoneyIsConserved_FromAStartToTheLastSale_WhateverTheSalesAndPrices()
    {
        // What the homes fetched = what the lender got (loan + interest) + the other costs + what the firm kept + paid out.
        Span<double> profit = stackalloc double[1];
        foreach (var (recession, price) in new[] { (false, 1.0), (true, 0.9), (true, 0.7), (false, 1.2) })
        {
            var (firms, finance) = Firms();
            Start(firms, Sme);
            double fetched = 0.6 * 100 * price * (recession ? 1 : 1 / 0.6);
            DeveloperFirms.Complete(firms, finance, 0, 0, 10, 100 * price, price, recession, D);
            double interest = firms.SiteLoanGbp[0] * 0.1;
            if (recession)
            {
                fetched += 0.4 * 100 * 1.0;
                DeveloperFirms.SellHeldHomes(firms, finance, SiteRegion, 1.0, false, D, profit);
            }
            double paidOut = Math.Max(0, firms.RealisedProfitGbp[Sme]) * D.DeveloperPayoutShare;
            double kept = firms.EquityGbp[Sme] + firms.TiedGbp[Sme] - 100;
            Assert.Equal(fetched, 56 + interest + 2.5 + 24 + kept + paidOut, 9);
            Assert.Equal(interest, finance.FinanceIncomeGbp[0], 12);
        }
    }

    [Fact]
    public void AFirmThatCannotPayItsOverheads_Fails_ButAVolumeBuilderRaisesEquityInstead()
    {
        var (firms, finance) = Firms(equityGbp: 24);
        Start(firms, Sme, site: 0);
        Start(firms, Volume, site: 1);
        // Both have all their equity in a scheme: overheads are due on it, and neither has the money.
        double overheads = DeveloperFirms.OverheadsGbpPerYear(24, D);
        Assert.Equal(0.04 * 24 / (0.3 * 2 * 0.825), overheads, 12);
        Span<double> failures = stackalloc double[1];
        Span<double> profit = stackalloc double[1];
        DeveloperFirms.PayYearsCosts(firms, finance, year: 5, SiteRegion, priceFactor: 1, D, failures, profit);
        Assert.Equal(1, failures[0]);
        Assert.False(firms.Alive[Sme]);
        Assert.Equal(1, firms.Failures[Sme]);
        Assert.Equal(7, firms.EntryYear[Sme]);
        Assert.Equal(-1, firms.Builder[0]);   // receivers finish its scheme
        Assert.True(firms.Alive[Volume]);
        Assert.Equal(0, firms.Failures[Volume]);
        Assert.Equal(2 * overheads, firms.EquityRaisedGbp[Volume], 12);
        Assert.Equal(overheads, firms.EquityGbp[Volume], 12);
        // The region's developers lost the overheads of both and the SME's equity in its scheme.
        Assert.Equal(-2 * overheads - 24, profit[0], 12);
        // A firm with no work has no overheads, and a firm with its reserve pays them.
        Assert.Equal(0, DeveloperFirms.OverheadsGbpPerYear(0, D));
        Assert.Equal(DeveloperFirms.OverheadsGbpPerYear(30, D), DeveloperFirms.ReserveGbp(firms, 2, 30, D), 12);
    }

    [Fact]
    public void ReceiversSellAFailedFirmsHomesAtTheForcedSaleDiscount_AndTheLendersBearWhatThatLeavesUnpaid()
    {
        var (firms, finance) = Firms();
        Start(firms, Sme, site: 0);
        Start(firms, Sme, site: 1);
        // Site 0 completes in a deep recession (prices at half): 30 of 50 sells, all to the lender; 26 still owed.
        DeveloperFirms.Complete(firms, finance, 0, 0, 10, 50, 0.5, inRecession: true, D);
        Assert.Equal(26, firms.SiteLoanGbp[0], 12);
        DeveloperFirms.Fail(firms, finance, Sme, year: 3, SiteRegion, priceFactor: 0.5, D);
        // The 4 held homes are worth 20 now; receivers get 15 for them: the lenders lose 11, shared 1:3.
        Assert.Equal(0, firms.HeldCount);
        Assert.Equal(11, finance.LoanLossesGbp[0], 12);
        Assert.Equal(11 * 0.25, finance.LenderLossGbp[0], 12);
        Assert.Equal(11 * 0.75, finance.LenderLossGbp[1], 12);
        // Site 1, under way, is finished by receivers: sold at 70 less 25% (52.5) against a loan of 56.
        DeveloperFirms.Complete(firms, finance, 0, 1, 10, 70, 0.7, inRecession: false, D);
        Assert.Equal(11 + 3.5, finance.LoanLossesGbp[0], 12);
        Assert.Equal(0, finance.PatientLossesGbp[0]);
        // Sold for enough, the receivers leave the lender whole.
        var (firms2, finance2) = Firms();
        Start(firms2, Sme, site: 1);
        DeveloperFirms.Fail(firms2, finance2, Sme, 3, SiteRegion, 1, D);
        DeveloperFirms.Complete(firms2, finance2, 0, 1, 10, 100, 1, false, D);
        Assert.Equal(0, finance2.LoanLossesGbp[0]);
    }

    private static Scenario World(Func<ShockParameters, ShockParameters> shocks, Func<DevelopmentParameters, DevelopmentParameters>? development = null) =>
        DeveloperFirmTests.World(development, shocks);

    [Fact]
    public void InRecessionsLikeTheCreditCrunch_SmallerFirmsFail_VolumeBuildersRaiseEquity_AndFewerHomesAreBuilt()
    {
        // Prices 20% down and sales 44% down for three years, often: firms fail with their money tied up in homes that
        // do not sell, while volume builders raise equity from their shareholders.
        var crunch = World(s => s with { RecessionProbabilityPerYear = 0.25, RecessionYears = 3, RecessionPriceFall = 0.2 });
        var withoutSlowSales = World(s => s with { RecessionProbabilityPerYear = 0.25, RecessionYears = 3, RecessionPriceFall = 0.2 },
            d => d with { RecessionSalesFall = 0 });
        double failures = 0, volumeFailures = 0, raised = 0, failuresWithoutSlowSales = 0;
        for (int rep = 0; rep < 8; rep++)
        {
            var runner = new ReplicationRunner(crunch);
            var result = EngineHarness.Run(crunch, rep, runner: runner);
            var firms = runner.Firms;
            failures += result.Get(0, StandardOutcomes.DeveloperFailures);
            // The region's developers' realised profit is the sum of its firms' (sales, overheads, equity lost in failures).
            double byFirm = 0, byRegion = 0;
            for (int f = 0; f < firms.Count; f++) byFirm += firms.RealisedProfitGbp[f];
            for (int r = 0; r < result.Regions; r++) byRegion += result.RegionOutcomesOf(0, r)[RegionOutcomes.DevelopersRealisedProfitGbp];
            Assert.Equal(byFirm, byRegion, Math.Abs(byFirm) * 1e-9);
            for (int f = 0; f < firms.Count; f++)
            {
                if (firms.Type[f] == DeveloperType.Volume) { volumeFailures += firms.Failures[f]; raised += firms.EquityRaisedGbp[f]; }
                else Assert.Equal(0, firms.EquityRaisedGbp[f]);
            }
            failuresWithoutSlowSales += EngineHarness.Run(withoutSlowSales, rep).Get(0, StandardOutcomes.DeveloperFailures);
        }
        Assert.True(failures > 0, "no firm failed");
        Assert.Equal(0, volumeFailures);
        Assert.True(raised > 0, "no volume builder raised equity");
        Assert.True(failuresWithoutSlowSales < failures, $"failures with slow sales {failures}, without {failuresWithoutSlowSales}");
    }

    [Fact]
    public void WithoutRecessions_NoHomeIsHeld_NoLenderLoses_AndNoVolumeBuilderRaisesEquity()
    {
        var scenario = World(s => s);
        var runner = new ReplicationRunner(scenario);
        var result = EngineHarness.Run(scenario, 0, runner: runner);
        Assert.Equal(0, runner.Firms.HeldCount);
        Assert.All(runner.Firms.EquityRaisedGbp, e => Assert.Equal(0, e));
        for (int r = 0; r < result.Regions; r++)
        {
            Assert.Equal(0, result.RegionOutcomesOf(0, r)[RegionOutcomes.LendersLossesGbp]);
            Assert.Equal(0, result.RegionOutcomesOf(0, r)[RegionOutcomes.DevelopersFailures]);
        }
    }
}
