using UrbanSim.Core.Health;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Engine;

public sealed partial class ReplicationRunner
{
    /// <summary>Share of deaths in each age band from non-communicable diseases (ONS deaths by ICD-10 chapter, WHO NCD grouping; rounded).</summary>
    private static readonly double[] NcdShareOfDeaths =
    [
        0.45, 0.55, 0.60, 0.55, 0.30, 0.30, 0.35, 0.45, 0.55, 0.65,
        0.75, 0.82, 0.87, 0.90, 0.92, 0.93, 0.92, 0.91, 0.88,
    ];

    private double[] _zoneDiseaseMultiplier = [];   // [zone * diseases + d]
    private double[] _startBandDenominator = [];    // [zone * bands + band], 1 / all-cause RR product at start exposures
    private readonly double[] _q = new double[WorldState.DiseaseCount * AgeBands.Count];
    private readonly double[] _rrNow = new double[Exposures.Count];

    /// <summary>Share of each band inside each exposure's age range, [exposure * bands + band].</summary>
    private static readonly double[] BandExposureShare = BuildBandExposureShare();

    private static double[] BuildBandExposureShare()
    {
        var shares = new double[Exposures.Count * AgeBands.Count];
        for (int e = 0; e < Exposures.Count; e++)
            for (int b = 0; b < AgeBands.Count; b++)
                shares[e * AgeBands.Count + b] = AgeBands.ShareWithinAges(b, ExposureResponse.AgeFromYears((Exposure)e), ExposureResponse.AgeToYears((Exposure)e));
        return shares;
    }

    /// <summary>Per-replication health set-up: steady-state incidence, start-year risks and ill-health.</summary>
    private void PrepareReplication()
    {
        var h = _p.Health;
        for (int d = 0; d < WorldState.DiseaseCount; d++)
        {
            double remission = d == (int)Disease.CommonMentalDisorder ? h.MentalDisorderRemissionPerYear : 0;
            DiseaseDynamics.SteadyStateIncidence(DiseaseBaseline.Prevalence((Disease)d), DiseaseBaseline.PopulationShare,
                EnglandReference.DeathRatePerPersonYear, remission, _nationalIncidence.AsSpan(d * _bands, _bands));
        }
        if (_zoneDiseaseMultiplier.Length != _zones * WorldState.DiseaseCount) _zoneDiseaseMultiplier = new double[_zones * WorldState.DiseaseCount];
        if (_startBandDenominator.Length != _zones * _bands) _startBandDenominator = new double[_zones * _bands];
        Span<double> norm = stackalloc double[WorldState.DiseaseCount];
        for (int d = 0; d < WorldState.DiseaseCount; d++)
        {
            norm[d] = 0;
            for (int decile = 1; decile <= 10; decile++)
                norm[d] += Math.Exp(DiseaseBaseline.DeprivationGradient((Disease)d) * DiseaseBaseline.DeprivationScore(decile)) / 10;
        }
        for (int z = 0; z < _zones; z++)
        {
            var start = StartLevels(_template, z);
            for (int e = 0; e < Exposures.Count; e++)
                _startRelativeRisk[z * Exposures.Count + e] = ExposureResponse.RelativeRisk(_rr, (Exposure)e, start);
            double score = DiseaseBaseline.DeprivationScore(_template.ZoneDecile[z]);
            for (int d = 0; d < WorldState.DiseaseCount; d++)
            {
                _inverseStartDiseaseRisk[z * WorldState.DiseaseCount + d] = 1 / ExposureResponse.DiseaseIncidenceRelativeRisk(_rr, (Disease)d, start);
                _zoneDiseaseMultiplier[z * WorldState.DiseaseCount + d] = Math.Exp(DiseaseBaseline.DeprivationGradient((Disease)d) * score) / norm[d];
            }
            for (int b = 0; b < _bands; b++)
            {
                double denominator = 1;
                for (int e = 0; e < Exposures.Count; e++)
                    denominator *= 1 + BandExposureShare[e * _bands + b] * (_startRelativeRisk[z * Exposures.Count + e] - 1);
                _startBandDenominator[z * _bands + b] = 1 / denominator;
                double notGood = 1 - EnglandReference.ShareInGoodHealth[b];
                double odds = notGood / (1 - notGood) * _template.ZoneIllHealthOddsMultiplier[z];
                _baseNotGood[z * _bands + b] = odds / (1 + odds);
            }
        }
    }

