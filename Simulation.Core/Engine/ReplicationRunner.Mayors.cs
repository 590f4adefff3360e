using System.Runtime.Intrinsics;
using UrbanSim.Core.Agents;
using UrbanSim.Core.Health;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Engine;

public sealed partial class ReplicationRunner
{
    /// <summary>Health values a mayor appraises per region: five exposures and the prevention programme.</summary>
    private const int HealthLevers = 6;
    private const int PreventionLever = 5;
    /// <summary>Zone programme slots in WorldState.ProgrammeSpendPerHeadGbp.</summary>
    private const int ZoneActiveTravel = 0, ZoneCleanAir = 1, ZoneGreenSpace = 2, ZonePrevention = 3;
    /// <summary>Whether the region being allocated has a zone that can receive zonal programme spend.</summary>
    private bool _spreadPossible;

    /// <summary>
    /// The mayor's health appraisal of each programme at the start of a term, with the same public
    /// <see cref="HealthAppraisal"/> a user calls: £ of QALYs per year per resident for a unit change of
    /// each exposure, and for a unit (100%) reduction in CVD and diabetes incidence.
    /// </summary>
    private void AppraiseProgrammes(int region)
    {
        double people = 0;
        double walk = 0, cycle = 0, pm = 0, green = 0, cold = 0;
        // Adults (20+: the ages the all-cause exposure–responses apply to), their deaths and new CVD and diabetes
        // cases: the adult rows below are zero for children and the padding bands.
        double adults = 0, adultDeaths = 0, cvdCases = 0, diabetesCases = 0;
        foreach (int z in ZonesOf(region))
        {
            double pop = _zonePopulation[z];
            people += pop;
            walk += pop * _world.WalkingMinutesPerWeek[z]; cycle += pop * _world.CyclingMinutesPerWeek[z];
            pm += pop * _world.Pm25MicrogramsPerM3[z]; green += pop * _world.GreenSpaceNdvi[z]; cold += pop * _world.ColdHomeShare[z];
            // The zone's adults, expected deaths and new CVD and diabetes cases, eight bands at a time.
            ref float ageProfile = ref _world.Population[z * _bands];
            var adultsByLane = Vector256<float>.Zero;
            var deathsByLane = Vector256<float>.Zero;
            var cvdByLane = Vector256<float>.Zero;
            var diabetesByLane = Vector256<float>.Zero;
            for (nuint i = 0; i < WorldState.BandStride; i += 8)
            {
                var n = Vector256.LoadUnsafe(ref ageProfile, i);
                adultsByLane += n * Vector256.LoadUnsafe(ref AdultBand[0], i);
                deathsByLane += n * Vector256.LoadUnsafe(ref AdultDeathRate[0], i);
                cvdByLane += n * Vector256.LoadUnsafe(ref _adultIncidence[0], i);
                diabetesByLane += n * Vector256.LoadUnsafe(ref _adultIncidence[0], WorldState.BandStride + i);
            }
            adults += SumInDouble(adultsByLane);
            adultDeaths += SumInDouble(deathsByLane) * _world.ZoneMortalityMultiplier[z];
            cvdCases += SumInDouble(cvdByLane);
            diabetesCases += SumInDouble(diabetesByLane);
        }
        int o = region * HealthLevers;
        if (people <= 0 || adults <= 0) { Array.Clear(_healthValuePerUnit, o, HealthLevers); return; }
        var population = new AppraisalPopulation(adults, 20, 99, 100_000 * adultDeaths / adults);
        var before = new ExposureLevels(walk / people, cycle / people, pm / people, green / people, cold / people);
        // One appraisal of a small step in every exposure; its per-exposure rows give each exposure's value alone.
        const double step = 0.01;
        var after = new ExposureLevels(before.WalkingMinutesPerWeek + step, before.CyclingMinutesPerWeek + step,
            Math.Max(0, before.Pm25MicrogramsPerM3 - step), before.GreenSpaceNdvi + step, Math.Max(0, before.ColdHomeShare - step));
        var appraisal = HealthAppraisal.Appraise(population, before, after, _rr);
        _healthValuePerUnit[o + Exposures.Walking] = appraisal.Walking.QalyValueGbpPerYear / step / people;
        _healthValuePerUnit[o + Exposures.Cycling] = appraisal.Cycling.QalyValueGbpPerYear / step / people;
        _healthValuePerUnit[o + Exposures.Pm25] = appraisal.Pm25.QalyValueGbpPerYear / step / people;
        _healthValuePerUnit[o + Exposures.GreenSpace] = appraisal.GreenSpace.QalyValueGbpPerYear / step / people;
        _healthValuePerUnit[o + Exposures.ColdHomes] = appraisal.ColdHomes.QalyValueGbpPerYear / step / people;
        // Prevention: cases avoided per year × about 5 years each would have spent in worse health (undiscounted).
        var h = _p.Health;
        double utilityLoss = h.UtilityInGoodHealth - h.UtilityNotInGoodHealth;
        double qalysPerCase = 5 * utilityLoss;
        _healthValuePerUnit[o + PreventionLever] = Discounting.QalyValueGbp * qalysPerCase *
            (cvdCases * DiseaseBaseline.IllHealthExcess(Disease.Cardiovascular) + diabetesCases * DiseaseBaseline.IllHealthExcess(Disease.Type2Diabetes)) / people;
    }

