using System.Runtime.Intrinsics;
using UrbanSim.Core.Numerics;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Health;

/// <summary>
/// The health model's per-replication set-up (<see cref="Prepare"/>) and the start-year baseline
/// (<see cref="MeasureBaseline"/>), the same for every variant.
/// </summary>
internal static class HealthSetup
{
    /// <summary>
    /// Fills <paramref name="c"/> from the start-year world: each disease's national steady-state incidence (§7.18);
    /// each zone's own steady-state incidence (its start prevalence kept steady at its death rates); the relative risks at its start exposures (by the same compiled functions
    /// and the same path, eight zones at a time, as later years' risks); its death rates with the start exposures'
    /// risks taken out; and its start-year share not in good health, split into a base and a disease part.
    /// </summary>
    public static void Prepare(WorldState start, HealthParameters h, in CompiledExposureResponse risks, HealthConstants c)
    {
        const int stride = AgeBands.Stride;
        int zones = start.ZoneCount;
        for (int d = 0; d < DiseaseCatalogue.Count; d++)
            DiseaseDynamics.SteadyStateIncidence(DiseaseCatalogue.All[d].Prevalence.AsSpan(), DiseaseBaseline.PopulationShare,
                EnglandReference.DeathRatePerPersonYear, DiseaseCatalogue.All[d].RemissionPerYear(h), c.NationalIncidence.AsSpan(d * stride, AgeBands.Count));
        for (int i = 0; i < c.IncidenceLanes.Length; i++) c.IncidenceLanes[i] = (float)c.NationalIncidence[i];
        Array.Clear(c.AdultIncidenceDouble);
        for (int d = 0; d < DiseaseCatalogue.Count; d++)
            for (int b = AgeBands.BandOfAge(20); b < AgeBands.Count; b++) c.AdultIncidenceDouble[d * stride + b] = c.NationalIncidence[d * stride + b];
        StartRisks(start, risks, c);
        start.Health.Population.AsSpan(0, zones * stride).CopyTo(c.StandardPeople);
        Span<double> excess = stackalloc double[DiseaseCatalogue.Count];
        for (int d = 0; d < DiseaseCatalogue.Count; d++) excess[d] = DiseaseCatalogue.All[d].IllHealthExcess;
        Span<double> share = stackalloc double[AgeBands.Count], deathRate = stackalloc double[AgeBands.Count];
        Span<double> prevalenceByDisease = stackalloc double[DiseaseCatalogue.Count];
        Span<Vector256<double>> prevalence4 = stackalloc Vector256<double>[AgeBands.Count], incidence4 = stackalloc Vector256<double>[AgeBands.Count];
        var remission4 = Vector256.Create(DiseaseCatalogue.All[0].RemissionPerYear(h), DiseaseCatalogue.All[1].RemissionPerYear(h),
            DiseaseCatalogue.All[2].RemissionPerYear(h), DiseaseCatalogue.All[3].RemissionPerYear(h));
        for (int z = 0; z < zones; z++)
        {
            double zonePeople = 0;
            for (int b = 0; b < AgeBands.Count; b++) zonePeople += start.Health.Population[z * stride + b];
            for (int b = 0; b < AgeBands.Count; b++)
            {
                share[b] = zonePeople > 0 ? start.Health.Population[z * stride + b] / zonePeople : DiseaseBaseline.PopulationShare[b];
                deathRate[b] = EnglandReference.DeathRatePerPersonYear[b] * start.Zones.MortalityMultiplier[z];
            }
            // The four diseases' steady-state incidence at once, one per lane.
            for (int b = 0; b < AgeBands.Count; b++)
            {
                double n = start.Health.Population[z * stride + b];
                // An empty band (a small zone: a student area with no one over 85) takes England's prevalence,
                // so the people who age into it later meet a sensible incidence.
                for (int d = 0; d < DiseaseCatalogue.Count; d++)
                    prevalenceByDisease[d] = n > 0 ? start.Health.Cases[(d * zones + z) * stride + b] / n : DiseaseCatalogue.All[d].Prevalence[b];
                prevalence4[b] = Vector256.Create(prevalenceByDisease[0], prevalenceByDisease[1], prevalenceByDisease[2], prevalenceByDisease[3]);
            }
            DiseaseDynamics.SteadyStateIncidence4(prevalence4, share, deathRate, remission4, incidence4);
            for (int d = 0; d < DiseaseCatalogue.Count; d++)
                for (int b = 0; b < AgeBands.Count; b++) c.ZoneIncidence[(d * zones + z) * stride + b] = (float)incidence4[b].GetElement(d);
            for (int b = 0; b < AgeBands.Count; b++)
            {
                double denominator = 1;
                for (int e = 0; e < ExposureCatalogue.Count; e++)
                    denominator *= 1 + HealthConstants.BandExposureShare[e * stride + b] * (c.StartRelativeRisk[z * ExposureCatalogue.Count + e] - 1);
                c.StartExposureDeathRate[z * stride + b] = (float)(EnglandReference.DeathRatePerPersonYear[b] * start.Zones.MortalityMultiplier[z] / denominator);
                double odds = HealthConstants.IllHealthOdds[b] * start.Zones.IllHealthOddsMultiplier[z];
                c.BaseNotGood[z * stride + b] = odds / (1 + odds);
                // Ill health in a later year is base + Σ excess × (prevalence − start prevalence); fold the start part in.
                double people = start.Health.Population[z * stride + b];
                double excessCases = 0;
                for (int d = 0; d < DiseaseCatalogue.Count; d++) excessCases += excess[d] * start.Health.Cases[(d * zones + z) * stride + b];
                c.NotGoodIntercept[z * stride + b] = (float)(c.BaseNotGood[z * stride + b] - (people > 0 ? excessCases / people : 0));
            }
        }
    }

