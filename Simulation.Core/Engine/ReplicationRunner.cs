using UrbanSim.Core.Health;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Engine;

/// <summary>
/// Runs one replication: builds the replication's world once, then runs every policy variant on a copy of
/// it over all years, with the same random draws (common random numbers). One runner per worker thread;
/// all buffers are allocated in the constructor and reused, so the yearly loop does not allocate.
/// The year's steps, in order, are in the partial files: Funding, Mayors, Development, Health, Elections.
/// </summary>
public sealed partial class ReplicationRunner
{
    private readonly Scenario _scenario;
    private readonly WorldState _template;
    private readonly WorldState _world;
    private bool _placeBuilt;
    private readonly TiedGrantPots _tied;
    private readonly SinglePot _single;
    /// <summary>Stride of zone-by-band arrays (19 bands padded to 24 for 8-wide vectors).</summary>
    private readonly int _regions, _zones, _bands = WorldState.BandStride;

    // Per replication
    private ModelParameters _p;
    private ExposureResponseParameters _rr;
    private ReplicationRandom _random;
    private readonly double[] _nationalIncidence = new double[WorldState.DiseaseCount * WorldState.BandStride];
    private readonly double[] _baseNotGood;        // [zone * stride + band], start-year share not in good health
    private readonly double[] _startRelativeRisk;  // [zone * Exposures.Count + e], all-cause RR at start exposure
    private readonly float[] _inverseStartDiseaseRisk;    // [d * zones + zone], 1 / incidence RR at start exposure
    private readonly float[] _zoneAllCauseRisk;           // [exposure * zones + zone], this year's all-cause RR
    private readonly float[] _zoneIncidenceMultiplier;    // [d * zones + zone], this year's incidence multiplier
    private CompiledExposureResponse _risks;

    // Per variant
    private PolicyLevers _levers = new();
    private readonly double[] _regionPopulation, _capacity, _commitment, _politicalCapital, _analytical, _recentChurn;
    private readonly double[] _lendingLeftGbp, _patientLeftGbp, _standardApplied, _requiredReturn;
    private readonly double[] _homesThisTerm, _spentThisTerm, _receivedThisTerm, _receivedTotalGbp;
    private readonly double[] _healthValuePerUnit;  // [region * HealthLevers + lever], £ per year per resident per unit change
    private bool _inRecession;
    private int _recessionYearsLeft;
    private MoneyLedger _ledger;

    // Scratch
    private readonly double[] _zoneWeight;
    private readonly double[] _zoneSpreadPerResident;   // [zone], share of zonal programme money per resident (SetSpreadPerResident)
    private readonly double[] _zoneEquityWeight;    // [zone], targeting weight per resident from the mayor's commitment
    private readonly double[] _zonePopulation;      // [zone], current total, refreshed after ageing
    private readonly int[] _regionZoneStart, _regionZones;   // zones of region r: _regionZones[_regionZoneStart[r].._regionZoneStart[r+1]]
    private readonly int[] _regionSiteStart, _regionSites;
    private readonly int[] _siteRegion;             // [site], the region of the site's zone
    private double[] _breakEvenRate = [];             // [site * 8 + (recession 4) + (remediation paid 2) + design]
    private readonly float[] _decilePop = new float[10 * WorldState.BandStride];
    private readonly float[] _decileDeaths = new float[10 * WorldState.BandStride];
    private readonly float[] _decileGood = new float[10 * WorldState.BandStride];
    // Life tables four at a time: zones' (start year and final year) and the deciles' and world's; see TableIndex.
    private readonly double[] _zoneTableRates, _zoneTableGood, _zoneTableLe, _zoneTableHle;
    private readonly double[] _groupTableRates = new double[3 * TableBlock], _groupTableGood = new double[3 * TableBlock];
    private readonly double[] _groupTableLe = new double[3 * AbridgedLifeTable.Lanes], _groupTableHle = new double[3 * AbridgedLifeTable.Lanes];
    private readonly double[] _groupValue = new double[10], _groupPop = new double[10], _groupValue2 = new double[10];
    private readonly double[] _decileHle = new double[ReplicationResult.Deciles];  // HLE per decile from the last LifeTables call, NaN if empty
    private readonly double[] _zoneFinal;           // [zone * 2 + (0 HLE, 1 LE)] in the final year of the variant
    private readonly double[] _themeMoney = new double[Programmes.ThemeCount];
    private readonly double[] _benefit = new double[Programmes.Count], _saturation = new double[Programmes.Count];
    private readonly double[] _cap = new double[Programmes.Count], _spend = new double[Programmes.Count], _spendFromTheme = new double[Programmes.Count];
    private readonly double[] _themeShares = new double[Programmes.ThemeCount];
    private readonly double[] _award, _bidWeight;
    private readonly int[] _discontinuedThisYear;
    private readonly int[] _wins;

