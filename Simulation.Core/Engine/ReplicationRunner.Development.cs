using UrbanSim.Core.Agents;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Engine;

public sealed partial class ReplicationRunner
{
    /// <summary>Sales price per m² in a zone this year: the start price, lower during a recession.</summary>
    private double PriceGbpPerM2(int zone) =>
        _world.ZoneBaseHousePriceGbpPerM2[zone] * (_inRecession ? 1 - _p.Shocks.RecessionPriceFall : 1);

    /// <summary>The pro forma of one home on a site at this year's prices and a given finance rate.</summary>
    private ProForma SiteProForma(int site, double financeRatePerYear, bool remediationPaid)
    {
        var d = _p.Development;
        int zone = _world.SiteZone[site];
        return new ProForma(
            SalesPriceGbpPerM2: PriceGbpPerM2(zone),
            HomeSizeM2: d.HomeSizeM2,
            BuildCostGbpPerM2: d.BuildCostGbpPerM2,
            HealthyDesignCostUplift: d.HealthyDesignCostUplift,
            HealthyDesignPriceUplift: d.HealthyDesignPriceUplift,
            RemediationGbpPerHome: remediationPaid ? 0 : _world.SiteRemediationGbpPerHome[site],
            DeveloperProfitShareOfGdv: d.DeveloperProfitShareOfGdv,
            PlanningObligationShareOfLandValue: d.PlanningObligationShareOfLandValue,
            LoanToCost: d.LoanToCost,
            FinanceRatePerYear: financeRatePerYear,
            BuildYears: d.BuildYears);
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
            var best = SiteProForma(site, lowestRate, remediationPaid: true) with { SalesPriceGbpPerM2 = _world.ZoneBaseHousePriceGbpPerM2[_world.SiteZone[site]] };
            var developer = (DeveloperType)_world.SiteDeveloper[site];
            double benchmark = BenchmarkLandValueGbp(site);
            if (!Developers.IsViable(best, Design.Standard, developer, benchmark) && !Developers.IsViable(best, Design.Healthy, developer, benchmark))
                _world.SiteStatus[site] = 3;
        }
    }

    /// <summary>Benchmark land value per home: a share of the standard design's GDV at start-year prices.</summary>
    private double BenchmarkLandValueGbp(int site) =>
        _world.SiteLandBenchmarkShareOfGdv[site] * _world.ZoneBaseHousePriceGbpPerM2[_world.SiteZone[site]] * _p.Development.HomeSizeM2;

    /// <summary>
    /// True for an available brownfield site that only public remediation funding would make viable: viable
    /// for the standard design without the remediation cost, not viable with it. Remediation enters the
    /// pro forma linearly (it is financed like build cost), so one appraisal answers both questions.
    /// </summary>
    private bool NeedsRemediationFunding(int site, int region)
    {
        if (_world.SiteStatus[site] != 0 || _world.SiteRemediationFunded[site] || _world.SiteRemediationGbpPerHome[site] <= 0) return false;
        var developer = (DeveloperType)_world.SiteDeveloper[site];
        double benchmark = BenchmarkLandValueGbp(site);
        var withoutCost = SiteProForma(site, _requiredReturn[region], remediationPaid: true);
        double without = Developers.ResidualLandValueGbp(withoutCost, Design.Standard, developer);
        if (without < benchmark) return false;
        var d = _p.Development;
        double remediationWithFinance = _world.SiteRemediationGbpPerHome[site] * (1 + d.LoanToCost * _requiredReturn[region] * d.BuildYears * 0.5);
        double beforeObligations = without / (1 - d.PlanningObligationShareOfLandValue) - remediationWithFinance;
        double with = beforeObligations > 0 ? beforeObligations * (1 - d.PlanningObligationShareOfLandValue) : beforeObligations;
        return with < benchmark;
    }

    /// <summary>Remediation money that would unlock sites this year; marks those sites for <see cref="AssembleSites"/>.</summary>
    private double RemediationNeedGbp(int region)
    {
        double need = 0;
        foreach (int site in SitesOf(region))
        {
            _siteNeedsFunding[site] = NeedsRemediationFunding(site, region);
            if (_siteNeedsFunding[site]) need += _world.SiteRemediationGbpPerHome[site] * _world.SiteCapacityHomes[site];
        }
        return need;
    }

    /// <summary>Brownfield site assembly: pays the remediation of sites it makes viable, whole sites only.</summary>
    private double AssembleSites(int region, double amountGbp)
    {
        double spent = 0;
        foreach (int site in SitesOf(region))
        {
            if (!_siteNeedsFunding[site]) continue;
            double cost = _world.SiteRemediationGbpPerHome[site] * _world.SiteCapacityHomes[site];
            if (spent + cost > amountGbp + 1e-6) continue;
            _world.SiteRemediationFunded[site] = true;
            spent += cost;
        }
        return spent;
    }

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
        for (int site = 0; site < _world.SiteCount; site++)
        {
            if (_world.SiteStatus[site] != 1 || _world.SiteCompletionYear[site] != year) continue;
            int zone = _world.SiteZone[site];
            double homes = _world.SiteCapacityHomes[site];
            _world.SiteStatus[site] = 2;
            _world.Dwellings[zone] += homes;
            if (_world.SiteHealthy[site]) { _world.HealthyHomes[zone] += homes; healthyCompleted += homes; }
            outcome[Outcomes.HomesBuilt] += homes;
            yearly[Series.HomesBuilt] += homes;
            _homesThisTerm[_world.ZoneRegion[zone]] += homes;
        }

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

        for (int site = 0; site < _world.SiteCount; site++)
        {
            if (_world.SiteStatus[site] != 0) continue;
            int zone = _world.SiteZone[site];
            int r = _world.ZoneRegion[zone];
            if (_random.Uniform(RngStream.Sites, year + 1, site, 3) >= d.PlanningApprovalRate) continue;
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
            if (design is not { } chosen) continue;
            bool usesPatient = chosen == Design.Healthy && patientAvailable;
            var finance = usesPatient ? patientFinance : privateFinance;
            double costPerHome = Developers.DevelopmentCostGbp(finance, chosen);
            double loan = costPerHome * d.LoanToCost * homes;
            if (usesPatient) _patientLeftGbp[r] -= loan;
            else if (loan <= _lendingLeftGbp[r]) _lendingLeftGbp[r] -= loan;
            else continue;  // not financed this year
            _world.SiteStatus[site] = 1;
            _world.SiteCompletionYear[site] = year + d.BuildYears;
            _world.SiteHealthy[site] = chosen == Design.Healthy;
            double privateInvestment = costPerHome * homes - (usesPatient ? loan : 0);
            outcome[Outcomes.PrivateInvestmentGbp] += privateInvestment;
            if (usesPatient) outcome[Outcomes.PatientCapitalGbp] += loan;
        }
        return healthyCompleted;
    }
}
