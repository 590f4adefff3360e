using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
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

    private double[] _activeTravelResponse = [], _cleanAirResponse = [], _greenSpaceResponse = [];   // [zone], this year's 1 − e^(−spend/scale)
    private float[] _zoneDiseaseMultiplier = [];    // [d * zones + zone], deprivation multiplier of incidence
    private float[] _notGoodIntercept = [];         // [zone * stride + band], start ill-health minus its disease part
    private float[] _startExposureDeathRate = [];   // [zone * stride + band], death rate per person-year were every exposure's RR 1: England's × the zone's multiplier / RR product at start exposures
    private readonly float[] _incidenceLanes = new float[WorldState.DiseaseCount * WorldState.BandStride];   // national incidence by band, single precision

    /// <summary>Share of each band inside each exposure's age range, [exposure * stride + band]; 0 in the padding bands.</summary>
    private static readonly float[] BandExposureShare = BuildBandExposureShare();

    private static float[] BuildBandExposureShare()
    {
        var shares = new float[Exposures.Count * WorldState.BandStride];
        for (int e = 0; e < Exposures.Count; e++)
            for (int b = 0; b < AgeBands.Count; b++)
                shares[e * WorldState.BandStride + b] = (float)AgeBands.ShareWithinAges(b, ExposureResponse.AgeFromYears((Exposure)e), ExposureResponse.AgeToYears((Exposure)e));
        return shares;
    }

    /// <summary>Share of a band moving up to the next band in a year, 1/width (0 for the open and padding bands).</summary>
    private static readonly float[] AgeingShare = BuildAgeingShare();

    private static float[] BuildAgeingShare()
    {
        var share = new float[WorldState.BandStride];
        for (int b = 0; b < AgeBands.Count; b++)
            share[b] = b == AgeBands.OpenBand ? 0 : 1f / AgeBands.WidthYears(b);
        return share;
    }

    /// <summary>Per-replication set-up: steady-state incidence, start-year risks and ill-health, sites' break-even rates.</summary>
    private void PrepareReplication()
    {
        PrepareBreakEvenRates();
        var h = _p.Health;
        for (int d = 0; d < WorldState.DiseaseCount; d++)
        {
            double remission = d == (int)Disease.CommonMentalDisorder ? h.MentalDisorderRemissionPerYear : 0;
            DiseaseDynamics.SteadyStateIncidence(DiseaseBaseline.Prevalence((Disease)d), DiseaseBaseline.PopulationShare,
                EnglandReference.DeathRatePerPersonYear, remission, _nationalIncidence.AsSpan(d * _bands, AgeBands.Count));
        }
        for (int i = 0; i < _incidenceLanes.Length; i++) _incidenceLanes[i] = (float)_nationalIncidence[i];
        SetAdultIncidence();
        if (_activeTravelResponse.Length != _zones) { _activeTravelResponse = new double[_zones]; _cleanAirResponse = new double[_zones]; _greenSpaceResponse = new double[_zones]; }
        if (_zoneDiseaseMultiplier.Length != _zones * WorldState.DiseaseCount) _zoneDiseaseMultiplier = new float[_zones * WorldState.DiseaseCount];
        if (_startExposureDeathRate.Length != _zones * _bands) _startExposureDeathRate = new float[_zones * _bands];
        if (_notGoodIntercept.Length != _zones * _bands) _notGoodIntercept = new float[_zones * _bands];
        Span<double> excess = stackalloc double[WorldState.DiseaseCount];
        for (int d = 0; d < WorldState.DiseaseCount; d++) excess[d] = DiseaseBaseline.IllHealthExcess((Disease)d);
        StartRisks();
        for (int z = 0; z < _zones; z++)
        {
            for (int d = 0; d < WorldState.DiseaseCount; d++)
                _zoneDiseaseMultiplier[d * _zones + z] = (float)DiseaseBaseline.DeprivationMultiplier((Disease)d, _template.ZoneDecile[z]);
            for (int b = 0; b < AgeBands.Count; b++)
            {
                double denominator = 1;
                for (int e = 0; e < Exposures.Count; e++)
                    denominator *= 1 + BandExposureShare[e * _bands + b] * (_startRelativeRisk[z * Exposures.Count + e] - 1);
                _startExposureDeathRate[z * _bands + b] = (float)(EnglandReference.DeathRatePerPersonYear[b] * _template.ZoneMortalityMultiplier[z] / denominator);
                double odds = IllHealthOdds[b] * _template.ZoneIllHealthOddsMultiplier[z];
                _baseNotGood[z * _bands + b] = odds / (1 + odds);
                // Ill-health in a later year is base + Σ excess × (prevalence − start prevalence); fold the start part in.
                double people = _template.Population[z * _bands + b];
                double excessCases = 0;
                for (int d = 0; d < WorldState.DiseaseCount; d++) excessCases += excess[d] * _template.Cases[(d * _zones + z) * _bands + b];
                _notGoodIntercept[z * _bands + b] = (float)(_baseNotGood[z * _bands + b] - (people > 0 ? excessCases / people : 0));
            }
        }
    }

    /// <summary>England's odds of not being in good health by band (Census 2021), before the zone's multiplier.</summary>
    private static readonly double[] IllHealthOdds = BuildIllHealthOdds();

    private static double[] BuildIllHealthOdds()
    {
        var odds = new double[AgeBands.Count];
        for (int b = 0; b < AgeBands.Count; b++)
        {
            double notGood = 1 - EnglandReference.ShareInGoodHealth[b];
            odds[b] = notGood / (1 - notGood);
        }
        return odds;
    }

    /// <summary>
    /// Each zone's relative risks at its start exposures, by the same compiled functions and the same path (eight
    /// zones at a time, the rest one at a time) as its risks in later years (<see cref="ComputeZoneRisks"/>).
    /// </summary>
    private void StartRisks()
    {
        const int diseases = WorldState.DiseaseCount;
        int zones = _zones;
        var start = _template.StartExposure.AsSpan();
        int z = 0;
        if (_risks.SupportsVectors)
        {
            Span<Vector256<float>> allCause = stackalloc Vector256<float>[Exposures.Count];
            Span<Vector256<float>> disease = stackalloc Vector256<float>[diseases];
            var one = Vector256.Create(1f);
            for (; z + 8 <= zones; z += 8)
            {
                _risks.Evaluate8(Narrow8(start, Exposures.Walking * zones + z), Narrow8(start, Exposures.Cycling * zones + z),
                    Narrow8(start, Exposures.Pm25 * zones + z), Narrow8(start, Exposures.GreenSpace * zones + z),
                    Narrow8(start, Exposures.ColdHomes * zones + z), allCause, disease);
                for (int e = 0; e < Exposures.Count; e++)
                    for (int k = 0; k < 8; k++) _startRelativeRisk[(z + k) * Exposures.Count + e] = allCause[e][k];
                for (int d = 0; d < diseases; d++) (one / disease[d]).StoreUnsafe(ref _inverseStartDiseaseRisk[d * zones + z]);
            }
        }
        Span<double> diseaseOne = stackalloc double[diseases];
        for (; z < zones; z++)
        {
            _risks.Evaluate(StartLevels(_template, z), _startRelativeRisk.AsSpan(z * Exposures.Count, Exposures.Count), diseaseOne);
            for (int e = 0; e < Exposures.Count; e++) _startRelativeRisk[z * Exposures.Count + e] = (float)_startRelativeRisk[z * Exposures.Count + e];
            for (int d = 0; d < diseases; d++) _inverseStartDiseaseRisk[d * zones + z] = (float)(1 / (float)diseaseOne[d]);
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
            for (int b = 0; b < AgeBands.Count; b++)
            {
                double n = _template.Population[z * _bands + b];
                double m = EnglandReference.DeathRatePerPersonYear[b] * _template.ZoneMortalityMultiplier[z];
                double good = 1 - _baseNotGood[z * _bands + b];
                AddToDecile(decile, b, n, m, good);
                SetZoneTableRow(z, b, m, good);
                double died = n * m / (1 + 0.5 * m);
                deaths += died;
                ncdDeaths += died * NcdShareOfDeaths[b];
            }
        }
        if (result.Zones == _zones) ZoneLifeTables(result.ZoneBaseline);
        LifeTables(out double le, out double hle, out double leGap, out double hleGap);
        _decileHle.CopyTo(result.BaselineDecileHleYears, 0);
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
        var spend = _world.ProgrammeSpendPerHeadGbp.AsSpan(0, n);
        var due = _world.PendingProgrammeSpendPerHeadGbp.AsSpan(pending, n);
        int i = 0;
        for (; i + 4 <= n; i += 4) Store(Load(spend, i) + Load(due, i), spend, i);
        for (; i < n; i++) spend[i] += due[i];
        due.Clear();
        int history = year % WorldState.BuildUpYears;
        SaturatingResponse(_world.ProgrammeSpendPerHeadGbp.AsSpan(ZoneActiveTravel * _zones, _zones), pp.ActiveTravelScaleGbpPerHead, _activeTravelResponse);
        SaturatingResponse(_world.ProgrammeSpendPerHeadGbp.AsSpan(ZoneCleanAir * _zones, _zones), pp.CleanAirScaleGbpPerHead, _cleanAirResponse);
        SaturatingResponse(_world.ProgrammeSpendPerHeadGbp.AsSpan(ZoneGreenSpace * _zones, _zones), pp.GreenSpaceScaleGbpPerHead, _greenSpaceResponse);
        int z = 0;
        if (Vector256.IsHardwareAccelerated) z = UpdateExposures4();
        for (; z < _zones; z++)
        {
            double at = _activeTravelResponse[z], ca = _cleanAirResponse[z], gs = _greenSpaceResponse[z];
            double healthyShare = _world.Dwellings[z] > 0 ? _world.HealthyHomes[z] / _world.Dwellings[z] : 0;
            _world.WalkingMinutesPerWeek[z] = _world.StartExposure[Exposures.Walking * _zones + z]
                + pp.ActiveTravelMaxWalkingMinutesPerWeek * at + d.HealthyHomesWalkingMinutesPerWeek * healthyShare;
            _world.CyclingMinutesPerWeek[z] = _world.StartExposure[Exposures.Cycling * _zones + z] + pp.ActiveTravelMaxCyclingMinutesPerWeek * at;
            _world.Pm25MicrogramsPerM3[z] = Math.Max(0, _world.StartExposure[Exposures.Pm25 * _zones + z] - pp.CleanAirMaxPm25ReductionMicrogramsPerM3 * ca);
            _world.GreenSpaceNdvi[z] = Math.Min(1, _world.StartExposure[Exposures.GreenSpace * _zones + z] + pp.GreenSpaceMaxNdviGain * gs + d.HealthyHomesGreenNdvi * healthyShare);
            _world.ColdHomeShare[z] = _world.Dwellings[z] > 0 ? _world.ColdHomes[z] / _world.Dwellings[z] : 0;
        }
        Remember(Exposures.Walking, history, _world.WalkingMinutesPerWeek);
        Remember(Exposures.Cycling, history, _world.CyclingMinutesPerWeek);
        Remember(Exposures.Pm25, history, _world.Pm25MicrogramsPerM3);
        Remember(Exposures.GreenSpace, history, _world.GreenSpaceNdvi);
        Remember(Exposures.ColdHomes, history, _world.ColdHomeShare);
    }

    /// <summary>
    /// The exposure formulas of <see cref="UpdateExposures"/> four zones at a time, term by term the same
    /// arithmetic as its scalar loop; returns the first zone left for that loop.
    /// </summary>
    private int UpdateExposures4()
    {
        var pp = _p.Programmes;
        var d = _p.Development;
        int zones = _zones;
        var w = _world;
        var zero = Vector256<double>.Zero;
        var maxWalking = Vector256.Create(pp.ActiveTravelMaxWalkingMinutesPerWeek);
        var homesWalking = Vector256.Create(d.HealthyHomesWalkingMinutesPerWeek);
        var maxCycling = Vector256.Create(pp.ActiveTravelMaxCyclingMinutesPerWeek);
        var maxPm25Reduction = Vector256.Create(pp.CleanAirMaxPm25ReductionMicrogramsPerM3);
        var maxNdviGain = Vector256.Create(pp.GreenSpaceMaxNdviGain);
        var homesNdvi = Vector256.Create(d.HealthyHomesGreenNdvi);
        var one = Vector256.Create(1.0);
        int z = 0;
        for (; z + 4 <= zones; z += 4)
        {
            var at = Load(_activeTravelResponse, z);
            var dwellings = Load(w.Dwellings, z);
            var hasHomes = Vector256.GreaterThan(dwellings, zero);
            var healthyShare = Vector256.ConditionalSelect(hasHomes, Load(w.HealthyHomes, z) / dwellings, zero);
            Store(Load(w.StartExposure, Exposures.Walking * zones + z) + maxWalking * at + homesWalking * healthyShare, w.WalkingMinutesPerWeek, z);
            Store(Load(w.StartExposure, Exposures.Cycling * zones + z) + maxCycling * at, w.CyclingMinutesPerWeek, z);
            Store(Vector256.Max(zero, Load(w.StartExposure, Exposures.Pm25 * zones + z) - maxPm25Reduction * Load(_cleanAirResponse, z)), w.Pm25MicrogramsPerM3, z);
            Store(Vector256.Min(one, Load(w.StartExposure, Exposures.GreenSpace * zones + z) + maxNdviGain * Load(_greenSpaceResponse, z) + homesNdvi * healthyShare),
                w.GreenSpaceNdvi, z);
            Store(Vector256.ConditionalSelect(hasHomes, Load(w.ColdHomes, z) / dwellings, zero), w.ColdHomeShare, z);
        }
        return z;
    }

    /// <summary>
    /// The saturating response 1 − e^(−spend / scale) of each zone (§7.15), four zones at a time; the last
    /// zones go through a padded vector, so every zone takes the same arithmetic.
    /// </summary>
    private static void SaturatingResponse(ReadOnlySpan<double> spendPerHeadGbp, double scaleGbpPerHead, Span<double> response)
    {
        var one = Vector256.Create(1.0);
        var inverseScale = Vector256.Create(-1 / scaleGbpPerHead);
        int z = 0;
        for (; z + 4 <= spendPerHeadGbp.Length; z += 4)
            Store(one - Vector256.Exp(Load(spendPerHeadGbp, z) * inverseScale), response, z);
        if (z == spendPerHeadGbp.Length) return;
        Span<double> tail = stackalloc double[4];
        tail.Clear();
        spendPerHeadGbp[z..].CopyTo(tail);
        Store(one - Vector256.Exp(Load(tail, 0) * inverseScale), tail, 0);
        tail[..(spendPerHeadGbp.Length - z)].CopyTo(response[z..]);
    }

    /// <summary>Puts this year's exposure of every zone in its 5-year history, keeping the running sums (four zones at a time).</summary>
    private void Remember(int exposure, int slot, ReadOnlySpan<double> value)
    {
        var old = _world.ExposureHistory.AsSpan((slot * Exposures.Count + exposure) * _zones, _zones);
        var sum = _world.ExposureSum.AsSpan(exposure * _zones, _zones);
        int z = 0;
        for (; z + 4 <= _zones; z += 4)
        {
            var v = Load(value, z);
            Store(Load(sum, z) + (v - Load(old, z)), sum, z);
            Store(v, old, z);
        }
        for (; z < _zones; z++)
        {
            sum[z] += value[z] - old[z];
            old[z] = value[z];
        }
    }

    /// <summary>Exposure with the 5-year linear build-up: the mean of the last five years' exposures.</summary>
    private ExposureLevels EffectiveLevels(int z)
    {
        const double k = 1.0 / WorldState.BuildUpYears;
        var sum = _world.ExposureSum;
        return new ExposureLevels(sum[Exposures.Walking * _zones + z] * k, sum[Exposures.Cycling * _zones + z] * k,
            sum[Exposures.Pm25 * _zones + z] * k, sum[Exposures.GreenSpace * _zones + z] * k, sum[Exposures.ColdHomes * _zones + z] * k);
    }

    /// <summary>
    /// Every zone's all-cause relative risks and incidence multipliers for this year, from the exposures with
    /// their 5-year build-up, deprivation and joint prevention, in single precision like the zone state they
    /// act on. Eight zones at a time with vector arithmetic (the same formulas as the scalar path, which takes
    /// the zones left over); a zone always takes the same path, so results do not depend on threads.
    /// </summary>
    private void ComputeZoneRisks()
    {
        var pp = _p.Programmes;
        const int diseases = WorldState.DiseaseCount;
        int zones = _zones;
        var sum = _world.ExposureSum.AsSpan();
        var spend = _world.ProgrammeSpendPerHeadGbp.AsSpan(ZonePrevention * zones, zones);
        int z = 0;
        if (_risks.SupportsVectors)
        {
            Span<Vector256<float>> allCause = stackalloc Vector256<float>[Exposures.Count];
            Span<Vector256<float>> disease = stackalloc Vector256<float>[diseases];
            var one = Vector256.Create(1f);
            var maxReduction = Vector256.Create((float)pp.PreventionMaxIncidenceReduction);
            var perScale = Vector256.Create((float)(-1 / pp.PreventionScaleGbpPerHead));
            for (; z + 8 <= zones; z += 8)
            {
                _risks.Evaluate8(Mean8(sum, Exposures.Walking * zones + z), Mean8(sum, Exposures.Cycling * zones + z),
                    Mean8(sum, Exposures.Pm25 * zones + z), Mean8(sum, Exposures.GreenSpace * zones + z),
                    Mean8(sum, Exposures.ColdHomes * zones + z), allCause, disease);
                for (int e = 0; e < Exposures.Count; e++) allCause[e].StoreUnsafe(ref _zoneAllCauseRisk[e * zones + z]);
                var prevention = one - maxReduction * (one - Vector256.Exp(Narrow8(spend, z) * perScale));
                for (int d = 0; d < diseases; d++)
                {
                    bool prevented = d == (int)Disease.Cardiovascular || d == (int)Disease.Type2Diabetes;
                    var multiplier = Vector256.LoadUnsafe(ref _zoneDiseaseMultiplier[d * zones + z]) * disease[d]
                        * Vector256.LoadUnsafe(ref _inverseStartDiseaseRisk[d * zones + z]);
                    (prevented ? multiplier * prevention : multiplier).StoreUnsafe(ref _zoneIncidenceMultiplier[d * zones + z]);
                }
            }
        }
        Span<double> allCauseOne = stackalloc double[Exposures.Count];
        Span<double> diseaseOne = stackalloc double[diseases];
        for (; z < zones; z++)
        {
            _risks.Evaluate(EffectiveLevels(z), allCauseOne, diseaseOne);
            for (int e = 0; e < Exposures.Count; e++) _zoneAllCauseRisk[e * zones + z] = (float)allCauseOne[e];
            double prevention = 1 - pp.PreventionMaxIncidenceReduction * (1 - Math.Exp(-spend[z] / pp.PreventionScaleGbpPerHead));
            for (int d = 0; d < diseases; d++)
            {
                bool prevented = d == (int)Disease.Cardiovascular || d == (int)Disease.Type2Diabetes;
                double multiplier = _zoneDiseaseMultiplier[d * zones + z] * diseaseOne[d] * _inverseStartDiseaseRisk[d * zones + z];
                _zoneIncidenceMultiplier[d * zones + z] = (float)(prevented ? multiplier * prevention : multiplier);
            }
        }
    }

    /// <summary>Eight zones' 5-year mean exposures (running sums / 5) in single precision, from zone <paramref name="z"/> of <paramref name="sums"/>.</summary>
    private static Vector256<float> Mean8(ReadOnlySpan<double> sums, int z)
    {
        var k = Vector256.Create(1.0 / WorldState.BuildUpYears);
        return Vector256.Narrow(Load(sums, z) * k, Load(sums, z + 4) * k);
    }

    /// <summary>Eight doubles from <paramref name="z"/> in single precision.</summary>
    private static Vector256<float> Narrow8(ReadOnlySpan<double> values, int z) => Vector256.Narrow(Load(values, z), Load(values, z + 4));

    /// <summary>
    /// Step 8: exposures → relative risks → mortality and disease incidence; deaths, new cases, remission,
    /// births and ageing; costs to the ICB, QALYs, and life tables by deprivation decile.
    /// Deaths use the one-year probability q = m / (1 + m/2), Chiang's formula of the life tables.
    /// The zone state (people and cases by band) is single precision: each zone's age profile is 24 floats
    /// (19 bands and 5 empty padding bands), three 8-wide vectors, advanced in one pass per zone that moves the
    /// population and the four diseases together. Ageing moves people and their cases up a band with a lane
    /// rotation in registers. Each zone's totals are added in double precision, and lane sums have a fixed
    /// order, so results do not depend on the thread count.
    /// </summary>
    private void AdvanceHealth(int year, bool healthShock, Span<double> outcome, Span<double> yearly)
    {
        var h = _p.Health;
        const int stride = WorldState.BandStride;
        int zones = _zones;
        var shock = Vector256.Create(healthShock ? (float)(1 + _p.Shocks.HealthShockMortalityUplift) : 1f);
        ref float shares = ref MemoryMarshal.GetArrayDataReference(BandExposureShare);
        ref float ageing = ref MemoryMarshal.GetArrayDataReference(AgeingShare);
        ref float incidence = ref MemoryMarshal.GetArrayDataReference(_incidenceLanes);
        // The zone's death rates and shares in good health, kept for its life table in the final year.
        Span<float> finalRows = stackalloc float[2 * stride];
        // A zone's death rates and minus its probabilities of dying in the year, by band vector, computed first:
        // the three vectors' chains (a division each) are independent and overlap, the rest of the step waits on them.
        const int vectors = stride / 8;
        Span<Vector256<float>> mortality = stackalloc Vector256<float>[vectors];
        Span<Vector256<float>> minusDyingByVector = stackalloc Vector256<float>[vectors];
        var one = Vector256.Create(1f);
        var half = Vector256.Create(0.5f);
        var zero = Vector256<float>.Zero;
        var uNotGood = Vector256.Create((float)h.UtilityNotInGoodHealth);
        var uGain = Vector256.Create((float)(h.UtilityInGoodHealth - h.UtilityNotInGoodHealth));
        var excessCvd = Vector256.Create((float)DiseaseBaseline.IllHealthExcess(Disease.Cardiovascular));
        var excessDiabetes = Vector256.Create((float)DiseaseBaseline.IllHealthExcess(Disease.Type2Diabetes));
        var excessRespiratory = Vector256.Create((float)DiseaseBaseline.IllHealthExcess(Disease.ChronicRespiratory));
        var excessMental = Vector256.Create((float)DiseaseBaseline.IllHealthExcess(Disease.CommonMentalDisorder));
        var costCvd = Vector256.Create((float)h.CardiovascularCostGbpPerCase);
        var costDiabetes = Vector256.Create((float)h.DiabetesCostGbpPerCase);
        var costRespiratory = Vector256.Create((float)h.RespiratoryCostGbpPerCase);
        var costMental = Vector256.Create((float)h.MentalDisorderCostGbpPerCase);
        var minusRemission = Vector256.Create(-(float)h.MentalDisorderRemissionPerYear);
        ClearDecileSums();
        // The year's totals, added zone by zone in double precision, four lanes each (summed after the last zone).
        var deathsYear = Vector256<double>.Zero; var newCasesYear = Vector256<double>.Zero;
        var qalysYear = Vector256<double>.Zero; var costYear = Vector256<double>.Zero;
        double coldHomeCostYear = 0;
        ComputeZoneRisks();
        bool finalYear = year == _scenario.HorizonYears - 1;
        for (int z = 0; z < zones; z++)
        {
            var walking = Vector256.Create(_zoneAllCauseRisk[Exposures.Walking * zones + z] - 1);
            var cycling = Vector256.Create(_zoneAllCauseRisk[Exposures.Cycling * zones + z] - 1);
            var pm25 = Vector256.Create(_zoneAllCauseRisk[Exposures.Pm25 * zones + z] - 1);
            var green = Vector256.Create(_zoneAllCauseRisk[Exposures.GreenSpace * zones + z] - 1);
            var cold = Vector256.Create(_zoneAllCauseRisk[Exposures.ColdHomes * zones + z] - 1);
            var multiplierCvd = Vector256.Create(_zoneIncidenceMultiplier[(int)Disease.Cardiovascular * zones + z]);
            var multiplierDiabetes = Vector256.Create(_zoneIncidenceMultiplier[(int)Disease.Type2Diabetes * zones + z]);
            var multiplierRespiratory = Vector256.Create(_zoneIncidenceMultiplier[(int)Disease.ChronicRespiratory * zones + z]);
            var multiplierMental = Vector256.Create(_zoneIncidenceMultiplier[(int)Disease.CommonMentalDisorder * zones + z]);
            int zb = z * stride;
            ref float population = ref _world.Population[zb];
            ref float cvd = ref _world.Cases[((int)Disease.Cardiovascular * zones + z) * stride];
            ref float diabetes = ref _world.Cases[((int)Disease.Type2Diabetes * zones + z) * stride];
            ref float respiratory = ref _world.Cases[((int)Disease.ChronicRespiratory * zones + z) * stride];
            ref float mental = ref _world.Cases[((int)Disease.CommonMentalDisorder * zones + z) * stride];
            ref float notGoodIntercept = ref _notGoodIntercept[zb];
            ref float startDeathRate = ref _startExposureDeathRate[zb];
            int decile = (_world.ZoneDecile[z] - 1) * stride;
            ref float decilePop = ref _decilePop[decile];
            ref float decileDeaths = ref _decileDeaths[decile];
            ref float decileGood = ref _decileGood[decile];
            // What moves up a band, rotated one lane up (lane 0 holds what leaves the top band of the vector below).
            // Births enter band 0 free of disease: they are what moves up from "below" band 0.
            var movingUp = Vector256.Create((float)(_zonePopulation[z] * h.BirthsPerPersonPerYear));
            var cvdUp = zero; var diabetesUp = zero; var respiratoryUp = zero; var mentalUp = zero;
            var zoneTotal = zero; var deaths = zero; var newCases = zero; var qalys = zero; var cost = zero;
            for (int v = 0; v < vectors; v++)
            {
                // The band's death rate: its rate at the start exposures × this year's relative risks (a product
                // in pairs, to keep the chain short), then Chiang's probability of dying in the year, q = m / (1 + m/2).
                nuint i = (nuint)(v * 8);
                var m = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref shares, Exposures.Walking * stride + i), walking, one)
                        * Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref shares, Exposures.Cycling * stride + i), cycling, one)
                    * (Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref shares, Exposures.Pm25 * stride + i), pm25, one)
                        * Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref shares, Exposures.GreenSpace * stride + i), green, one))
                    * (Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref shares, Exposures.ColdHomes * stride + i), cold, one)
                        * (Vector256.LoadUnsafe(ref startDeathRate, i) * shock));
                mortality[v] = m;
                minusDyingByVector[v] = -(m / Vector256.FusedMultiplyAdd(half, m, one));
            }
            for (nuint i = 0; i < stride; i += 8)
            {
                var m = mortality[(int)(i / 8)];
                var minusDying = minusDyingByVector[(int)(i / 8)];
                var n = Vector256.LoadUnsafe(ref population, i);
                var alive = Vector256.FusedMultiplyAdd(minusDying, n, n);
                deaths = Vector256.FusedMultiplyAdd(n, -minusDying, deaths);
                var ageingShare = Vector256.LoadUnsafe(ref ageing, i);
                // Ageing: a share 1/width of each band moves up one band; the band above receives it.
                var up = alive * ageingShare;
                var rotated = RotateUp(up);
                var next = alive - up + FromBelow(rotated, movingUp);
                movingUp = rotated;
                zoneTotal += next;
                next.StoreUnsafe(ref population, i);
                // Diseases: incidence among the disease-free survivors, remission, ageing of the cases.
                var inverse = Vector256.ConditionalSelect(Vector256.GreaterThan(n, zero), one / n, zero);
                var excessCases = zero;
                AdvanceCases(ref cvd, i, minusDying, alive, Vector256.LoadUnsafe(ref incidence, (int)Disease.Cardiovascular * stride + i) * multiplierCvd,
                    false, zero, ageingShare, excessCvd, costCvd, ref cvdUp, ref newCases, ref excessCases, ref cost);
                AdvanceCases(ref diabetes, i, minusDying, alive, Vector256.LoadUnsafe(ref incidence, (int)Disease.Type2Diabetes * stride + i) * multiplierDiabetes,
                    false, zero, ageingShare, excessDiabetes, costDiabetes, ref diabetesUp, ref newCases, ref excessCases, ref cost);
                AdvanceCases(ref respiratory, i, minusDying, alive, Vector256.LoadUnsafe(ref incidence, (int)Disease.ChronicRespiratory * stride + i) * multiplierRespiratory,
                    false, zero, ageingShare, excessRespiratory, costRespiratory, ref respiratoryUp, ref newCases, ref excessCases, ref cost);
                AdvanceCases(ref mental, i, minusDying, alive, Vector256.LoadUnsafe(ref incidence, (int)Disease.CommonMentalDisorder * stride + i) * multiplierMental,
                    true, minusRemission, ageingShare, excessMental, costMental, ref mentalUp, ref newCases, ref excessCases, ref cost);
                // Share in good health: the zone's base ill-health plus the excess of each disease's prevalence.
                var good = Vector256.MinNative(one, Vector256.MaxNative(zero,
                    one - Vector256.FusedMultiplyAdd(excessCases, inverse, Vector256.LoadUnsafe(ref notGoodIntercept, i))));
                (Vector256.LoadUnsafe(ref decilePop, i) + n).StoreUnsafe(ref decilePop, i);
                Vector256.FusedMultiplyAdd(n, m, Vector256.LoadUnsafe(ref decileDeaths, i)).StoreUnsafe(ref decileDeaths, i);
                Vector256.FusedMultiplyAdd(n, good, Vector256.LoadUnsafe(ref decileGood, i)).StoreUnsafe(ref decileGood, i);
                qalys = Vector256.FusedMultiplyAdd(n, Vector256.FusedMultiplyAdd(good, uGain, uNotGood), qalys);
                if (finalYear)
                {
                    m.StoreUnsafe(ref finalRows[0], i);
                    good.StoreUnsafe(ref finalRows[stride], i);
                }
            }
            if (finalYear)
                for (int b = 0; b < AgeBands.Count; b++) SetZoneTableRow(z, b, finalRows[b], finalRows[stride + b]);
            _zonePopulation[z] = SumInDouble(zoneTotal);
            deathsYear += Widened(deaths);
            newCasesYear += Widened(newCases);
            qalysYear += Widened(qalys);
            costYear += Widened(cost);
            coldHomeCostYear += _world.ColdHomes[z] * h.ColdHomeCostGbpPerHome;
        }
        if (finalYear) ZoneLifeTables(_zoneFinal);
        LifeTables(out double le, out double hle, out double leGap, out double hleGap);
        yearly[Series.LeYears] = le; yearly[Series.HleYears] = hle;
        yearly[Series.LeGapYears] = leGap; yearly[Series.HleGapYears] = hleGap;
        double deathsTotal = Vector256.Sum(deathsYear), costTotal = Vector256.Sum(costYear) + coldHomeCostYear;
        yearly[Series.Deaths] = deathsTotal; yearly[Series.NhsCostGbp] = costTotal;
        outcome[Outcomes.Deaths] += deathsTotal;
        outcome[Outcomes.NcdCases] += Vector256.Sum(newCasesYear);
        outcome[Outcomes.NhsCostGbp] += costTotal * Discounting.Factor(Discounting.CostRatePerYear, year);
        outcome[Outcomes.Qalys] += Vector256.Sum(qalysYear) * Discounting.Factor(Discounting.HealthRatePerYear, year);
    }

    /// <summary>
    /// One disease in eight bands of a zone for a year: counts its cases' NHS cost and extra ill-health, then new
    /// cases among the disease-free survivors (at most all of them), remission, and ageing of the cases: a share of
    /// each band's cases moves up with its people. Stores next year's cases in place.
    /// </summary>
    /// <param name="cases">The zone's cases of the disease, one band stride.</param>
    /// <param name="i">First band of the eight.</param>
    /// <param name="minusDying">Minus the bands' probabilities of dying in the year (disease does not change them).</param>
    /// <param name="alive">People who survive the year.</param>
    /// <param name="incidenceRate">The bands' incidence: national rate × the zone's multiplier.</param>
    /// <param name="remits">Whether cases of the disease remit (a constant at each call, so the JIT drops the other branch).</param>
    /// <param name="minusRemission">Minus the share of cases remitting in a year.</param>
    /// <param name="ageingShare">Share of each band moving up a band.</param>
    /// <param name="illHealthExcess">Extra share not in good health among people with the disease.</param>
    /// <param name="costPerCase">NHS treatment cost per prevalent case, £ a year.</param>
    /// <param name="movingUp">Cases moving up from the eight bands below, rotated; replaced by those moving up from these.</param>
    /// <param name="newCases">The zone's running count of new cases by lane.</param>
    /// <param name="excessCases">Running Σ excess × cases by band (divided by the band's people, the extra ill-health).</param>
    /// <param name="cost">The zone's running cost of prevalent cases by lane.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AdvanceCases(ref float cases, nuint i, Vector256<float> minusDying, Vector256<float> alive,
        Vector256<float> incidenceRate, bool remits, Vector256<float> minusRemission, Vector256<float> ageingShare,
        Vector256<float> illHealthExcess, Vector256<float> costPerCase,
        ref Vector256<float> movingUp, ref Vector256<float> newCases, ref Vector256<float> excessCases, ref Vector256<float> cost)
    {
        var c = Vector256.LoadUnsafe(ref cases, i);
        excessCases = Vector256.FusedMultiplyAdd(illHealthExcess, c, excessCases);
        cost = Vector256.FusedMultiplyAdd(c, costPerCase, cost);
        var survivingCases = Vector256.FusedMultiplyAdd(minusDying, c, c);
        var incident = Vector256.MinNative(Vector256.Create(1f), incidenceRate) * (alive - survivingCases);
        newCases += incident;
        var state = survivingCases + incident;
        if (remits) state = Vector256.FusedMultiplyAdd(minusRemission, survivingCases, state);
        var up = state * ageingShare;
        var rotated = RotateUp(up);
        (state - up + FromBelow(rotated, movingUp)).StoreUnsafe(ref cases, i);
        movingUp = rotated;
    }

    /// <summary>Lanes rotated one up: lane k holds lane k − 1, and lane 0 holds lane 7.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> RotateUp(Vector256<float> v) => Vector256.Shuffle(v, Vector256.Create(7, 0, 1, 2, 3, 4, 5, 6));

    /// <summary>
    /// What each band receives from the band below, given what moves up from these eight bands and from the eight
    /// below, both rotated (<see cref="RotateUp"/>): lanes 1–7 from this vector, lane 0 from the vector below's top lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> FromBelow(Vector256<float> rotated, Vector256<float> rotatedBelow) =>
        Avx.IsSupported ? Avx.Blend(rotated, rotatedBelow, 0b0000_0001) : Vector256.ConditionalSelect(LowestLane, rotatedBelow, rotated);

    private static readonly Vector256<float> LowestLane = Vector256.Create(-1, 0, 0, 0, 0, 0, 0, 0).AsSingle();

    /// <summary>The eight lanes in double precision, added in pairs into four (lane k + lane k + 4).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Widened(Vector256<float> v)
    {
        var (lower, upper) = Vector256.Widen(v);
        return lower + upper;
    }

    /// <summary>Sum of the eight lanes in double precision, in a fixed order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SumInDouble(Vector256<float> v) => Vector256.Sum(Widened(v));

    // Vector access to age profiles. Every span here is created with the band stride (or more), and indices
    // are multiples of 4 below the stride (or one more for the shifted buffers), so reads stay inside it;
    // the debug assertions check that, and the unchecked loads avoid a bounds check per vector.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Load(ReadOnlySpan<double> span, int index)
    {
        Debug.Assert(index >= 0 && index + 4 <= span.Length);
        return Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(span), (nuint)index);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<double> value, Span<double> span, int index)
    {
        Debug.Assert(index >= 0 && index + 4 <= span.Length);
        value.StoreUnsafe(ref MemoryMarshal.GetReference(span), (nuint)index);
    }

    // Life tables are computed four at a time (AbridgedLifeTable.ExpectanciesAtBirthYears4): table t's rates and
    // shares are lane t % 4 of block t / 4, [block * TableBlock + band * 4 + lane].
    private const int TableBlock = AgeBands.Count * AbridgedLifeTable.Lanes;

    /// <summary>Index of band <paramref name="band"/> of life table <paramref name="table"/> in a four-at-a-time buffer.</summary>
    private static int TableIndex(int table, int band) =>
        table / AbridgedLifeTable.Lanes * TableBlock + band * AbridgedLifeTable.Lanes + table % AbridgedLifeTable.Lanes;

    private void SetZoneTableRow(int z, int band, double deathRate, double goodShare)
    {
        int i = TableIndex(z, band);
        _zoneTableRates[i] = deathRate;
        _zoneTableGood[i] = goodShare;
    }

    /// <summary>Every zone's LE and HLE from the rows set by <see cref="SetZoneTableRow"/>, into [zone * 2 + (0 HLE, 1 LE)].</summary>
    private void ZoneLifeTables(Span<double> destination) =>
        FourAtATime(_zoneTableRates, _zoneTableGood, _zones, _zoneTableLe, _zoneTableHle, destination);

    /// <summary>
    /// Life tables 0 … <paramref name="tables"/> − 1 of a four-at-a-time buffer, four at a time; the unused lanes of the last block
    /// are made copies of its first table (so every lane is a valid table), and their results are not used.
    /// Writes LE and HLE of each table to <paramref name="le"/> and <paramref name="hle"/>, and, if
    /// <paramref name="pairs"/> is not empty, also to [table * 2 + (0 HLE, 1 LE)] of it.
    /// </summary>
    private static void FourAtATime(double[] rates, double[] good, int tables, double[] le, double[] hle, Span<double> pairs)
    {
        const int lanes = AbridgedLifeTable.Lanes;
        int blocks = (tables + lanes - 1) / lanes;
        int last = (blocks - 1) * lanes;
        for (int t = tables; t < last + lanes; t++)
            for (int b = 0; b < AgeBands.Count; b++)
            {
                rates[TableIndex(t, b)] = rates[TableIndex(last, b)];
                good[TableIndex(t, b)] = good[TableIndex(last, b)];
            }
        for (int block = 0; block < blocks; block++)
            AbridgedLifeTable.ExpectanciesAtBirthYears4(rates.AsSpan(block * TableBlock, TableBlock), good.AsSpan(block * TableBlock, TableBlock),
                le.AsSpan(block * lanes, lanes), hle.AsSpan(block * lanes, lanes));
        if (pairs.IsEmpty) return;
        for (int t = 0; t < tables; t++)
        {
            pairs[t * 2] = hle[t];
            pairs[t * 2 + 1] = le[t];
        }
    }

    private void ClearDecileSums()
    {
        _decilePop.AsSpan().Clear(); _decileDeaths.AsSpan().Clear(); _decileGood.AsSpan().Clear();
    }

    private void AddToDecile(int decile, int band, double people, double deathRate, double goodShare)
    {
        int i = decile * _bands + band;
        _decilePop[i] += (float)people;
        _decileDeaths[i] += (float)(people * deathRate);
        _decileGood[i] += (float)(people * goodShare);
    }

    /// <summary>
    /// Life tables of the whole world and of each populated decile; SII of LE and HLE across deciles (ONS method).
    /// The eleven tables (deciles 1–10, then the world) are computed four at a time.
    /// </summary>
    private void LifeTables(out double le, out double hle, out double leGap, out double hleGap)
    {
        const int world = ReplicationResult.Deciles;
        for (int decile = 0; decile < ReplicationResult.Deciles; decile++) DecileRates(decile, decile, decile);
        DecileRates(0, ReplicationResult.Deciles - 1, world);
        FourAtATime(_groupTableRates, _groupTableGood, world + 1, _groupTableLe, _groupTableHle, []);
        int groups = 0;
        for (int decile = 0; decile < ReplicationResult.Deciles; decile++)
        {
            double pop = 0;
            for (int b = 0; b < AgeBands.Count; b++) pop += _decilePop[decile * _bands + b];
            _decileHle[decile] = double.NaN;
            if (pop <= 0) continue;
            _groupValue[groups] = _groupTableLe[decile];
            _groupValue2[groups] = _groupTableHle[decile];
            _decileHle[decile] = _groupTableHle[decile];
            _groupPop[groups] = pop;
            groups++;
        }
        (le, hle) = (_groupTableLe[world], _groupTableHle[world]);
        leGap = groups > 1 ? SlopeIndexOfInequality.Compute(_groupValue.AsSpan(0, groups), _groupPop.AsSpan(0, groups)) : 0;
        hleGap = groups > 1 ? SlopeIndexOfInequality.Compute(_groupValue2.AsSpan(0, groups), _groupPop.AsSpan(0, groups)) : 0;
    }

    /// <summary>Death rates and shares in good health of deciles <paramref name="fromDecile"/>–<paramref name="toDecile"/> together, as life table <paramref name="table"/>.</summary>
    private void DecileRates(int fromDecile, int toDecile, int table)
    {
        for (int b = 0; b < AgeBands.Count; b++)
        {
            double pop = 0, deaths = 0, good = 0;
            for (int d = fromDecile; d <= toDecile; d++)
            {
                int i = d * _bands + b;
                pop += _decilePop[i]; deaths += _decileDeaths[i]; good += _decileGood[i];
            }
            _groupTableRates[TableIndex(table, b)] = pop > 0 ? deaths / pop : EnglandReference.DeathRatePerPersonYear[b];
            _groupTableGood[TableIndex(table, b)] = pop > 0 ? good / pop : EnglandReference.ShareInGoodHealth[b];
        }
    }
}