    private static ExposureLevels StartLevels(WorldState w, int z) => new(
        w.StartExposure[Exposures.Walking * w.ZoneCount + z], w.StartExposure[Exposures.Cycling * w.ZoneCount + z],
        w.StartExposure[Exposures.Pm25 * w.ZoneCount + z], w.StartExposure[Exposures.GreenSpace * w.ZoneCount + z],
        w.StartExposure[Exposures.ColdHomes * w.ZoneCount + z]);

    /// <summary>Start-year health of the replication's world (the same for every variant).</summary>
    private void MeasureBaseline(ReplicationResult result)
    {
        ClearDecileSums();
        double deaths = 0, ncdDeaths = 0;
        for (int z = 0; z < _zones; z++)
        {
            int decile = _template.ZoneDecile[z] - 1;
            for (int b = 0; b < _bands; b++)
            {
                double n = _template.Population[z * _bands + b];
                double m = EnglandReference.DeathRatePerPersonYear[b] * _template.ZoneMortalityMultiplier[z];
                double good = 1 - _baseNotGood[z * _bands + b];
                AddToDecile(decile, b, n, m, good);
                double died = n * m / (1 + 0.5 * m);
                deaths += died;
                ncdDeaths += died * NcdShareOfDeaths[b];
            }
        }
        LifeTables(out double le, out double hle, out double leGap, out double hleGap);
        result.BaselineValues[Baseline.LeYears] = le;
        result.BaselineValues[Baseline.HleYears] = hle;
        result.BaselineValues[Baseline.LeGapYears] = leGap;
        result.BaselineValues[Baseline.HleGapYears] = hleGap;
        result.BaselineValues[Baseline.NcdDeathShare] = deaths > 0 ? ncdDeaths / deaths : 0;
    }

    /// <summary>
    /// Step 7: programmes whose lag has passed take effect; exposures are recomputed from the start
    /// exposures, the cumulative programme spend (saturating), healthy homes and cold homes; the year's
    /// exposure enters the 5-year history whose mean is the exposure with HEAT's linear build-up.
    /// </summary>
    private void UpdateExposures(int year)
    {
        var pp = _p.Programmes;
        var d = _p.Development;
        int slot = year % (WorldState.MaxLagYears + 1);
        int pending = slot * WorldState.ZoneProgrammeCount * _zones;
        int n = WorldState.ZoneProgrammeCount * _zones;
        for (int i = 0; i < n; i++)
        {
            _world.ProgrammeSpendPerHeadGbp[i] += _world.PendingProgrammeSpendPerHeadGbp[pending + i];
            _world.PendingProgrammeSpendPerHeadGbp[pending + i] = 0;
        }
        int history = year % WorldState.BuildUpYears;
        for (int z = 0; z < _zones; z++)
        {
            double at = 1 - Math.Exp(-_world.ProgrammeSpendPerHeadGbp[ZoneActiveTravel * _zones + z] / pp.ActiveTravelScaleGbpPerHead);
            double ca = 1 - Math.Exp(-_world.ProgrammeSpendPerHeadGbp[ZoneCleanAir * _zones + z] / pp.CleanAirScaleGbpPerHead);
            double gs = 1 - Math.Exp(-_world.ProgrammeSpendPerHeadGbp[ZoneGreenSpace * _zones + z] / pp.GreenSpaceScaleGbpPerHead);
            double healthyShare = _world.Dwellings[z] > 0 ? _world.HealthyHomes[z] / _world.Dwellings[z] : 0;
            _world.WalkingMinutesPerWeek[z] = _world.StartExposure[Exposures.Walking * _zones + z]
                + pp.ActiveTravelMaxWalkingMinutesPerWeek * at + d.HealthyHomesWalkingMinutesPerWeek * healthyShare;
            _world.CyclingMinutesPerWeek[z] = _world.StartExposure[Exposures.Cycling * _zones + z] + pp.ActiveTravelMaxCyclingMinutesPerWeek * at;
            _world.Pm25MicrogramsPerM3[z] = Math.Max(0, _world.StartExposure[Exposures.Pm25 * _zones + z] - pp.CleanAirMaxPm25ReductionMicrogramsPerM3 * ca);
            _world.GreenSpaceNdvi[z] = Math.Min(1, _world.StartExposure[Exposures.GreenSpace * _zones + z] + pp.GreenSpaceMaxNdviGain * gs + d.HealthyHomesGreenNdvi * healthyShare);
            _world.ColdHomeShare[z] = _world.Dwellings[z] > 0 ? _world.ColdHomes[z] / _world.Dwellings[z] : 0;
            _world.ExposureHistory[(history * Exposures.Count + Exposures.Walking) * _zones + z] = _world.WalkingMinutesPerWeek[z];
            _world.ExposureHistory[(history * Exposures.Count + Exposures.Cycling) * _zones + z] = _world.CyclingMinutesPerWeek[z];
            _world.ExposureHistory[(history * Exposures.Count + Exposures.Pm25) * _zones + z] = _world.Pm25MicrogramsPerM3[z];
            _world.ExposureHistory[(history * Exposures.Count + Exposures.GreenSpace) * _zones + z] = _world.GreenSpaceNdvi[z];
            _world.ExposureHistory[(history * Exposures.Count + Exposures.ColdHomes) * _zones + z] = _world.ColdHomeShare[z];
        }
    }