    /// <summary>1 for the adult bands (20+) the mayor's appraisal counts, 0 for children and the padding bands.</summary>
    private static readonly float[] AdultBand = BuildAdultRow(static _ => 1);

    /// <summary>England's death rates in the adult bands, 0 elsewhere.</summary>
    private static readonly float[] AdultDeathRate = BuildAdultRow(static b => EnglandReference.DeathRatePerPersonYear[b]);

    /// <summary>This replication's national CVD (row 0) and type 2 diabetes (row 1) incidence in the adult bands, 0 elsewhere.</summary>
    private readonly float[] _adultIncidence = new float[2 * WorldState.BandStride];

    private static float[] BuildAdultRow(Func<int, double> value)
    {
        var row = new float[WorldState.BandStride];
        for (int b = AgeBands.BandOfAge(20); b < AgeBands.Count; b++) row[b] = (float)value(b);
        return row;
    }

    /// <summary>Fills <see cref="_adultIncidence"/> from this replication's national incidence.</summary>
    private void SetAdultIncidence()
    {
        Array.Clear(_adultIncidence);
        for (int b = AgeBands.BandOfAge(20); b < AgeBands.Count; b++)
        {
            _adultIncidence[b] = _incidenceLanes[(int)Disease.Cardiovascular * _bands + b];
            _adultIncidence[WorldState.BandStride + b] = _incidenceLanes[(int)Disease.Type2Diabetes * _bands + b];
        }
    }

    /// <summary>
    /// Sets each zone's targeting weight per resident from its mayor's commitment (see
    /// <see cref="Mayors.TargetingWeight"/>); recomputed when a mayor changes.
    /// </summary>
    private void SetTargeting(int region)
    {
        foreach (int z in ZonesOf(region))
            _zoneEquityWeight[z] = Mayors.TargetingWeight(1, DiseaseBaseline.DeprivationScore(_world.ZoneDecile[z]), _commitment[region]);
    }

