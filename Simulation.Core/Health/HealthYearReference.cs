using UrbanSim.Core.Icbs;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Health;

/// <summary>
/// The readable reference of the health year (<see cref="HealthYear"/>): the same model written plainly, one zone,
/// one band and one disease at a time, in double precision, with the exposure–response functions of
/// <see cref="ExposureResponse"/> and the scalar life table of <see cref="AbridgedLifeTable"/>. It follows
/// docs/model.md §7 line by line. Its people and cases are kept in double precision here; after each year it
/// publishes them (rounded to single precision) into the world's <see cref="ZoneHealthState"/>, so the other steps
/// read the same state whichever health kernel runs. A test runs whole replications through both kernels.
/// </summary>
internal sealed class HealthYearReference
{
    private const int Bands = AgeBands.Count;
    private readonly int _zones;
    private readonly double[] _people;            // [zone * Bands + band]
    private readonly double[] _cases;             // [(disease * zones + zone) * Bands + band]
    private readonly double[] _startDeathRate;    // [zone * Bands + band], death rate with the start exposures' risk taken out
    private readonly double[] _startExcessIllHealth;   // [zone * Bands + band], Σ excess × start prevalence
    private readonly double[] _startDiseaseRisk;  // [disease * zones + zone], incidence RR at the start exposures
    private readonly double[] _zoneTotal;         // [zone], people at the start of the year
    private readonly double[] _standardPeople;    // [zone * Bands + band], the start year's people: weights of the decile tables
    private readonly double[] _zoneIncidence;     // [(disease * zones + zone) * Bands + band], steady-state incidence at the start exposures
    private ExposureResponseParameters _risks;

    /// <summary>State for <paramref name="zones"/> zones.</summary>
    public HealthYearReference(int zones)
    {
        _zones = zones;
        _people = new double[zones * Bands];
        _cases = new double[DiseaseCatalogue.Count * zones * Bands];
        _startDeathRate = new double[zones * Bands];
        _startExcessIllHealth = new double[zones * Bands];
        _startDiseaseRisk = new double[DiseaseCatalogue.Count * zones];
        _zoneTotal = new double[zones];
        _standardPeople = new double[zones * Bands];
        _zoneIncidence = new double[DiseaseCatalogue.Count * zones * Bands];
    }

    /// <summary>
    /// Start of a variant: takes the start-year people and cases from <paramref name="world"/>, and computes each zone's
    /// death rates with the start exposures' relative risks taken out, its incidence relative risks at the start
    /// exposures, and its start-year excess ill health from disease.
    /// </summary>
    public void Start(WorldState world, in ExposureResponseParameters risks, Scenarios.HealthParameters h)
    {
        _risks = risks;
        var health = world.Health;
        SteadyStateIncidence(world, h);
        for (int z = 0; z < _zones; z++)
        {
            var start = world.Exposures.StartLevelsOf(z);
            for (int d = 0; d < DiseaseCatalogue.Count; d++)
                _startDiseaseRisk[d * _zones + z] = ExposureResponse.DiseaseIncidenceRelativeRisk(risks, (Disease)d, start);
            double total = 0;
            for (int b = 0; b < Bands; b++)
            {
                double people = health.Population[z * AgeBands.Stride + b];
                _people[z * Bands + b] = people;
                _standardPeople[z * Bands + b] = people;
                total += people;
                _startDeathRate[z * Bands + b] = EnglandReference.DeathRatePerPersonYear[b] * world.Zones.MortalityMultiplier[z]
                    / ExposureResponse.AllCauseMortalityRelativeRisk(risks, b, start);
                double excess = 0;
                for (int d = 0; d < DiseaseCatalogue.Count; d++)
                {
                    double cases = health.Cases[(d * _zones + z) * AgeBands.Stride + b];
                    _cases[(d * _zones + z) * Bands + b] = cases;
                    excess += DiseaseCatalogue.All[d].IllHealthExcess * cases;
                }
                _startExcessIllHealth[z * Bands + b] = people > 0 ? excess / people : 0;
            }
            _zoneTotal[z] = total;
        }
    }