    /// <summary>Exposure with the 5-year linear build-up: the mean of the last five years' exposures.</summary>
    private ExposureLevels EffectiveLevels(int z)
    {
        Span<double> mean = stackalloc double[Exposures.Count];
        for (int y = 0; y < WorldState.BuildUpYears; y++)
            for (int e = 0; e < Exposures.Count; e++)
                mean[e] += _world.ExposureHistory[(y * Exposures.Count + e) * _zones + z];
        double k = 1.0 / WorldState.BuildUpYears;
        return new ExposureLevels(mean[0] * k, mean[1] * k, mean[2] * k, mean[3] * k, mean[4] * k);
    }

    /// <summary>
    /// Step 8: exposures → relative risks → mortality and disease incidence; deaths, new cases, remission,
    /// births and ageing; costs to the ICB, QALYs, and life tables by deprivation decile.
    /// Deaths use the one-year probability q = m / (1 + m/2), Chiang's formula of the life tables.
    /// </summary>
    private void AdvanceHealth(int year, bool healthShock, Span<double> outcome, Span<double> yearly)
    {
        var h = _p.Health;
        var pp = _p.Programmes;
        const int diseases = WorldState.DiseaseCount;
        double shock = healthShock ? 1 + _p.Shocks.HealthShockMortalityUplift : 1;
        double healthDiscount = Discounting.Factor(Discounting.HealthRatePerYear, year);
        double costDiscount = Discounting.Factor(Discounting.CostRatePerYear, year);
        Span<double> costPerCase = stackalloc double[diseases];
        costPerCase[0] = h.CardiovascularCostGbpPerCase; costPerCase[1] = h.DiabetesCostGbpPerCase;
        costPerCase[2] = h.RespiratoryCostGbpPerCase; costPerCase[3] = h.MentalDisorderCostGbpPerCase;
        Span<double> illExcess = stackalloc double[diseases];
        for (int d = 0; d < diseases; d++) illExcess[d] = DiseaseBaseline.IllHealthExcess((Disease)d);
        Span<double> remission = stackalloc double[diseases];
        remission[(int)Disease.CommonMentalDisorder] = h.MentalDisorderRemissionPerYear;
        Span<double> incidenceMultiplier = stackalloc double[diseases];
        Span<double> diseaseRisk = stackalloc double[diseases];
        Span<double> bandRisk = stackalloc double[AgeBands.Count];
        var deathRate = EnglandReference.DeathRatePerPersonYear;
        double uGood = h.UtilityInGoodHealth, uNotGood = h.UtilityNotInGoodHealth;
        ClearDecileSums();
        double deathsYear = 0, costYear = 0, qalysYear = 0, newCases = 0;
        Span<double> notGood = stackalloc double[AgeBands.Count];
        Span<double> mortality = stackalloc double[AgeBands.Count];
        Span<double> survivors = _survivors;
        for (int z = 0; z < _zones; z++)
        {
            var levels = EffectiveLevels(z);
            _risks.Evaluate(levels, _rrNow, diseaseRisk);
            BandRelativeRisks(z, bandRisk);
            double prevention = 1 - pp.PreventionMaxIncidenceReduction * (1 - Math.Exp(-_world.ProgrammeSpendPerHeadGbp[ZonePrevention * _zones + z] / pp.PreventionScaleGbpPerHead));
            for (int d = 0; d < diseases; d++)
            {
                double rr = diseaseRisk[d] * _inverseStartDiseaseRisk[z * diseases + d];
                bool prevented = d == (int)Disease.Cardiovascular || d == (int)Disease.Type2Diabetes;
                incidenceMultiplier[d] = _zoneDiseaseMultiplier[z * diseases + d] * rr * (prevented ? prevention : 1);
            }
            int zb = z * _bands;
            var population = _world.Population.AsSpan(zb, AgeBands.Count);
            var baseNotGood = _baseNotGood.AsSpan(zb, AgeBands.Count);
            double zoneMortality = _world.ZoneMortalityMultiplier[z] * shock;
            double births = _zonePopulation[z] * h.BirthsPerPersonPerYear;
            for (int band = 0; band < population.Length; band++)
            {
                double m = deathRate[band] * zoneMortality * bandRisk[band];
                double died = population[band] * m / (1 + 0.5 * m);
                mortality[band] = m;
                survivors[band] = population[band] - died;
                deathsYear += died;
                notGood[band] = baseNotGood[band];
            }
            // Diseases, one contiguous age profile at a time: cost, ill-health, incidence and remission.
            double zoneCost = 0;
            for (int d = 0; d < diseases; d++)
            {
                int offset = (d * _zones + z) * _bands;
                var prevalence = _world.Prevalence.AsSpan(offset, AgeBands.Count);
                var start = _world.StartPrevalence.AsSpan(offset, AgeBands.Count);
                var incidence = _nationalIncidence.AsSpan(d * _bands, AgeBands.Count);
                var q = _q.AsSpan(d * _bands, AgeBands.Count);
                double multiplier = incidenceMultiplier[d], excess = illExcess[d], remit = remission[d];
                double cases = 0;
                for (int band = 0; band < prevalence.Length; band++)
                {
                    double p = prevalence[band];
                    cases += p * population[band];
                    notGood[band] += excess * (p - start[band]);
                    double newFraction = Math.Min(1, incidence[band] * multiplier) * (1 - p);
                    newCases += newFraction * survivors[band];
                    q[band] = p + newFraction - remit * p;
                }
                zoneCost += cases * costPerCase[d];
            }
            int decile = _world.ZoneDecile[z] - 1;
            var decilePop = _decilePop.AsSpan(decile * _bands, AgeBands.Count);
            var decileDeaths = _decileDeaths.AsSpan(decile * _bands, AgeBands.Count);
            var decileGood = _decileGood.AsSpan(decile * _bands, AgeBands.Count);
            for (int band = 0; band < population.Length; band++)
            {
                double bad = notGood[band];
                double good = bad <= 0 ? 1 : bad >= 1 ? 0 : 1 - bad;
                double n = population[band];
                decilePop[band] += n;
                decileDeaths[band] += n * mortality[band];
                decileGood[band] += n * good;
                qalysYear += n * (uNotGood + good * (uGood - uNotGood));
            }
            costYear += zoneCost + _world.ColdHomes[z] * h.ColdHomeCostGbpPerHome;
            Age(z, births);
        }
        LifeTables(out double le, out double hle, out double leGap, out double hleGap);
        yearly[Series.LeYears] = le; yearly[Series.HleYears] = hle;
        yearly[Series.LeGapYears] = leGap; yearly[Series.HleGapYears] = hleGap;
        yearly[Series.Deaths] = deathsYear; yearly[Series.NhsCostGbp] = costYear;
        outcome[Outcomes.Deaths] += deathsYear;
        outcome[Outcomes.NcdCases] += newCases;
        outcome[Outcomes.NhsCostGbp] += costYear * costDiscount;
        outcome[Outcomes.Qalys] += qalysYear * healthDiscount;
    }

