using UrbanSim.Core.Development;
using UrbanSim.Core.Exposures;
using UrbanSim.Core.Government;
using UrbanSim.Core.Health;
using UrbanSim.Core.Icbs;
using UrbanSim.Core.Investors;
using UrbanSim.Core.Mayors;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Programmes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.Shocks;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Engine;

/// <summary>Which implementation of the kernels a runner uses.</summary>
internal enum Kernels
{
    /// <summary>The fast kernels: single-precision vector health year, shortcut caches for development, vector appraisal.</summary>
    Fast,
    /// <summary>
    /// The readable references: the double-precision scalar health year (<see cref="HealthYearReference"/>), full site
    /// appraisals every year (<see cref="DevelopmentReference"/>), scalar exposure update and appraisal. Slower; for tests.
    /// </summary>
    Reference,
}

/// <summary>
/// Runs one replication: builds the replication's world once, then runs every policy variant on a copy of it over
/// all years, with the same random draws (common random numbers). The runner only schedules: each step of the year
/// is a function in the folder of its domain, called in the order of docs/model.md §3 with the state it reads and
/// writes. One runner per worker thread; all state is allocated in the constructor and reused, so the yearly loop
/// does not allocate.
/// </summary>
internal sealed class ReplicationRunner
{
    private readonly Scenario _scenario;
    private readonly Kernels _kernels;
    private readonly WorldState _template, _world;
    private bool _placeBuilt;

    // Per replication
    private ModelParameters _p;   // the variant's: the replication's with the variant's own settings
    private ModelParameters _replicationParameters;
    private ExposureResponseParameters _rr;
    private CompiledExposureResponse _risks;
    private ReplicationRandom _random;
    private readonly ProgrammeSettings _programmes;
    private readonly HealthConstants _health;
    private readonly BreakEvenRates _breakEven = new();

    // Per variant: the agents' state
    private PolicyLevers _levers = new();
    private ISettlement _settlement = SettlementCatalogue.TiedGrants.Rules;
    private readonly FundingState _funding;
    private readonly MayorState _mayors;
    private readonly IcbState _icbs;
    private readonly FinanceState _finance;
    private readonly DevelopersState _developers;
    private readonly DeveloperFirmState _firms = new();
    private readonly SitePipeline _sites = new();
    private ShockState _shocks;
    private MoneyLedger _ledger;
    private MarginalSpend? _topUp;
    private readonly double[] _regionPopulation;   // [region] residents at the start of the variant
    private readonly NationalSteerState _government = new();

    // Scratch of the steps
    private readonly MayoralSpending.Workspace _spending;
    private readonly ExposureUpdate.Workspace _exposureWork;
    private readonly HealthYear.Workspace _healthWork;
    private readonly HealthYearReference _healthReference;
    private readonly PopulationLifeTables _tables;
    private readonly double[] _zoneFinal;          // [zone * 2 + (0 HLE, 1 LE)] in the final year of the variant
    private readonly double[] _learning;           // [region * programmes + programme] scratch of the mayors' learning
    private readonly OutcomeContext _outcomeContext = new();

    /// <summary>Called after each simulated year with (variant, year, world, ledger); null in production.</summary>
    internal Action<int, int, WorldState, MoneyLedger>? YearObserver { get; set; }

    /// <summary>
    /// Called at the end of every simulated year with (variant, year, agents): each region's agent outcomes then,
    /// [region * <see cref="RegionOutcomes.Count"/> + outcome] (the mayor's and ICB's state and totals so far; the places'
    /// own outcomes NaN), in a buffer reused from year to year. For <c>urbansim trace</c>; null in batches.
    /// </summary>
    internal Action<int, int, double[]>? AgentObserver { get; set; }