    /// <summary>
    /// One year of every zone (docs/model.md §7): deaths at the zone's death rate × this year's all-cause relative
    /// risks (Chiang's q = m / (1 + m/2)); for each disease, new cases among the disease-free survivors at the national
    /// incidence × deprivation × the exposures' incidence risk relative to the start × prevention, and remission;
    /// births into the first band; ageing of people and cases by 1/width of each band; the share in good health;
    /// QALYs, deaths, new cases and NHS costs; the life tables of the deciles and the world, and their SIIs.
    /// </summary>
    public void Advance(in HealthYear.Year y, Span<double> outcome, Span<double> yearly)
    {
        var h = y.Health;
        var world = y.World;
        var settings = y.Programmes;
        var tables = y.Tables;
        const int diseases = DiseaseCatalogue.Count;
        double shock = y.HealthShock ? 1 + y.HealthShockMortalityUplift : 1;
        Span<double> decilePeople = stackalloc double[ReplicationResult.Deciles * Bands];
        Span<double> decileDeaths = stackalloc double[ReplicationResult.Deciles * Bands];
        Span<double> decileGood = stackalloc double[ReplicationResult.Deciles * Bands];
        decilePeople.Clear(); decileDeaths.Clear(); decileGood.Clear();
        Span<double> allCauseRisk = stackalloc double[ExposureCatalogue.Count];
        Span<double> incidenceMultiplier = stackalloc double[diseases];
        Span<double> casesByDisease = stackalloc double[diseases];
        Span<double> costPerCase = stackalloc double[diseases];
        for (int d = 0; d < diseases; d++) costPerCase[d] = DiseaseCatalogue.All[d].CostGbpPerCase(h);
        Span<double> rates = stackalloc double[Bands];
        Span<double> good = stackalloc double[Bands];
        Span<double> next = stackalloc double[Bands];
        Array.Clear(y.Icbs.TreatmentCostGbp);
        double deathsYear = 0, newCasesYear = 0, qalysYear = 0, costYear = 0, healthyYear = 0;
        for (int z = 0; z < _zones; z++)
        {
            // This year's relative risks, from the mean exposures of the last five years.
            var levels = world.Exposures.EffectiveLevelsOf(z);
            for (int e = 0; e < ExposureCatalogue.Count; e++) allCauseRisk[e] = ExposureResponse.RelativeRisk(_risks, (Exposure)e, levels);
            for (int d = 0; d < diseases; d++)
            {
                // Exposure risk relative to the start × the prevention stock's factor (set by the exposure update).
                double multiplier = ExposureResponse.DiseaseIncidenceRelativeRisk(_risks, (Disease)d, levels) / _startDiseaseRisk[d * _zones + z]
                    * world.Programmes.IncidenceFactor[d * _zones + z];
                incidenceMultiplier[d] = multiplier;
                casesByDisease[d] = 0;
            }
            int decile = world.Zones.Decile[z] - 1;
            // Residents of cold homes are more often not in good health: a shift of every band, relative to the start.
            double illHealthShift = h.ColdHomeIllHealthExcess * (levels.ColdHomeShare - world.Exposures.StartOf(Exposure.ColdHomes)[z]);
            // Prevention lowers the deaths of the diseases it cuts, at ages 30+ (once its five-year build-up is through).
            double preventionMortality = HealthConstants.PreventionMortalityFactor(world.Programmes, z);
            double births = _zoneTotal[z] * h.BirthsPerPersonPerYear;
            // People: deaths, then ageing (births enter the first band).
            for (int b = 0; b < Bands; b++)
            {
                double n = _people[z * Bands + b];
                double m = _startDeathRate[z * Bands + b] * shock;
                for (int e = 0; e < ExposureCatalogue.Count; e++)
                    m *= 1 + HealthConstants.BandExposureShare[e * AgeBands.Stride + b] * (allCauseRisk[e] - 1);
                m *= 1 + HealthConstants.PreventionMortalityBand[b] * (preventionMortality - 1);
                double q = Math.Min(1, m / (1 + m / 2));   // Chiang's q exceeds 1 for rates above 2 a year: all die
                rates[b] = m;
                double excessCases = 0;
                for (int d = 0; d < diseases; d++)
                {
                    double cases = _cases[(d * _zones + z) * Bands + b];
                    casesByDisease[d] += cases;
                    excessCases += DiseaseCatalogue.All[d].IllHealthExcess * cases;
                }
                double notGood = y.Constants.BaseNotGood[z * AgeBands.Stride + b] - _startExcessIllHealth[z * Bands + b] + (n > 0 ? excessCases / n : 0) + illHealthShift;
                good[b] = Math.Clamp(1 - notGood, 0, 1);
                deathsYear += n * q;
                qalysYear += n * (h.UtilityNotInGoodHealth + good[b] * (h.UtilityInGoodHealth - h.UtilityNotInGoodHealth));
                healthyYear += n * good[b];
                // Deciles and the world pool zones with the start year's people as weights (direct standardisation).
                double w = _standardPeople[z * Bands + b];
                decilePeople[decile * Bands + b] += w;
                decileDeaths[decile * Bands + b] += w * m;
                decileGood[decile * Bands + b] += w * good[b];
            }
            // Treatment costs of this year's prevalent cases and cold homes land on the zone's ICB.
            double zoneCost = IcbRules.TreatmentCostGbp(casesByDisease, costPerCase, world.Homes.ColdHomes[z], h.ColdHomeCostGbpPerHome);
            y.Icbs.TreatmentCostGbp[world.Zones.Region[z]] += zoneCost;
            costYear += zoneCost;
            // Diseases: new cases among disease-free survivors, remission, then ageing with their people.
            for (int d = 0; d < diseases; d++)
            {
                var definition = DiseaseCatalogue.All[d];
                double remission = definition.RemissionPerYear(h);
                for (int b = 0; b < Bands; b++)
                {
                    double q = rates[b] / (1 + rates[b] / 2);
                    double alive = _people[z * Bands + b] * (1 - q);
                    double cases = _cases[(d * _zones + z) * Bands + b];
                    double surviving = cases * (1 - q);
                    double incident = Math.Min(1, _zoneIncidence[(d * _zones + z) * Bands + b] * incidenceMultiplier[d]) * (alive - surviving);
                    newCasesYear += incident;
                    next[b] = surviving + incident - remission * surviving;
                }
                Age(next, 0, _cases.AsSpan((d * _zones + z) * Bands, Bands));
            }
            for (int b = 0; b < Bands; b++)
            {
                double q = rates[b] / (1 + rates[b] / 2);
                next[b] = _people[z * Bands + b] * (1 - q);
            }
            var people = _people.AsSpan(z * Bands, Bands);
            Age(next, births, people);
            double total = 0;
            foreach (double n in people) total += n;
            _zoneTotal[z] = total;
            if (y.FinalYear)
            {
                var (le, hle) = AbridgedLifeTable.ExpectanciesAtBirthYears(rates, good);
                y.ZoneFinal[z * 2] = hle;
                y.ZoneFinal[z * 2 + 1] = le;
            }
        }
        Publish(world.Health);
        LifeTables(decilePeople, decileDeaths, decileGood, tables.DecileHleYears, out double leWorld, out double hleWorld, out double leGap, out double hleGap);
        yearly[StandardSeries.LeYears] = leWorld; yearly[StandardSeries.HleYears] = hleWorld;
        yearly[StandardSeries.LeGapYears] = leGap; yearly[StandardSeries.HleGapYears] = hleGap;
        yearly[StandardSeries.Deaths] = deathsYear; yearly[StandardSeries.NhsCostGbp] = costYear;
        outcome[StandardOutcomes.Deaths] += deathsYear;
        outcome[StandardOutcomes.NcdCases] += newCasesYear;
        outcome[StandardOutcomes.NhsCostGbp] += costYear * Discounting.Factor(Discounting.CostRatePerYear, y.YearIndex);
        outcome[StandardOutcomes.Qalys] += qalysYear * Discounting.Factor(Discounting.HealthRatePerYear, y.YearIndex);
        outcome[StandardOutcomes.HealthyLifeYears] += healthyYear * Discounting.Factor(Discounting.HealthRatePerYear, y.YearIndex);
    }