    /// <summary>
    /// Steps 3–4: each mayor splits the money the settlement lets them spend this year across programmes by
    /// perceived benefit per £, and the programmes are delivered in the region's zones. The ICB pools part
    /// of its prevention budget (and, under health devolution, a share of its allocation) with the mayor.
    /// The ICB's routine prevention is already reflected in start-year incidence, so only money the mayor
    /// spends changes exposures or incidence; what pooled money would otherwise have done is not modelled.
    /// </summary>
    private void AllocateAndSpend(int year, Span<double> outcome, Span<double> yearly)
    {
        var f = _p.Funding;
        var icb = _p.Icb;
        var pp = _p.Programmes;
        bool tied = _levers.Settlement == SettlementKind.TiedGrants;
        bool devolved = _levers.Settlement == SettlementKind.HealthDevolution;
        double annuity = 0;
        for (int k = 0; k < pp.AppraisalYears; k++) annuity += Discounting.Factor(Discounting.HealthRatePerYear, k);
        FindSitesNeedingRemediation();
        for (int r = 0; r < _regions; r++)
        {
            double pop = _regionPopulation[r];
            if (pop <= 0) continue;
            double allocation = icb.AllocationGbpPerHead * pop;
            double pooled = Icbs.PooledWithMayorGbp(allocation, icb.PreventionShare, _levers.IcbPartnership,
                icb.PartnershipPoolingThreshold, icb.PartnershipPooledPreventionShare, devolved, _levers.IcbPooledShare);
            _ledger.PaidToMayorsGbp += pooled;
            double flexible = pooled;
            for (int t = 0; t < Programmes.ThemeCount; t++)
                _themeMoney[t] = tied ? f.TiedSpendRatePerYear * _tied.BalanceGbp(r, (Theme)t) : f.SinglePotSpendRatePerYear * _single.ThemeGbp(r, (Theme)t);
            double singleFlexible = tied ? 0 : f.SinglePotSpendRatePerYear * _single.FlexibleGbp(r);
            flexible += singleFlexible;

            SetPerceivedBenefits(r, pop, annuity, tied);
            _spreadPossible = SetSpreadPerResident(r);
            Mayors.AllocateByBenefitPerPound(_themeMoney, flexible, _benefit, _saturation, _cap, _spend, _spendFromTheme);

            double fromFlexibleTotal = 0;
            for (int p = 0; p < Programmes.Count; p++)
            {
                double planned = _spend[p];
                if (planned <= 0) continue;
                double actual = Deliver(r, (Programme)p, planned, year);
                double fromTheme = _spendFromTheme[p] * actual / planned;
                if (fromTheme > 0)
                {
                    if (tied) _tied.Spend(r, Programmes.ThemeOf((Programme)p), fromTheme);
                    else _single.SpendTheme(r, Programmes.ThemeOf((Programme)p), fromTheme);
                }
                fromFlexibleTotal += actual - fromTheme;
                _ledger.ProgrammeSpendGbp += actual;
                _spentThisTerm[r] += actual;
                outcome[Outcomes.FirstProgrammeSpend + p] += actual;
                outcome[Outcomes.PublicSpendGbp] += actual;
                yearly[Series.FirstProgrammeSpend + p] += actual;
                yearly[Series.PublicSpendGbp] += actual;
            }
            // Pooled ICB money is used first; what the mayor could not use goes back to the ICB.
            double pooledUsed = Math.Clamp(fromFlexibleTotal, 0, pooled);
            _ledger.PooledReturnedGbp += pooled - pooledUsed;
            outcome[Outcomes.IcbPooledGbp] += pooledUsed;
            double fromPot = fromFlexibleTotal - pooledUsed;
            if (fromPot > 0) _single.SpendFlexible(r, Math.Min(fromPot, _single.FlexibleGbp(r)));

        }
    }