    /// <summary>A runner for <paramref name="scenario"/> using <paramref name="kernels"/>.</summary>
    public ReplicationRunner(Scenario scenario, Kernels kernels = Kernels.Fast)
    {
        _scenario = scenario;
        _kernels = kernels;
        _template = WorldBuilder.Allocate(scenario);
        _world = WorldBuilder.Allocate(scenario);
        int regions = _world.RegionCount, zones = _world.ZoneCount;
        var catalogue = scenario.Catalogue.Programmes;
        _p = _replicationParameters = scenario.Parameters;
        _programmes = new ProgrammeSettings(catalogue);
        _health = new HealthConstants(zones);
        _funding = new FundingState(regions);
        _mayors = new MayorState(regions, zones, catalogue.Count);
        _icbs = new IcbState(regions, zones);
        _finance = new FinanceState(regions);
        _developers = new DevelopersState(regions);
        _regionPopulation = new double[regions];
        _spending = new MayoralSpending.Workspace(zones, catalogue);
        _exposureWork = new ExposureUpdate.Workspace(zones, catalogue.All.Sum(p => p.ExposureEffects.Length));
        _healthWork = new HealthYear.Workspace(zones);
        _healthReference = new HealthYearReference(kernels == Kernels.Reference ? zones : 0);
        _tables = new PopulationLifeTables(zones);
        _zoneFinal = new double[zones * 2];
        _learning = new double[regions * catalogue.Count];
    }

    /// <summary>The working world of the variant last run (for inspection in tests).</summary>
    internal WorldState World => _world;

    /// <summary>The start-year world of the replication last run.</summary>
    internal WorldState StartWorld => _template;

    /// <summary>The working world of the variant being run (for observers: the trace).</summary>
    internal WorldState CurrentWorld => _world;

    /// <summary>Runs every variant of replication <paramref name="replication"/> into <paramref name="result"/>.</summary>
    public void Run(int replication, ReplicationResult result)
    {
        _random = new ReplicationRandom(_scenario.Seed, replication);
        StartReplication(replication, ParameterSampler.Sample(_scenario, _random, result.DrawnParameters), result);
        for (int v = 0; v < _scenario.Variants.Length; v++)
        {
            _world.CopyFrom(_template);
            RunVariant(v, _scenario.Variants[v], result);
        }
    }

    /// <summary>
    /// Runs every variant of replication <paramref name="replication"/> at a <paramref name="point"/> of an external
    /// design, into <paramref name="result"/>: the replication's usual draws (world, shocks, the uncertain parameters the
    /// point does not set), with the point's parameters set after the draws and its levers set on every variant. So
    /// replication r at any two points differs by the points' values only (common random numbers).
    /// </summary>
    public void Run(int replication, ScenarioPoint point, ReplicationResult result)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(result);
        _random = new ReplicationRandom(_scenario.Seed, replication);
        StartReplication(replication, point.Apply(ParameterSampler.Sample(_scenario, _random, result.DrawnParameters)), result);
        for (int v = 0; v < _scenario.Variants.Length; v++)
        {
            _world.CopyFrom(_template);
            RunVariant(v, _scenario.Variants[v] with { Levers = point.Apply(_scenario.Variants[v].Levers) }, result);
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
        Array.Fill(result.DrawnParameters, double.NaN);
        StartReplication(replication, parameters, result);
        _world.CopyFrom(_template);
        RunVariant(0, new PolicyVariant("", levers), result);
    }

    /// <summary>
    /// Runs variant <paramref name="variant"/> of replication <paramref name="replication"/> alone, with the scenario's
    /// draws, into variant 0 of <paramref name="result"/> (shaped for one variant), with <paramref name="topUp"/>'s extra
    /// money (null: none). Paired with a run without it, this is one draw of a programme's marginal cost-effectiveness.
    /// </summary>
    public void Run(int replication, int variant, ReplicationResult result, MarginalSpend? topUp = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfNegative(variant);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(variant, _scenario.Variants.Length);
        if (result.Variants < 1 || result.Years != _scenario.HorizonYears)
            throw new ArgumentException($"The result must have at least 1 variant and {_scenario.HorizonYears} years.", nameof(result));
        if (topUp is not null && (topUp.Region < MarginalSpend.EveryRegion || topUp.Region >= _world.RegionCount || topUp.Programme < 0 || topUp.Programme >= _programmes.Catalogue.Count))
            throw new ArgumentOutOfRangeException(nameof(topUp), "The top-up names a region or programme the scenario does not have.");
        _random = new ReplicationRandom(_scenario.Seed, replication);
        StartReplication(replication, ParameterSampler.Sample(_scenario, _random), result);
        _world.CopyFrom(_template);
        _topUp = topUp;
        try { RunVariant(0, _scenario.Variants[variant], result); }
        finally { _topUp = null; }
    }

