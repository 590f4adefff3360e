using UrbanSim.Core.Investors;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Development;

/// <summary>
/// A shortcut cache for the yearly site appraisals: each site's break-even finance rate (see
/// <see cref="Developers.BreakEvenFinanceRatePerYear"/>) for both designs, with and without a recession's prices and
/// with and without its remediation paid, for the kind of developer it was drawn for (the mayor's judgement of which
/// sites need remediation); the best any firm could do (the lowest margin of any kind, at start-year prices, which no
/// firm expects to be beaten: prices only fall, in recessions); and the smaller design's loan. They depend only on the
/// replication's parameters and sites, so a year's viability test is a comparison of rates.
/// <see cref="DevelopmentReference"/> appraises every site in full instead, and a test requires the two to agree.
/// </summary>
internal sealed class BreakEvenRates
{
    private double[] _rate = [];          // [site * 8 + (recession 4) + (remediation paid 2) + design]
    private double[] _smallestLoanGbp = [];   // [site * 2 + (remediation paid 1)]
    private double[] _bestRate = [];          // [site * 4 + (remediation paid 2) + design]: any firm's, at start-year prices
    private double _patientReturnPerYear;

    /// <summary>The kind of developer with the lowest required margin: no firm can make viable what it cannot at the same prices.</summary>
    public static DeveloperType LowestMargin(DevelopmentParameters d)
    {
        var lowest = DeveloperType.Volume;
        foreach (var type in (ReadOnlySpan<DeveloperType>)[DeveloperType.Sme, DeveloperType.Regeneration])
            if (Developers.ProfitShareOfGdv(d, type) < Developers.ProfitShareOfGdv(d, lowest)) lowest = type;
        return lowest;
    }

    private static int Index(int site, bool recession, bool remediationPaid, Design design) =>
        site * 8 + (recession ? 4 : 0) + (remediationPaid ? 2 : 0) + (int)design;

    /// <summary>The break-even rate of a site and design under the given prices and remediation.</summary>
    public double Rate(int site, bool recession, bool remediationPaid, Design design) => _rate[Index(site, recession, remediationPaid, design)];

    /// <summary>Computes every site's rates and smallest loan from the replication's start-year world.</summary>
    public void Prepare(WorldState world, ModelParameters parameters)
    {
        int sites = world.SiteCount;
        if (_rate.Length != sites * 8) _rate = new double[sites * 8];
        if (_smallestLoanGbp.Length != sites * 2) _smallestLoanGbp = new double[sites * 2];
        if (_bestRate.Length != sites * 4) _bestRate = new double[sites * 4];
        var d = parameters.Development;
        _patientReturnPerYear = d.PatientFundReturnPerYear;
        var lowestMargin = LowestMargin(d);
        for (int site = 0; site < sites; site++)
        {
            for (int paid = 0; paid < 2; paid++)
            {
                var proForma = Developers.SiteProForma(world, site, parameters, false, 0, paid == 1);
                _smallestLoanGbp[site * 2 + paid] = Math.Min(Developers.DevelopmentCostGbp(proForma, Design.Standard), Developers.DevelopmentCostGbp(proForma, Design.Healthy))
                    * d.LoanToCost * world.Sites.CapacityHomes[site];
            }
            var developer = world.Sites.Developer[site];
            double benchmark = Developers.BenchmarkLandValueGbp(world, site, d);
            // A greenfield site has no remediation to pay: its rates with remediation paid are those without.
            bool brownfield = world.Sites.IsBrownfield(site);
            for (int k = 0; k < 8; k++)
            {
                bool recession = (k & 4) != 0, paid = (k & 2) != 0;
                if (paid && !brownfield) { _rate[site * 8 + k] = _rate[site * 8 + k - 2]; continue; }
                var proForma = Developers.SiteProForma(world, site, parameters, recession, 0, paid);
                _rate[site * 8 + k] = Developers.BreakEvenFinanceRatePerYear(proForma, (Design)(k & 1), developer, benchmark);
            }
            for (int k = 0; k < 4; k++)
            {
                var proForma = Developers.SiteProForma(world, site, parameters, 1.0, 0, (k & 2) != 0);
                _bestRate[site * 4 + k] = Developers.BreakEvenFinanceRatePerYear(proForma, (Design)(k & 1), lowestMargin, benchmark);
            }
        }
    }

    /// <summary>
    /// True when no lender could finance the site this year: the region's private lending left is below the smaller
    /// design's loan and the patient fund has nothing left for the region (a full appraisal would then not be financed).
    /// </summary>
    public bool CannotBeFinanced(int site, int region, SiteState sites, FinanceState finance) =>
        finance.PatientLeftGbp[region] <= 0 && finance.LendingLeftGbp[region] < _smallestLoanGbp[site * 2 + (sites.RemediationFunded[site] ? 1 : 0)];

    /// <summary>
    /// True when some firm could find the site viable this year for some design at the rates on offer: at the best any
    /// firm could do (start-year prices, the lowest margin), which no firm's own appraisal beats.
    /// </summary>
    public bool MightBeViable(int site, int region, SiteState sites, FinanceState finance)
    {
        int paid = sites.RemediationFunded[site] ? 2 : 0;
        double rate = finance.RequiredReturnPerYear[region];
        double healthy = _bestRate[site * 4 + paid + (int)Design.Healthy];
        return rate <= _bestRate[site * 4 + paid + (int)Design.Standard]
               || rate <= healthy
               || (finance.PatientLeftGbp[region] > 0 && _patientReturnPerYear <= healthy);
    }

    /// <summary>
    /// True when, for an available brownfield site with its remediation unpaid, only public remediation funding would
    /// make it viable: viable for the standard design at this year's finance rate without the remediation cost, not with it.
    /// </summary>
    public bool OnlyRemediationFundingMakesViable(int site, double requiredReturnPerYear, bool inRecession) =>
        requiredReturnPerYear <= Rate(site, inRecession, remediationPaid: true, Design.Standard)
        && requiredReturnPerYear > Rate(site, inRecession, remediationPaid: false, Design.Standard);

    /// <summary>
    /// Marks sites that no condition of this variant could make viable: even at start-year prices (prices only fall,
    /// in recessions, and no firm expects more), the lowest margin of any firm, the lowest finance rate on offer (the
    /// cheapest lender's hurdle at no perceived risk, less the most a figurehead mayor can take off it, or the patient
    /// fund's when it has capital) and with
    /// remediation paid, neither design's residual land value reaches the benchmark. They are skipped for good.
    /// </summary>
    public void MarkNeverViable(SiteState sites, DevelopmentParameters d, double patientCapitalGbpPerYear, double figureheadDiscountPerYear)
    {
        double lowestRate = Math.Max(0, d.BaseRequiredReturnPerYear - d.LenderHurdleSpreadPerYear / 2 - figureheadDiscountPerYear);
        if (patientCapitalGbpPerYear > 0) lowestRate = Math.Min(lowestRate, d.PatientFundReturnPerYear);
        for (int site = 0; site < sites.Count; site++)
        {
            if (sites.Status[site] != SiteStatus.Available) continue;
            double best = Math.Max(_bestRate[site * 4 + 2 + (int)Design.Standard], _bestRate[site * 4 + 2 + (int)Design.Healthy]);
            if (lowestRate > best) sites.Status[site] = SiteStatus.NeverViable;
        }
    }
}