    /// <summary>Perceived marginal benefit per £, saturation and cap of each programme in a region this year.</summary>
    private void SetPerceivedBenefits(int r, double pop, double annuity, bool tied)
    {
        var pp = _p.Programmes;
        int o = r * HealthLevers;
        double c = _commitment[r], a = _analytical[r];
        // Population-weighted cumulative spend per head already in place: marginal effects saturate.
        double cumAt = 0, cumCa = 0, cumGs = 0, cumJp = 0, coldHomes = 0, dwellings = 0;
        foreach (int z in ZonesOf(r))
        {
            double people = _zonePopulation[z];
            dwellings += _world.Dwellings[z];
            cumAt += people * _world.ProgrammeSpendPerHeadGbp[ZoneActiveTravel * _zones + z];
            cumCa += people * _world.ProgrammeSpendPerHeadGbp[ZoneCleanAir * _zones + z];
            cumGs += people * _world.ProgrammeSpendPerHeadGbp[ZoneGreenSpace * _zones + z];
            cumJp += people * _world.ProgrammeSpendPerHeadGbp[ZonePrevention * _zones + z];
            coldHomes += _world.ColdHomes[z];
        }
        cumAt /= pop; cumCa /= pop; cumGs /= pop; cumJp /= pop;
        double walkSlope = pp.ActiveTravelMaxWalkingMinutesPerWeek / pp.ActiveTravelScaleGbpPerHead * Math.Exp(-cumAt / pp.ActiveTravelScaleGbpPerHead);
        double cycleSlope = pp.ActiveTravelMaxCyclingMinutesPerWeek / pp.ActiveTravelScaleGbpPerHead * Math.Exp(-cumAt / pp.ActiveTravelScaleGbpPerHead);
        double pmSlope = pp.CleanAirMaxPm25ReductionMicrogramsPerM3 / pp.CleanAirScaleGbpPerHead * Math.Exp(-cumCa / pp.CleanAirScaleGbpPerHead);
        double greenSlope = pp.GreenSpaceMaxNdviGain / pp.GreenSpaceScaleGbpPerHead * Math.Exp(-cumGs / pp.GreenSpaceScaleGbpPerHead);
        double preventionSlope = pp.PreventionMaxIncidenceReduction / pp.PreventionScaleGbpPerHead * Math.Exp(-cumJp / pp.PreventionScaleGbpPerHead);
        double coldSlopePerGbp = dwellings > 0 ? 1 / (pp.WarmHomesCostGbpPerHome * dwellings) : 0; // share of homes per £

        Span<double> health = stackalloc double[Programmes.Count];
        health[(int)Programme.ActiveTravel] = (walkSlope * _healthValuePerUnit[o + Exposures.Walking] + cycleSlope * _healthValuePerUnit[o + Exposures.Cycling]) * annuity;
        health[(int)Programme.CleanAir] = pmSlope * _healthValuePerUnit[o + Exposures.Pm25] * annuity;
        health[(int)Programme.GreenSpace] = greenSlope * _healthValuePerUnit[o + Exposures.GreenSpace] * annuity;
        health[(int)Programme.WarmHomes] = coldSlopePerGbp * pop * _healthValuePerUnit[o + Exposures.ColdHomes] * annuity;
        health[(int)Programme.JointPrevention] = preventionSlope * _healthValuePerUnit[o + PreventionLever] * annuity;
        health[(int)Programme.SiteAssembly] = 0;
        health[(int)Programme.Capacity] = 0;

        _benefit[(int)Programme.ActiveTravel] = Mayors.PerceivedBenefitPerGbp(pp.ActiveTravelOtherBenefitPerGbp, health[0], c, a);
        _benefit[(int)Programme.CleanAir] = Mayors.PerceivedBenefitPerGbp(pp.CleanAirOtherBenefitPerGbp, health[1], c, a);
        _benefit[(int)Programme.WarmHomes] = Mayors.PerceivedBenefitPerGbp(pp.WarmHomesOtherBenefitPerGbp, health[2], c, a);
        _benefit[(int)Programme.SiteAssembly] = Mayors.PerceivedBenefitPerGbp(pp.SiteAssemblyOtherBenefitPerGbp, 0, c, a);
        _benefit[(int)Programme.GreenSpace] = Mayors.PerceivedBenefitPerGbp(pp.GreenSpaceOtherBenefitPerGbp, health[4], c, a);
        // Capacity raises bid success (tied grants) and analytical capacity; under a single pot only the latter.
        _benefit[(int)Programme.Capacity] = Mayors.PerceivedBenefitPerGbp(pp.CapacityOtherBenefitPerGbp * (tied ? 1 : 0.5) * (1 - _capacity[r]), 0, c, a);
        _benefit[(int)Programme.JointPrevention] = Mayors.PerceivedBenefitPerGbp(pp.JointPreventionOtherBenefitPerGbp, health[6], c, a);

        _saturation[(int)Programme.ActiveTravel] = pp.ActiveTravelScaleGbpPerHead * pop;
        _saturation[(int)Programme.CleanAir] = pp.CleanAirScaleGbpPerHead * pop;
        _saturation[(int)Programme.GreenSpace] = pp.GreenSpaceScaleGbpPerHead * pop;
        _saturation[(int)Programme.JointPrevention] = pp.PreventionScaleGbpPerHead * pop;
        _saturation[(int)Programme.Capacity] = pp.CapacityScaleGbpPerHead * pop;
        _saturation[(int)Programme.WarmHomes] = double.PositiveInfinity;
        _saturation[(int)Programme.SiteAssembly] = double.PositiveInfinity;
        for (int p = 0; p < Programmes.Count; p++) _cap[p] = double.PositiveInfinity;
        _cap[(int)Programme.WarmHomes] = coldHomes * pp.WarmHomesCostGbpPerHome;
        _cap[(int)Programme.SiteAssembly] = _remediationNeedGbp[r];
    }