    /// <summary>Builds the replication's world and start-year state from <paramref name="parameters"/>.</summary>
    private void StartReplication(int replication, ModelParameters parameters, ReplicationResult result)
    {
        result.Replication = replication;
        _p = _replicationParameters = parameters;
        _rr = ExposureResponseParameters.From(_p.Health);
        _risks = new CompiledExposureResponse(_rr);
        // The place depends on the seed only (one per runner): built once, then only the replication's part.
        if (!_placeBuilt) WorldBuilder.BuildPlace(_scenario.World, _scenario.Seed, _template);
        _placeBuilt = true;
        WorldBuilder.BuildReplication(_scenario.World, _p, _random, _template);
        _programmes.Resolve(_p);
        if (_kernels == Kernels.Fast) _breakEven.Prepare(_template, _p);
        HealthSetup.Prepare(_template, _p.Health, _risks, _health);
        HealthSetup.MeasureBaseline(_template, _health, _tables, result);
        RegionOutcomes.MeasureBaseline(_template, result);
    }

    /// <summary>Resets the agents' state for a variant from its levers and its own parameter settings.</summary>
    private void StartVariant(PolicyVariant variant)
    {
        var levers = variant.Levers;
        _p = ParameterPaths.With(_replicationParameters, variant.Parameters);
        _levers = levers;
        _settlement = levers.Settlement.Rules;
        _funding.Clear();
        Themes.Shares(_p.Funding, _funding.ThemeShares);
        _ledger = default;
        _shocks = default;
        _world.Health.MeasureZoneTotals();
        Array.Clear(_regionPopulation);
        for (int z = 0; z < _world.ZoneCount; z++) _regionPopulation[_world.Zones.Region[z]] += _world.Health.ZoneTotal[z];
        _world.Health.ZoneTotal.CopyTo(_world.Programmes.Residents, 0);
        Array.Clear(_icbs.PooledUsedGbp);
        IcbRules.Start(_icbs, levers, _world, _p.Health, _p.Icb);
        NationalSteer.Start(_government, levers);
        Mayoralty.Start(_mayors, _world.Regions, _world.Zones, levers, _settlement, _p.Politics);
        MayorKnowledge.DrawBeliefErrors(_mayors, _random, _p.Politics.AppraisalNoiseSd);
        AppraiseAll();
        // So the first year's mayors see last year's finance conditions, not zero.
        Lenders.Start(_finance, _world.RegionCount, _p.Development);
        RequiredReturns.SetForYear(_p, false, _regionPopulation, levers.PatientCapitalGbpPerYear, _finance, _mayors.PoliticalCapital);
        if (_kernels == Kernels.Fast) _breakEven.MarkNeverViable(_world.Sites, _p.Development, levers.PatientCapitalGbpPerYear, _p.Politics.FigureheadRiskDiscountPerYear);
        _sites.Start(_world.Sites, _world.RegionCount);
        _finance.ClearTotals();
        _developers.Clear();
        DeveloperFirms.Start(_firms, _world, _p.Development, _regionPopulation);
        if (_kernels == Kernels.Reference) _healthReference.Start(_world, _rr, _p.Health);
    }