    /// <summary>
    /// All-cause mortality relative to the start year for each age band of a zone: the product over
    /// exposures of 1 + s·(RR − 1) where s is the share of the band in the exposure's age range,
    /// divided by the same product at the start exposures (precomputed).
    /// </summary>
    private void BandRelativeRisks(int z, Span<double> bandRisk)
    {
        for (int b = 0; b < _bands; b++) bandRisk[b] = _startBandDenominator[z * _bands + b];
        for (int e = 0; e < Exposures.Count; e++)
        {
            double excess = _rrNow[e] - 1;
            int o = e * _bands;
            for (int b = 0; b < _bands; b++)
            {
                double s = BandExposureShare[o + b];
                if (s > 0) bandRisk[b] *= 1 + s * excess;
            }
        }
    }

    /// <summary>Share of each band moving up to the next band in a year: 1/width; 0 for the open band.</summary>
    private static readonly double[] AgeingShare = Enumerable.Range(0, AgeBands.Count)
        .Select(b => b == AgeBands.OpenBand ? 0.0 : 1.0 / AgeBands.WidthYears(b)).ToArray();

    /// <summary>Moves survivors up the age bands (1/width of a band a year), with births entering band 0 free of disease.</summary>
    private void Age(int z, double births)
    {
        Span<double> staying = stackalloc double[AgeBands.Count];
        Span<double> fromBelow = stackalloc double[AgeBands.Count];
        Span<double> inverse = stackalloc double[AgeBands.Count];
        var survivors = _survivors.AsSpan();
        var population = _world.Population.AsSpan(z * _bands, AgeBands.Count);
        double total = 0;
        for (int b = 0; b < population.Length; b++)
        {
            staying[b] = survivors[b] * (1 - AgeingShare[b]);
            fromBelow[b] = b > 0 ? survivors[b - 1] * AgeingShare[b - 1] : births;
            double next = staying[b] + fromBelow[b];
            inverse[b] = next > 0 ? 1 / next : 0;
            population[b] = next;
            total += next;
        }
        _zonePopulation[z] = total;
        for (int d = 0; d < WorldState.DiseaseCount; d++)
        {
            var q = _q.AsSpan(d * _bands, AgeBands.Count);
            var prevalence = _world.Prevalence.AsSpan((d * _zones + z) * _bands, AgeBands.Count);
            prevalence[0] = staying[0] * q[0] * inverse[0];  // births arrive free of disease
            for (int b = 1; b < prevalence.Length; b++)
                prevalence[b] = Math.Clamp((staying[b] * q[b] + fromBelow[b] * q[b - 1]) * inverse[b], 0, 1);
        }
    }

