using UrbanSim.Core.Agents;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Engine;

public sealed partial class ReplicationRunner
{
    /// <summary>The pro forma of one home on a site at this year's prices (start prices, lower in a recession) and a given finance rate.</summary>
    private ProForma SiteProForma(int site, double financeRatePerYear, bool remediationPaid) =>
        SiteProForma(_world, site, financeRatePerYear, remediationPaid);

    private ProForma SiteProForma(WorldState world, int site, double financeRatePerYear, bool remediationPaid)
    {
        var d = _p.Development;
        int zone = world.SiteZone[site];
        return new ProForma(
            SalesPriceGbpPerM2: world.ZoneBaseHousePriceGbpPerM2[zone] * (_inRecession ? 1 - _p.Shocks.RecessionPriceFall : 1),
            HomeSizeM2: d.HomeSizeM2,
            BuildCostGbpPerM2: d.BuildCostGbpPerM2,
            HealthyDesignCostUplift: d.HealthyDesignCostUplift,
            HealthyDesignPriceUplift: d.HealthyDesignPriceUplift,
            RemediationGbpPerHome: remediationPaid ? 0 : world.SiteRemediationGbpPerHome[site],
            DeveloperProfitShareOfGdv: d.DeveloperProfitShareOfGdv,
            PlanningObligationShareOfLandValue: d.PlanningObligationShareOfLandValue,
            LoanToCost: d.LoanToCost,
            FinanceRatePerYear: financeRatePerYear,
            BuildYears: d.BuildYears);
    }

    /// <summary>Index into <see cref="_breakEvenRate"/>: 8 entries a site, by recession, remediation paid and design.</summary>
    private static int BreakEvenIndex(int site, bool recession, bool remediationPaid, Design design) =>
        site * 8 + (recession ? 4 : 0) + (remediationPaid ? 2 : 0) + (int)design;

    /// <summary>
    /// Each site's break-even finance rate (see <see cref="Developers.BreakEvenFinanceRatePerYear"/>) for both
    /// designs, with and without a recession's prices, with and without remediation paid. They depend only on
    /// the replication's parameters and sites, so the yearly viability tests are comparisons.
    /// </summary>
    private void PrepareBreakEvenRates()
    {
        if (_breakEvenRate.Length != _template.SiteCount * 8) _breakEvenRate = new double[_template.SiteCount * 8];
        if (_smallestLoanGbp.Length != _template.SiteCount * 2) _smallestLoanGbp = new double[_template.SiteCount * 2];
        bool saved = _inRecession;
        for (int site = 0; site < _template.SiteCount; site++)
        {
            for (int paid = 0; paid < 2; paid++)
            {
                var proForma = SiteProForma(_template, site, 0, paid == 1);
                _smallestLoanGbp[site * 2 + paid] = Math.Min(Developers.DevelopmentCostGbp(proForma, Design.Standard), Developers.DevelopmentCostGbp(proForma, Design.Healthy))
                    * _p.Development.LoanToCost * _template.SiteCapacityHomes[site];
            }
            var developer = (DeveloperType)_template.SiteDeveloper[site];
            double benchmark = _template.SiteLandBenchmarkShareOfGdv[site] * _template.ZoneBaseHousePriceGbpPerM2[_template.SiteZone[site]] * _p.Development.HomeSizeM2;
            // A greenfield site has no remediation to pay: its rates with remediation paid are those without.
            bool brownfield = _template.SiteRemediationGbpPerHome[site] != 0;
            for (int k = 0; k < 8; k++)
            {
                bool recession = (k & 4) != 0, paid = (k & 2) != 0;
                if (paid && !brownfield) { _breakEvenRate[site * 8 + k] = _breakEvenRate[site * 8 + k - 2]; continue; }
                var design = (Design)(k & 1);
                _inRecession = recession;
                var proForma = SiteProForma(_template, site, 0, paid);
                _breakEvenRate[site * 8 + k] = Developers.BreakEvenFinanceRatePerYear(proForma, design, developer, benchmark);
            }
        }
        _inRecession = saved;
    }

    /// <summary>[site * 2 + (remediation paid 1)]: the smaller of the two designs' loans, £; finance costs do not enter it.</summary>
    private double[] _smallestLoanGbp = [];