    /// <summary>
    /// Each zone's incidence of each disease that keeps its start prevalence steady at its start death rates (England's
    /// × its mortality multiplier) and start age structure (§7.18, for the zone).
    /// </summary>
    private void SteadyStateIncidence(WorldState world, Scenarios.HealthParameters h)
    {
        Span<double> prevalence = stackalloc double[Bands], share = stackalloc double[Bands], deathRate = stackalloc double[Bands];
        for (int z = 0; z < _zones; z++)
        {
            double people = 0;
            for (int b = 0; b < Bands; b++) people += world.Health.Population[z * AgeBands.Stride + b];
            for (int b = 0; b < Bands; b++)
            {
                share[b] = world.Health.Population[z * AgeBands.Stride + b] / people;
                deathRate[b] = EnglandReference.DeathRatePerPersonYear[b] * world.Zones.MortalityMultiplier[z];
            }
            for (int d = 0; d < DiseaseCatalogue.Count; d++)
            {
                for (int b = 0; b < Bands; b++)
                {
                    double n = world.Health.Population[z * AgeBands.Stride + b];
                    prevalence[b] = n > 0 ? world.Health.Cases[(d * _zones + z) * AgeBands.Stride + b] / n : 0;
                }
                DiseaseDynamics.SteadyStateIncidence(prevalence, share, deathRate, DiseaseCatalogue.All[d].RemissionPerYear(h),
                    _zoneIncidence.AsSpan((d * _zones + z) * Bands, Bands));
            }
        }
    }