    /// <summary>Delivers a programme in a region's zones; returns what was actually spent.</summary>
    private double Deliver(int r, Programme programme, double amountGbp, int year)
    {
        var pp = _p.Programmes;
        switch (programme)
        {
            case Programme.ActiveTravel: return SpreadAcrossZones(r, ZoneActiveTravel, amountGbp, year + pp.ActiveTravelLagYears);
            case Programme.CleanAir: return SpreadAcrossZones(r, ZoneCleanAir, amountGbp, year + pp.CleanAirLagYears);
            case Programme.GreenSpace: return SpreadAcrossZones(r, ZoneGreenSpace, amountGbp, year + pp.GreenSpaceLagYears);
            case Programme.JointPrevention: return SpreadAcrossZones(r, ZonePrevention, amountGbp, year + 1);
            case Programme.WarmHomes: return RetrofitColdHomes(r, amountGbp);
            case Programme.SiteAssembly: return AssembleSites(r, amountGbp);
            case Programme.Capacity:
            {
                double gain = 1 - Math.Exp(-amountGbp / _regionPopulation[r] / pp.CapacityScaleGbpPerHead);
                _capacity[r] += (1 - _capacity[r]) * gain;
                _analytical[r] += (1 - _analytical[r]) * 0.5 * gain;
                return amountGbp;
            }
            default: throw new ArgumentOutOfRangeException(nameof(programme));
        }
    }

    /// <summary>
    /// Sets each zone's share of a region's zonal programme spend, per resident: the zone gets
    /// population × targeting weight / Σ (population × targeting weight) of the money, so per resident
    /// that is targeting weight / Σ. Returns false when no zone of the region can receive money.
    /// </summary>
    private bool SetSpreadPerResident(int r)
    {
        double total = 0;
        foreach (int z in ZonesOf(r)) total += _zonePopulation[z] * _zoneEquityWeight[z];
        foreach (int z in ZonesOf(r))
            _zoneSpreadPerResident[z] = total > 0 && _zonePopulation[z] > 0 && _zoneEquityWeight[z] > 0 ? _zoneEquityWeight[z] / total : 0;
        return total > 0;
    }

    /// <summary>Queues a zonal programme's spend in the region's zones (shares from <see cref="SetSpreadPerResident"/>) for its effective year.</summary>
    private double SpreadAcrossZones(int r, int zoneProgramme, double amountGbp, int effectiveYear)
    {
        if (!_spreadPossible) return 0;
        int slot = effectiveYear % (WorldState.MaxLagYears + 1);
        var pending = _world.PendingProgrammeSpendPerHeadGbp.AsSpan((slot * WorldState.ZoneProgrammeCount + zoneProgramme) * _zones, _zones);
        foreach (int z in ZonesOf(r)) pending[z] += amountGbp * _zoneSpreadPerResident[z];
        return amountGbp;
    }

    private double RetrofitColdHomes(int r, double amountGbp)
    {
        double cost = _p.Programmes.WarmHomesCostGbpPerHome;
        double total = 0;
        foreach (int z in ZonesOf(r))
        {
            _zoneWeight[z] = _world.ColdHomes[z] * _zoneEquityWeight[z];
            total += _zoneWeight[z];
        }
        if (total <= 0) return 0;
        double spent = 0;
        foreach (int z in ZonesOf(r))
        {
            if (_zoneWeight[z] <= 0) continue;
            double homes = Math.Min(_world.ColdHomes[z], amountGbp * _zoneWeight[z] / total / cost);
            _world.ColdHomes[z] -= homes;
            spent += homes * cost;
        }
        return spent;
    }
}