    /// <summary>Each zone's all-cause relative risks and inverse incidence relative risks at its start exposures.</summary>
    private static void StartRisks(WorldState world, in CompiledExposureResponse risks, HealthConstants c)
    {
        const int diseases = DiseaseCatalogue.Count, exposures = ExposureCatalogue.Count;
        int zones = world.ZoneCount;
        var start = world.Exposures.Start.AsSpan();
        int z = 0;
        if (risks.SupportsVectors)
        {
            Span<Vector256<float>> allCause = stackalloc Vector256<float>[exposures];
            Span<Vector256<float>> disease = stackalloc Vector256<float>[diseases];
            var one = Vector256.Create(1f);
            for (; z + 8 <= zones; z += 8)
            {
                risks.Evaluate8(Lanes.Narrow8(start, (int)Exposure.Walking * zones + z), Lanes.Narrow8(start, (int)Exposure.Cycling * zones + z),
                    Lanes.Narrow8(start, (int)Exposure.Pm25 * zones + z), Lanes.Narrow8(start, (int)Exposure.GreenSpace * zones + z),
                    Lanes.Narrow8(start, (int)Exposure.ColdHomes * zones + z), Lanes.Narrow8(start, (int)Exposure.No2 * zones + z), allCause, disease);
                for (int e = 0; e < exposures; e++)
                    for (int k = 0; k < 8; k++) c.StartRelativeRisk[(z + k) * exposures + e] = allCause[e][k];
                for (int d = 0; d < diseases; d++) (one / disease[d]).StoreUnsafe(ref c.InverseStartDiseaseRisk[d * zones + z]);
            }
        }
        Span<double> diseaseOne = stackalloc double[diseases];
        for (; z < zones; z++)
        {
            var allCause = c.StartRelativeRisk.AsSpan(z * exposures, exposures);
            risks.Evaluate(world.Exposures.StartLevelsOf(z), allCause, diseaseOne);
            for (int e = 0; e < exposures; e++) allCause[e] = (float)allCause[e];
            for (int d = 0; d < diseases; d++) c.InverseStartDiseaseRisk[d * zones + z] = (float)(1 / (float)diseaseOne[d]);
        }
    }

    /// <summary>
    /// Start-year health of the replication's world: LE, HLE, their SIIs and the NCD share of deaths into
    /// <paramref name="result"/>'s baseline, the start-year HLE by decile, and each zone's start LE and HLE.
    /// </summary>
    public static void MeasureBaseline(WorldState start, HealthConstants c, PopulationLifeTables tables, ReplicationResult result)
    {
        const int stride = AgeBands.Stride;
        tables.ClearDeciles();
        double deaths = 0, ncdDeaths = 0;
        for (int z = 0; z < start.ZoneCount; z++)
        {
            int decile = start.Zones.Decile[z] - 1;
            for (int b = 0; b < AgeBands.Count; b++)
            {
                double n = start.Health.Population[z * stride + b];
                double m = EnglandReference.DeathRatePerPersonYear[b] * start.Zones.MortalityMultiplier[z];
                double good = 1 - c.BaseNotGood[z * stride + b];
                tables.AddToDecile(decile, b, n, m, good);
                tables.SetZoneRow(z, b, m, good);
                double died = n * Math.Min(1, m / (1 + 0.5 * m));   // q is at most 1, however high the rate
                deaths += died;
                ncdDeaths += died * EnglandReference.NcdShareOfDeaths[b];
            }
        }
        if (result.Zones == start.ZoneCount) tables.ZoneTables(result.ZoneBaseline);
        tables.Compute(out double le, out double hle, out double leGap, out double hleGap);
        tables.DecileHleYears.CopyTo(result.BaselineDecileHleYears, 0);
        result.BaselineValues[Baseline.LeYears] = le;
        result.BaselineValues[Baseline.HleYears] = hle;
        result.BaselineValues[Baseline.LeGapYears] = leGap;
        result.BaselineValues[Baseline.HleGapYears] = hleGap;
        result.BaselineValues[Baseline.NcdDeathShare] = deaths > 0 ? ncdDeaths / deaths : 0;
    }
}