    private void RunVariant(int variant, PolicyVariant definition, ReplicationResult result)
    {
        StartVariant(definition);
        var levers = definition.Levers;
        var outcome = result.OutcomesOf(variant);
        outcome.Clear();
        int programmes = _programmes.Catalogue.Count;
        var regionSpend = result.Regions == _world.RegionCount
            ? result.RegionProgrammeSpendGbp.AsSpan(variant * result.Regions * programmes, result.Regions * programmes)
            : Span<double>.Empty;
        regionSpend.Clear();
        double healthyHomes = 0;
        for (int year = 0; year < _scenario.HorizonYears; year++)
        {
            var yearly = result.SeriesOf(variant, year);
            yearly.Clear();
            // 1. Shocks, the same in every variant; central government may change its priority.
            ShockDraws.Draw(_p.Shocks, _random, year, ref _shocks);
            result.Shocks[year] = _shocks.Kinds;
            NationalSteer.Year(_government, year, _levers.MissionCompact, _p.Politics, _random);
            // 2. Central government pays under the settlement.
            double fundingFactor = _shocks.FundingCut ? 1 - _p.Shocks.FundingCutShare : 1;
            double bidsBefore = _ledger.BiddingCostGbp;
            _settlement.Pay(new FundingYear(year, fundingFactor, _levers, _p, _regionPopulation, _mayors.Capacity, _random), _funding,
                ref _ledger, new ReceivedMoney(_mayors.ReceivedThisTermGbp, _mayors.ReceivedTotalGbp));
            outcome[StandardOutcomes.PublicCostGbp] += (_ledger.BiddingCostGbp - bidsBefore) * Discounting.Factor(Discounting.CostRatePerYear, year);
            // 3. Mayors allocate and deliver, with what the ICBs pool.
            if (_kernels == Kernels.Fast) SiteAssembly.FindSitesNeedingRemediation(_world, _finance, _breakEven, _shocks.InRecession, _sites);
            else DevelopmentReference.FindSitesNeedingRemediation(_world, _finance, _p, _shocks.InRecession, _sites);
            IcbRules.OfferPooling(_settlement, _levers, _p.Icb, _regionPopulation, _icbs);
            var spending = new MayoralSpending.Context(year, _settlement, _p, _programmes, _regionPopulation, _funding, _mayors, _icbs, _sites, _topUp,
                _government.HealthSteer, _levers, Reference: _kernels == Kernels.Reference);
            MayoralSpending.AllocateAndSpend(spending, _world, _spending, ref _ledger, outcome, yearly, regionSpend);
            // 4. Investors price finance.
            RequiredReturns.SetForYear(_p, _shocks.InRecession, _regionPopulation, _levers.PatientCapitalGbpPerYear, _finance,
                _mayors.PoliticalCapital);
            // 5. Mayors apply the planning standard; developers build.
            Mayoralty.ApplyPlanningStandards(_mayors, _levers.PlanningHealthStandard, _p.Politics);
            var development = new DevelopmentYear.Context(year, _p, _shocks.InRecession, _random, _mayors, _finance, _developers, _firms, _regionPopulation);
            healthyHomes += _kernels == Kernels.Fast
                ? DevelopmentYear.Develop(development, _world, _sites, _breakEven, outcome, yearly)
                : DevelopmentReference.Develop(development, _world, _sites, outcome, yearly);
            // 6. Exposures respond to programmes and new homes.
            if (_kernels == Kernels.Fast) ExposureUpdate.Update(year, _world, _programmes, _p.Development, _exposureWork);
            else ExposureUpdate.UpdateReference(year, _world, _programmes, _p.Development, _exposureWork);
            // 7. Health.
            var health = new HealthYear.Year(year, year == _scenario.HorizonYears - 1, _shocks.HealthShock, _p.Shocks.HealthShockMortalityUplift,
                _p.Health, _world, _health, _risks, _programmes, _healthWork, _tables, _icbs, _zoneFinal);
            if (_kernels == Kernels.Fast) HealthYear.Advance(health, outcome, yearly);
            else _healthReference.Advance(health, outcome, yearly);
            VariantOutcomes.RecordToDate(outcome, yearly);
            // 8. End of year: deadlines and reviews, convening, learning, capacity erosion, elections.
            EndOfYear(year);
            YearObserver?.Invoke(variant, year, _world, CurrentLedger());
            if (AgentObserver is { } observeAgents) observeAgents(variant, year, MeasureAgents(regionSpend));
        }
        var end = new VariantOutcomes.End(CurrentLedger(), healthyHomes, _template, _world, _mayors, _regionPopulation,
            _tables.DecileHleYears, _zoneFinal, _p, _levers, _icbs, Agents);
        VariantOutcomes.Finish(end, result, variant, _outcomeContext);
    }