    /// <summary>Called after each simulated year with (variant, year, world, ledger); null in production.</summary>
    public Action<int, int, WorldState, MoneyLedger>? YearObserver { get; set; }

    public ReplicationRunner(Scenario scenario)
    {
        _scenario = scenario;
        _template = WorldBuilder.Allocate(scenario.World);
        _world = WorldBuilder.Allocate(scenario.World);
        _regions = _world.RegionCount; _zones = _world.ZoneCount;
        _tied = new TiedGrantPots(_regions);
        _single = new SinglePot(_regions);
        _p = scenario.Parameters;
        _baseNotGood = new double[_zones * _bands];
        _startRelativeRisk = new double[_zones * Exposures.Count];
        _inverseStartDiseaseRisk = new float[_zones * WorldState.DiseaseCount];
        _zoneAllCauseRisk = new float[_zones * Exposures.Count];
        _zoneIncidenceMultiplier = new float[_zones * WorldState.DiseaseCount];
        _regionPopulation = new double[_regions]; _capacity = new double[_regions]; _commitment = new double[_regions];
        _politicalCapital = new double[_regions]; _analytical = new double[_regions]; _recentChurn = new double[_regions];
        _lendingLeftGbp = new double[_regions]; _patientLeftGbp = new double[_regions]; _standardApplied = new double[_regions]; _requiredReturn = new double[_regions];
        _homesThisTerm = new double[_regions]; _spentThisTerm = new double[_regions]; _receivedThisTerm = new double[_regions]; _receivedTotalGbp = new double[_regions];
        _healthValuePerUnit = new double[_regions * HealthLevers];
        _zoneWeight = new double[_zones];
        _zoneSpreadPerResident = new double[_zones];
        _zoneFinal = new double[_zones * 2];
        int zoneTables = (_zones + AbridgedLifeTable.Lanes - 1) / AbridgedLifeTable.Lanes;
        _zoneTableRates = new double[zoneTables * TableBlock]; _zoneTableGood = new double[zoneTables * TableBlock];
        _zoneTableLe = new double[zoneTables * AbridgedLifeTable.Lanes]; _zoneTableHle = new double[zoneTables * AbridgedLifeTable.Lanes];
        _zoneEquityWeight = new double[_zones];
        _zonePopulation = new double[_zones];
        _regionZoneStart = new int[_regions + 1]; _regionZones = new int[_zones];
        _regionSiteStart = new int[_regions + 1]; _regionSites = new int[_world.SiteCount]; _siteRegion = new int[_world.SiteCount];
        _remediationNeedGbp = new double[_regions];
        _award = new double[_regions]; _bidWeight = new double[_regions]; _discontinuedThisYear = new int[_regions]; _wins = new int[_regions];
    }

    /// <summary>The working world of the variant last run (for inspection in tests).</summary>
    public WorldState World => _world;

    /// <summary>The start-year world of the replication last run.</summary>
    public WorldState StartWorld => _template;

    /// <summary>Runs every variant of replication <paramref name="replication"/> into <paramref name="result"/>.</summary>
    public void Run(int replication, ReplicationResult result)
    {
        _random = new ReplicationRandom(_scenario.Seed, replication);
        StartReplication(replication, ParameterSampler.Sample(_scenario, _random), result);
        for (int v = 0; v < _scenario.Variants.Length; v++)
        {
            _world.CopyFrom(_template);
            RunVariant(v, _scenario.Variants[v].Levers, result);
        }
    }