    /// <summary>
    /// True when no lender could finance the site this year: the region's private lending left is below the
    /// smaller design's loan and the patient fund has nothing left for the region. Such a site would be
    /// appraised and then not financed, so developers skip it.
    /// </summary>
    private bool CannotBeFinanced(int site, int region) =>
        _patientLeftGbp[region] <= 0 && _lendingLeftGbp[region] < _smallestLoanGbp[site * 2 + (_world.SiteRemediationFunded[site] ? 1 : 0)];

    /// <summary>True when the site could be viable this year for some design at the rates on offer.</summary>
    private bool MightBeViable(int site, int region, bool patientAvailable)
    {
        bool paid = _world.SiteRemediationFunded[site];
        double rate = _requiredReturn[region];
        return rate <= _breakEvenRate[BreakEvenIndex(site, _inRecession, paid, Design.Standard)]
               || rate <= _breakEvenRate[BreakEvenIndex(site, _inRecession, paid, Design.Healthy)]
               || (patientAvailable && _p.Development.PatientFundReturnPerYear <= _breakEvenRate[BreakEvenIndex(site, _inRecession, paid, Design.Healthy)]);
    }

    /// <summary>
    /// Marks sites that no condition of this variant could make viable: even at start-year prices (prices only
    /// fall, in recessions), the lowest finance rate on offer and with remediation paid, neither design's
    /// residual land value reaches the benchmark. Developers and mayors then skip them for good.
    /// </summary>
    private void MarkSitesNeverViable()
    {
        var d = _p.Development;
        double lowestRate = d.BaseRequiredReturnPerYear;
        if (_levers.PatientCapitalGbpPerYear > 0) lowestRate = Math.Min(lowestRate, d.PatientFundReturnPerYear);
        for (int site = 0; site < _world.SiteCount; site++)
        {
            if (_world.SiteStatus[site] != 0) continue;
            double best = Math.Max(_breakEvenRate[BreakEvenIndex(site, recession: false, remediationPaid: true, Design.Standard)],
                                   _breakEvenRate[BreakEvenIndex(site, recession: false, remediationPaid: true, Design.Healthy)]);
            if (lowestRate > best) _world.SiteStatus[site] = 3;
        }
    }

    /// <summary>Benchmark land value per home: a share of the standard design's GDV at start-year prices.</summary>
    private double BenchmarkLandValueGbp(int site) =>
        _world.SiteLandBenchmarkShareOfGdv[site] * _world.ZoneBaseHousePriceGbpPerM2[_world.SiteZone[site]] * _p.Development.HomeSizeM2;

    /// <summary>
    /// True when, for an available brownfield site with its remediation unpaid (the sites of
    /// <see cref="_unpaidBrownfieldSites"/> still available and unpaid), only public remediation funding would make
    /// it viable: viable for the standard design at this year's finance rate without the remediation cost, not with it.
    /// </summary>
    private bool OnlyRemediationFundingMakesViable(int site, int region)
    {
        double rate = _requiredReturn[region];
        return rate <= _breakEvenRate[BreakEvenIndex(site, _inRecession, remediationPaid: true, Design.Standard)]
               && rate > _breakEvenRate[BreakEvenIndex(site, _inRecession, remediationPaid: false, Design.Standard)];
    }

    /// <summary>
    /// Each region's remediation money that would unlock sites this year (<see cref="_remediationNeedGbp"/>), and those
    /// sites in site order, for <see cref="AssembleSites"/>. Done once a year before the mayors allocate: one mayor's
    /// spending does not change which of another region's sites need funding. Only the available brownfield sites whose
    /// remediation is unpaid can need it; they are kept in their own list (in site order), which drops sites that have
    /// started or been funded since last year.
    /// </summary>
    private void FindSitesNeedingRemediation()
    {
        Array.Clear(_remediationNeedGbp);
        if (_remediationSites.Length != _world.SiteCount) _remediationSites = new int[_world.SiteCount];
        _remediationSiteCount = 0;
        int stillUnpaid = 0;
        for (int k = 0; k < _unpaidBrownfieldCount; k++)
        {
            int site = _unpaidBrownfieldSites[k];
            if (_world.SiteStatus[site] != 0 || _world.SiteRemediationFunded[site]) continue;
            _unpaidBrownfieldSites[stillUnpaid++] = site;
            int region = _siteRegion[site];
            if (!OnlyRemediationFundingMakesViable(site, region)) continue;
            _remediationNeedGbp[region] += _world.SiteRemediationGbpPerHome[site] * _world.SiteCapacityHomes[site];
            _remediationSites[_remediationSiteCount++] = site;
        }
        _unpaidBrownfieldCount = stillUnpaid;
    }