    private void EndOfYear(int year)
    {
        for (int r = 0; r < _world.RegionCount; r++)
        {
            _settlement.EndOfYear(_funding, r, year, _p.Funding, ref _ledger);
            double savings = IcbRules.SavingsFromJointWorkGbp(_icbs, _world.Programmes, _world.Homes, _world.Regions.ZonesOf(r), _p.Health.ColdHomeCostGbpPerHome);
            IcbRules.Convene(_icbs, r, savings, _p.Icb, _p.Politics);
            IcbRules.LearnFromSavings(_icbs, r, _p.Icb);
            Lenders.Observe(_finance, r, Lenders.ObservedRisk(_funding.RecentChurn[r], _mayors.SpentThisTermGbp[r], _mayors.ReceivedThisTermGbp[r], _p.Development.TrackRecordChurnWeight), _p.Development);
        }
        IcbRules.PayTreatment(_icbs, year, _p.Icb);
        MayorKnowledge.Learn(_mayors, _regionPopulation, _p.Politics, _learning);
        Mayoralty.DecayCapacity(_mayors, _world.Regions, _p);
        if (!Elections.Due(year, _p.Politics)) return;
        Elections.Hold(_mayors, _regionPopulation, _p.Politics, _random, year, _government.Mission, _levers.MissionCompact);
        // Every mayor, re-elected or new, re-appraises the programmes and re-targets at the start of the term.
        AppraiseAll();
        for (int r = 0; r < _world.RegionCount; r++) Mayoralty.SetTargeting(_mayors, _world.Regions, _world.Zones, r, _p.Politics.TargetingTilt);
    }

    private void AppraiseAll()
    {
        for (int r = 0; r < _world.RegionCount; r++)
        {
            if (_kernels == Kernels.Fast) Appraisal.AppraiseRegion(r, _world, _health, _rr, _p.Health, _mayors);
            else Appraisal.AppraiseRegionReference(r, _world, _health, _rr, _p.Health, _mayors);
        }
    }

    /// <summary>
    /// Each region's agent outcomes now (<see cref="RegionOutcomes"/>, the mayor's and ICB's state and their totals so far),
    /// [region * <see cref="RegionOutcomes.Count"/> + outcome]; the places' own outcomes are left NaN.
    /// </summary>
    private double[] MeasureAgents(ReadOnlySpan<double> regionSpend)
    {
        int regions = _world.RegionCount, programmes = _programmes.Catalogue.Count;
        _agentRows ??= new double[regions * RegionOutcomes.Count];
        Array.Fill(_agentRows, double.NaN);
        for (int r = 0; r < regions; r++)
            RegionOutcomes.MeasureAgents(_agentRows.AsSpan(r * RegionOutcomes.Count, RegionOutcomes.Count), r, Agents,
                regionSpend.IsEmpty ? [] : regionSpend.Slice(r * programmes, programmes));
        return _agentRows;
    }

    private double[]? _agentRows;

    private AgentStates Agents => new(_mayors, _icbs, _developers, _firms, _finance);

    /// <summary>The lenders as the last variant run left them (for tests and the trace).</summary>
    internal FinanceState Finance => _finance;

    /// <summary>The developer firms as the last variant run left them (for tests and the trace).</summary>
    internal DeveloperFirmState Firms => _firms;

    private MoneyLedger CurrentLedger()
    {
        var ledger = _ledger;
        ledger.HeldAtEndGbp = _funding.TotalBalanceGbp();
        return ledger;
    }
}