    /// <summary>
    /// Runs replication <paramref name="replication"/> once, with the given <paramref name="parameters"/> (used as they
    /// are: the scenario's uncertain parameters are not drawn) and <paramref name="levers"/> (the scenario's variants
    /// are ignored), into variant 0 of <paramref name="result"/>. Every other random draw (world, shocks, bids, churn,
    /// elections, sites) is the replication's usual one, so sensitivity analyses can evaluate many parameter and
    /// lever settings under common random numbers without building a scenario per setting.
    /// </summary>
    public void Run(int replication, ModelParameters parameters, PolicyLevers levers, ReplicationResult result)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(levers);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Variants < 1 || result.Years != _scenario.HorizonYears)
            throw new ArgumentException($"The result must have at least 1 variant and {_scenario.HorizonYears} years.", nameof(result));
        _random = new ReplicationRandom(_scenario.Seed, replication);
        StartReplication(replication, parameters, result);
        _world.CopyFrom(_template);
        RunVariant(0, levers, result);
    }

    /// <summary>Builds the replication's world and start-year state from <paramref name="parameters"/>.</summary>
    private void StartReplication(int replication, ModelParameters parameters, ReplicationResult result)
    {
        result.Replication = replication;
        _p = parameters;
        _rr = ToExposureResponse(_p.Health);
        _risks = new CompiledExposureResponse(_rr);
        // The place depends on the seed only (one per runner): built once, then only the replication's part.
        if (!_placeBuilt) WorldBuilder.BuildPlace(_scenario.World, _scenario.Seed, _template);
        _placeBuilt = true;
        WorldBuilder.BuildReplication(_scenario.World, _p, _random, _template);
        IndexRegions();
        PrepareReplication();
        MeasureBaseline(result);
    }

    private void RunVariant(int variant, PolicyLevers levers, ReplicationResult result)
    {
        _levers = levers;
        StartVariant();
        var outcome = result.Outcome.AsSpan(variant * Outcomes.Count, Outcomes.Count);
        outcome.Clear();
        double healthyHomes = 0;
        for (int year = 0; year < _scenario.HorizonYears; year++)
        {
            var yearly = result.Yearly.AsSpan((variant * _scenario.HorizonYears + year) * Series.Count, Series.Count);
            yearly.Clear();
            DrawShocks(year, out bool fundingCut, out bool healthShock);
            PayFunding(year, fundingCut, outcome);
            AllocateAndSpend(year, outcome, yearly);
            SetRequiredReturns();
            healthyHomes += Develop(year, outcome, yearly);
            UpdateExposures(year);
            AdvanceHealth(year, healthShock, outcome, yearly);
            EndOfYear(year);
            YearObserver?.Invoke(variant, year, _world, CurrentLedger());
        }
        FinishVariant(result, variant, outcome, healthyHomes);
    }

    /// <summary>Lists each region's zones and sites (counting sort, no allocation).</summary>
    private void IndexRegions()
    {
        Array.Clear(_regionZoneStart);
        for (int z = 0; z < _zones; z++) _regionZoneStart[_template.ZoneRegion[z] + 1]++;
        for (int r = 0; r < _regions; r++) _regionZoneStart[r + 1] += _regionZoneStart[r];
        Span<int> fill = stackalloc int[_regions];
        for (int r = 0; r < _regions; r++) fill[r] = _regionZoneStart[r];
        for (int z = 0; z < _zones; z++) _regionZones[fill[_template.ZoneRegion[z]]++] = z;
        Array.Clear(_regionSiteStart);
        for (int s = 0; s < _template.SiteCount; s++) _siteRegion[s] = _template.ZoneRegion[_template.SiteZone[s]];
        for (int s = 0; s < _template.SiteCount; s++) _regionSiteStart[_siteRegion[s] + 1]++;
        for (int r = 0; r < _regions; r++) _regionSiteStart[r + 1] += _regionSiteStart[r];
        for (int r = 0; r < _regions; r++) fill[r] = _regionSiteStart[r];
        for (int s = 0; s < _template.SiteCount; s++) _regionSites[fill[_siteRegion[s]]++] = s;
    }

    private ReadOnlySpan<int> ZonesOf(int region) => _regionZones.AsSpan(_regionZoneStart[region], _regionZoneStart[region + 1] - _regionZoneStart[region]);
    private ReadOnlySpan<int> SitesOf(int region) => _regionSites.AsSpan(_regionSiteStart[region], _regionSiteStart[region + 1] - _regionSiteStart[region]);

    private MoneyLedger CurrentLedger()
    {
        var ledger = _ledger;
        ledger.HeldAtEndGbp = _tied.TotalBalanceGbp() + _single.TotalBalanceGbp();
        return ledger;
    }

    private void FinishVariant(ReplicationResult result, int variant, Span<double> outcome, double healthyHomes)
    {
        int last = _scenario.HorizonYears - 1;
        outcome[Outcomes.HleYears] = result.GetYearly(variant, last, Series.HleYears);
        outcome[Outcomes.HleGapYears] = result.GetYearly(variant, last, Series.HleGapYears);
        outcome[Outcomes.LeYears] = result.GetYearly(variant, last, Series.LeYears);
        outcome[Outcomes.LeGapYears] = result.GetYearly(variant, last, Series.LeGapYears);
        outcome[Outcomes.HealthValueGbp] = outcome[Outcomes.Qalys] * Discounting.QalyValueGbp;
        outcome[Outcomes.HealthyHomesShare] = outcome[Outcomes.HomesBuilt] > 0 ? healthyHomes / outcome[Outcomes.HomesBuilt] : 0;
        outcome[Outcomes.ClawbackGbp] = _ledger.ClawbackGbp;
        outcome[Outcomes.MissionGapHalved] = outcome[Outcomes.HleGapYears] <= 0.5 * result.BaselineValues[Baseline.HleGapYears] ? 1 : 0;
        _decileHle.CopyTo(result.DecileHleYears, variant * ReplicationResult.Deciles);
        if (result.Zones == _zones) _zoneFinal.CopyTo(result.ZoneFinal, variant * _zones * 2);
        OutcomesByCapacityClass(result, outcome);
        result.Ledger[variant] = CurrentLedger();
    }

    /// <summary>
    /// HLE change (population-weighted over zones, start-year weights) and central money per head, by the
    /// capacity class of the mayoralty; NaN where the world has no mayoralty of a class.
    /// </summary>
    private void OutcomesByCapacityClass(ReplicationResult result, Span<double> outcome)
    {
        const int classes = 3;
        Span<double> weight = stackalloc double[classes], change = stackalloc double[classes];
        Span<double> money = stackalloc double[classes], people = stackalloc double[classes];
        for (int z = 0; z < _zones; z++)
        {
            int c = (int)_template.RegionCapacityClass[_template.ZoneRegion[z]];
            double w = _template.ZonePopulation(z);
            weight[c] += w;
            change[c] += w * (_zoneFinal[z * 2] - result.ZoneBaseline[z * 2]);
        }
        for (int r = 0; r < _regions; r++)
        {
            int c = (int)_template.RegionCapacityClass[r];
            money[c] += _receivedTotalGbp[r];
            people[c] += _regionPopulation[r];
        }
        for (int c = 0; c < classes; c++)
        {
            outcome[Outcomes.FirstHleChangeByCapacity + c] = weight[c] > 0 ? change[c] / weight[c] : double.NaN;
            outcome[Outcomes.FirstFundingPerHeadByCapacity + c] = people[c] > 0 ? money[c] / people[c] : double.NaN;
        }
    }

    /// <summary>Maps the scenario's health parameters onto the exposure–response functions' parameters.</summary>
    internal static ExposureResponseParameters ToExposureResponse(HealthParameters h) => ExposureResponseParameters.Default with
    {
        WalkingRelativeRiskAtReference = h.WalkingRelativeRisk,
        CyclingRelativeRiskAtReference = h.CyclingRelativeRisk,
        Pm25RelativeRiskPer10MicrogramsPerM3 = h.Pm25RelativeRiskPer10,
        GreenSpaceRelativeRiskPerTenthNdvi = h.GreenSpaceRelativeRiskPer01Ndvi,
        ColdHomeRelativeRisk = h.ColdHomeRelativeRisk65Plus,
        CardiovascularRelativeRiskAtReference = h.CardiovascularActivityRelativeRisk,
        Type2DiabetesRelativeRiskAtReference = h.DiabetesActivityRelativeRisk,
        CommonMentalDisorderRelativeRiskAtReference = h.MentalDisorderActivityRelativeRisk,
        Pm25CardiovascularRelativeRiskPer10MicrogramsPerM3 = h.CardiovascularPm25RelativeRiskPer10,
        Pm25ChronicRespiratoryRelativeRiskPer10MicrogramsPerM3 = h.RespiratoryPm25RelativeRiskPer10,
    };

    /// <summary>Draws this year's shocks from the world stream: the same for every variant.</summary>
    private void DrawShocks(int year, out bool fundingCut, out bool healthShock)
    {
        var s = _p.Shocks;
        if (_recessionYearsLeft > 0) _recessionYearsLeft--;
        if (_recessionYearsLeft == 0 && _random.Uniform(RngStream.Shocks, year, 0, 0) < s.RecessionProbabilityPerYear)
            _recessionYearsLeft = s.RecessionYears;
        _inRecession = _recessionYearsLeft > 0;
        fundingCut = _random.Uniform(RngStream.Shocks, year, 0, 1) < s.FundingCutProbabilityPerYear;
        healthShock = _random.Uniform(RngStream.Shocks, year, 0, 2) < s.HealthShockProbabilityPerYear;
    }

    private void EndOfYear(int year)
    {
        double decay = _p.Programmes.CapacityDecayPerYear;
        for (int r = 0; r < _regions; r++)
        {
            _ledger.ClawbackGbp += _tied.ClawBackEnded(r, year);
            // Capacity built above the mayoralty's class level erodes without reinvestment (staff turnover).
            double floor = ClassCapacity(r);
            if (_capacity[r] > floor) _capacity[r] = floor + (_capacity[r] - floor) * (1 - decay);
        }
        ElectionsIfDue(year);
    }
}