    /// <summary>Brownfield site assembly: pays the remediation of sites it makes viable, whole sites only.</summary>
    private double AssembleSites(int region, double amountGbp)
    {
        double spent = 0;
        for (int k = 0; k < _remediationSiteCount; k++)
        {
            int site = _remediationSites[k];
            if (_siteRegion[site] != region) continue;
            double cost = _world.SiteRemediationGbpPerHome[site] * _world.SiteCapacityHomes[site];
            if (spent + cost > amountGbp + 1e-6) continue;
            _world.SiteRemediationFunded[site] = true;
            spent += cost;
        }
        return spent;
    }

    /// <summary>[region] remediation money that would unlock sites this year; the sites, in site order.</summary>
    private readonly double[] _remediationNeedGbp;
    private int[] _remediationSites = [];
    private int _remediationSiteCount;

    /// <summary>
    /// Step 6: completions add homes; then developers appraise every available site for a standard and a
    /// healthy design and build what is viable, compliant with the mayor's standard, approved and financed.
    /// Returns the healthy homes completed this year.
    /// </summary>
    private double Develop(int year, Span<double> outcome, Span<double> yearly)
    {
        var d = _p.Development;
        var politics = _p.Politics;
        double healthyCompleted = 0;
        // Sites under construction, in the order they started (site order within a year): completions add homes.
        int stillBuilding = 0;
        for (int k = 0; k < _buildingCount; k++)
        {
            int site = _buildingSites[k];
            if (_world.SiteCompletionYear[site] != year) { _buildingSites[stillBuilding++] = site; continue; }
            int zone = _world.SiteZone[site];
            double homes = _world.SiteCapacityHomes[site];
            _world.SiteStatus[site] = 2;
            _world.Dwellings[zone] += homes;
            if (_world.SiteHealthy[site]) { _world.HealthyHomes[zone] += homes; healthyCompleted += homes; }
            outcome[Outcomes.HomesBuilt] += homes;
            yearly[Series.HomesBuilt] += homes;
            _homesThisTerm[_world.ZoneRegion[zone]] += homes;
        }
        _buildingCount = stillBuilding;

        for (int r = 0; r < _regions; r++)
        {
            _standardApplied[r] = Mayors.AppliedPlanningStandard(_levers.PlanningHealthStandard, politics.PlanningPowers, _politicalCapital[r]);
            _politicalCapital[r] = Math.Clamp(_politicalCapital[r] - politics.StandardPoliticalCostPerYear * _standardApplied[r], 0, 1);
        }
        // The patient fund's capital is shared between regions by population, so no region is served first.
        double worldPopulation = 0;
        for (int r = 0; r < _regions; r++) worldPopulation += _regionPopulation[r];
        for (int r = 0; r < _regions; r++)
            _patientLeftGbp[r] = worldPopulation > 0 ? _levers.PatientCapitalGbpPerYear * _regionPopulation[r] / worldPopulation : 0;

        // Available sites in site order; those that start leave the list for the list of sites under construction.
        int stillAvailable = 0;
        for (int k = 0; k < _availableCount; k++)
        {
            int site = _availableSites[k];
            int region = _siteRegion[site];
            // Most sites fail the two quick tests; only the rest are appraised in full.
            bool started = !CannotBeFinanced(site, region) && MightBeViable(site, region, _patientLeftGbp[region] > 0)
                           && TryStartScheme(site, year, outcome);
            if (started) _buildingSites[_buildingCount++] = site;
            else _availableSites[stillAvailable++] = site;
        }
        _availableCount = stillAvailable;
        return healthyCompleted;
    }