    /// <summary>Ageing: a share 1/width of each band moves up one band (none from the open band); <paramref name="entering"/> enters the first.</summary>
    private static void Age(ReadOnlySpan<double> before, double entering, Span<double> after)
    {
        double fromBelow = entering;
        for (int b = 0; b < Bands; b++)
        {
            double up = b == AgeBands.OpenBand ? 0 : before[b] / AgeBands.WidthYears(b);
            after[b] = before[b] - up + fromBelow;
            fromBelow = up;
        }
    }

    /// <summary>Writes the people and cases, rounded to single precision, and each zone's total into the world's health state.</summary>
    private void Publish(ZoneHealthState health)
    {
        for (int z = 0; z < _zones; z++)
        {
            for (int b = 0; b < Bands; b++)
            {
                health.Population[z * AgeBands.Stride + b] = (float)_people[z * Bands + b];
                for (int d = 0; d < DiseaseCatalogue.Count; d++)
                    health.Cases[(d * _zones + z) * AgeBands.Stride + b] = (float)_cases[(d * _zones + z) * Bands + b];
            }
            health.ZoneTotal[z] = _zoneTotal[z];
        }
    }

    /// <summary>
    /// Life tables of each populated decile and of the world (all deciles pooled; a band with nobody takes England's
    /// rates), and the slope indices of inequality of LE and HLE across the populated deciles.
    /// </summary>
    private static void LifeTables(ReadOnlySpan<double> people, ReadOnlySpan<double> deaths, ReadOnlySpan<double> goodPeople,
        Span<double> decileHle, out double le, out double hle, out double leGap, out double hleGap)
    {
        const int deciles = ReplicationResult.Deciles;
        Span<double> rates = stackalloc double[Bands];
        Span<double> good = stackalloc double[Bands];
        Span<double> leByGroup = stackalloc double[deciles], hleByGroup = stackalloc double[deciles], popByGroup = stackalloc double[deciles];
        int groups = 0;
        for (int decile = 0; decile < deciles; decile++)
        {
            double pop = GroupRates(people, deaths, goodPeople, decile, decile, rates, good);
            decileHle[decile] = double.NaN;
            if (pop <= 0) continue;
            (leByGroup[groups], hleByGroup[groups]) = AbridgedLifeTable.ExpectanciesAtBirthYears(rates, good);
            decileHle[decile] = hleByGroup[groups];
            popByGroup[groups] = pop;
            groups++;
        }
        GroupRates(people, deaths, goodPeople, 0, deciles - 1, rates, good);
        (le, hle) = AbridgedLifeTable.ExpectanciesAtBirthYears(rates, good);
        leGap = groups > 1 ? SlopeIndexOfInequality.Compute(leByGroup[..groups], popByGroup[..groups]) : 0;
        hleGap = groups > 1 ? SlopeIndexOfInequality.Compute(hleByGroup[..groups], popByGroup[..groups]) : 0;
    }

    /// <summary>Death rates and shares in good health of deciles <paramref name="from"/>–<paramref name="to"/> pooled; returns their people.</summary>
    private static double GroupRates(ReadOnlySpan<double> people, ReadOnlySpan<double> deaths, ReadOnlySpan<double> goodPeople,
        int from, int to, Span<double> rates, Span<double> good)
    {
        double total = 0;
        for (int b = 0; b < Bands; b++)
        {
            double pop = 0, died = 0, healthy = 0;
            for (int d = from; d <= to; d++)
            {
                pop += people[d * Bands + b]; died += deaths[d * Bands + b]; healthy += goodPeople[d * Bands + b];
            }
            rates[b] = pop > 0 ? died / pop : EnglandReference.DeathRatePerPersonYear[b];
            good[b] = pop > 0 ? healthy / pop : EnglandReference.ShareInGoodHealth[b];
            total += pop;
        }
        return total;
    }
}