    private void ClearDecileSums()
    {
        _decilePop.AsSpan().Clear(); _decileDeaths.AsSpan().Clear(); _decileGood.AsSpan().Clear();
    }

    private void AddToDecile(int decile, int band, double people, double deathRate, double goodShare)
    {
        int i = decile * _bands + band;
        _decilePop[i] += people;
        _decileDeaths[i] += people * deathRate;
        _decileGood[i] += people * goodShare;
    }

    /// <summary>Life tables of the whole world and of each populated decile; SII of LE and HLE across deciles (ONS method).</summary>
    private void LifeTables(out double le, out double hle, out double leGap, out double hleGap)
    {
        int groups = 0;
        for (int decile = 0; decile < 10; decile++)
        {
            double pop = 0;
            for (int b = 0; b < _bands; b++) pop += _decilePop[decile * _bands + b];
            if (pop <= 0) continue;
            DecileRates(decile, decile);
            _groupValue[groups] = AbridgedLifeTable.LifeExpectancyAtBirthYears(_mx);
            _groupValue2[groups] = AbridgedLifeTable.HealthyLifeExpectancyAtBirthYears(_mx, _gh);
            _groupPop[groups] = pop;
            groups++;
        }
        DecileRates(0, 9);
        le = AbridgedLifeTable.LifeExpectancyAtBirthYears(_mx);
        hle = AbridgedLifeTable.HealthyLifeExpectancyAtBirthYears(_mx, _gh);
        leGap = groups > 1 ? SlopeIndexOfInequality.Compute(_groupValue.AsSpan(0, groups), _groupPop.AsSpan(0, groups)) : 0;
        hleGap = groups > 1 ? SlopeIndexOfInequality.Compute(_groupValue2.AsSpan(0, groups), _groupPop.AsSpan(0, groups)) : 0;
    }

    private void DecileRates(int fromDecile, int toDecile)
    {
        for (int b = 0; b < _bands; b++)
        {
            double pop = 0, deaths = 0, good = 0;
            for (int d = fromDecile; d <= toDecile; d++)
            {
                int i = d * _bands + b;
                pop += _decilePop[i]; deaths += _decileDeaths[i]; good += _decileGood[i];
            }
            _mx[b] = pop > 0 ? deaths / pop : EnglandReference.DeathRatePerPersonYear[b];
            _gh[b] = pop > 0 ? good / pop : EnglandReference.ShareInGoodHealth[b];
        }
    }
}