    /// <summary>
    /// A developer appraises an available site that passed <see cref="CannotBeFinanced"/> and <see cref="MightBeViable"/>:
    /// builds when it is viable, compliant with the mayor's standard, approved and financed (then the site is under
    /// construction and true is returned).
    /// </summary>
    private bool TryStartScheme(int site, int year, Span<double> outcome)
    {
        var d = _p.Development;
        int r = _siteRegion[site];
        if (_random.Uniform(RngStream.Sites, year + 1, site, 3) >= d.PlanningApprovalRate) return false;
        var developer = (DeveloperType)_world.SiteDeveloper[site];
        bool remediationPaid = _world.SiteRemediationFunded[site];
        bool healthyRequired = _world.SitePlanningDraw[site] < _standardApplied[r];
        double homes = _world.SiteCapacityHomes[site];
        double benchmark = BenchmarkLandValueGbp(site);
        var privateFinance = SiteProForma(site, _requiredReturn[r], remediationPaid);
        // The patient fund lends only to healthy schemes, and only while it has capital this year.
        var patientFinance = privateFinance;
        bool patientAvailable = false;
        if (_patientLeftGbp[r] > 0)
        {
            patientFinance = SiteProForma(site, d.PatientFundReturnPerYear, remediationPaid);
            double healthyLoan = Developers.DevelopmentCostGbp(patientFinance, Design.Healthy) * d.LoanToCost * homes;
            patientAvailable = healthyLoan <= _patientLeftGbp[r] && healthyLoan > 0;
        }
        var design = Developers.ChooseDesign(privateFinance, patientAvailable ? patientFinance : privateFinance, developer, benchmark, healthyRequired);
        if (design is not { } chosen) return false;
        bool usesPatient = chosen == Design.Healthy && patientAvailable;
        var finance = usesPatient ? patientFinance : privateFinance;
        double costPerHome = Developers.DevelopmentCostGbp(finance, chosen);
        double loan = costPerHome * d.LoanToCost * homes;
        if (usesPatient) _patientLeftGbp[r] -= loan;
        else if (loan <= _lendingLeftGbp[r]) _lendingLeftGbp[r] -= loan;
        else return false;  // not financed this year
        _world.SiteStatus[site] = 1;
        _world.SiteCompletionYear[site] = year + d.BuildYears;
        _world.SiteHealthy[site] = chosen == Design.Healthy;
        double privateInvestment = costPerHome * homes - (usesPatient ? loan : 0);
        outcome[Outcomes.DeveloperProfitGbp] += Developers.GrossDevelopmentValueGbp(finance, chosen) * finance.DeveloperProfitShareOfGdv * Developers.ProfitMultiplier(developer) * homes;
        if (!usesPatient) outcome[Outcomes.InvestorReturnGbp] += Developers.FinanceCostGbp(finance, chosen) * homes;
        outcome[Outcomes.PrivateInvestmentGbp] += privateInvestment;
        if (usesPatient) outcome[Outcomes.PatientCapitalGbp] += loan;
        return true;
    }

    /// <summary>Lists the available sites (status 0) in site order at the start of a variant; none is under construction.</summary>
    private void ListSites()
    {
        if (_availableSites.Length != _world.SiteCount)
        {
            _availableSites = new int[_world.SiteCount]; _buildingSites = new int[_world.SiteCount]; _unpaidBrownfieldSites = new int[_world.SiteCount];
        }
        _availableCount = 0;
        _buildingCount = 0;
        _unpaidBrownfieldCount = 0;
        for (int site = 0; site < _world.SiteCount; site++)
        {
            if (_world.SiteStatus[site] != 0) continue;
            _availableSites[_availableCount++] = site;
            if (_world.SiteRemediationGbpPerHome[site] > 0 && !_world.SiteRemediationFunded[site]) _unpaidBrownfieldSites[_unpaidBrownfieldCount++] = site;
        }
    }

    /// <summary>Available sites in site order, and sites under construction in the order they started.</summary>
    private int[] _availableSites = [], _buildingSites = [];
    private int _availableCount, _buildingCount;

    /// <summary>Available brownfield sites whose remediation is unpaid, in site order (may include sites that have since started or been funded).</summary>
    private int[] _unpaidBrownfieldSites = [];
    private int _unpaidBrownfieldCount;
}
