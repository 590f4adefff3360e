using System.Runtime.Intrinsics;
using UrbanSim.Core.Health;
using UrbanSim.Core.Numerics;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Mayors;

/// <summary>
/// The full health appraisal of the programmes at the start of a term, HAUS-like, for each region: for a unit
/// improvement of each exposure and for a full cut in each disease's incidence, the QALYs of deaths prevented (with the
/// same public <see cref="HealthAppraisal"/> a user calls), the QALYs of ill health prevented (new cases avoided × the
/// years a case lasts × its extra ill health), and the NHS costs saved (cases avoided × years × cost a year), all
/// £ a year per resident. What a mayor makes of it depends on analytical capacity (<see cref="MayorKnowledge"/>).
/// </summary>
internal static class Appraisal
{
    /// <summary>Size of the exposure step the appraisal values (in each exposure's unit); values are per unit.</summary>
    private const double Step = 0.01;

    /// <summary>Age at which a prevented death is valued (the appraised adults' mean age, as the HEAT-style appraisal takes it).</summary>
    private const double AgeOfDeathPrevented = 60;

    /// <summary>
    /// Appraises region <paramref name="region"/>'s programmes into <paramref name="mayors"/>: its adults' (20+) deaths and
    /// new cases are summed four bands at a time in double precision (the people widened from the single-precision zone
    /// state), from the double-precision national rates, so the sums differ from the reference's only in their order.
    /// See <see cref="AppraiseRegionReference"/> for the plain version.
    /// </summary>
    public static void AppraiseRegion(int region, WorldState world, HealthConstants health, in ExposureResponseParameters risks,
        HealthParameters h, MayorState mayors)
    {
        Span<double> exposureSums = stackalloc double[ExposureCatalogue.Count];
        Span<double> newCases = stackalloc double[DiseaseCatalogue.Count];
        double people = 0, adults = 0, adultDeaths = 0, dwellings = 0;
        var exposures = world.Exposures;
        int zones = world.ZoneCount;
        var adultBand = AdultBandDouble;
        var deathRate = AdultDeathRateDouble;
        Span<Vector256<double>> casesByLane = stackalloc Vector256<double>[DiseaseCatalogue.Count];
        foreach (int z in world.Regions.ZonesOf(region))
        {
            double pop = world.Health.ZoneTotal[z];
            people += pop;
            dwellings += world.Homes.Dwellings[z];
            for (int e = 0; e < ExposureCatalogue.Count; e++) exposureSums[e] += pop * exposures.Level[e * zones + z];
            ref float ageProfile = ref world.Health.Population[z * AgeBands.Stride];
            var adultsByLane = Vector256<double>.Zero;
            var deathsByLane = Vector256<double>.Zero;
            casesByLane.Clear();
            for (nuint i = 0; i < AgeBands.Stride; i += 8)
            {
                var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref ageProfile, i));
                int at = (int)i;
                adultsByLane += low * Lanes.Load(adultBand, at) + high * Lanes.Load(adultBand, at + 4);
                deathsByLane += low * Lanes.Load(deathRate, at) + high * Lanes.Load(deathRate, at + 4);
                for (int d = 0; d < DiseaseCatalogue.Count; d++)
                {
                    var incidence = health.AdultIncidenceDouble.AsSpan(d * AgeBands.Stride);
                    casesByLane[d] += low * Lanes.Load(incidence, at) + high * Lanes.Load(incidence, at + 4);
                }
            }
            adults += Vector256.Sum(adultsByLane);
            adultDeaths += Vector256.Sum(deathsByLane) * world.Zones.MortalityMultiplier[z];
            for (int d = 0; d < DiseaseCatalogue.Count; d++) newCases[d] += Vector256.Sum(casesByLane[d]);
        }
        Finish(region, people, adults, adultDeaths, dwellings, exposureSums, newCases, health, risks, h, mayors);
    }

    /// <summary>1 for the adult bands, in double precision (stride long).</summary>
    private static readonly double[] AdultBandDouble = [.. HealthConstants.AdultBand.Select(x => (double)x)];

    /// <summary>England's adult death rates in double precision (stride long, 0 outside the adult bands).</summary>
    private static readonly double[] AdultDeathRateDouble = BuildAdultDeathRate();

    private static double[] BuildAdultDeathRate()
    {
        var rates = new double[AgeBands.Stride];
        for (int b = AgeBands.BandOfAge(20); b < AgeBands.Count; b++) rates[b] = EnglandReference.DeathRatePerPersonYear[b];
        return rates;
    }

    /// <summary>
    /// The plain reference of <see cref="AppraiseRegion"/>: the same appraisal with every sum taken band by band in
    /// double precision from the double-precision national incidence.
    /// </summary>
    public static void AppraiseRegionReference(int region, WorldState world, HealthConstants health, in ExposureResponseParameters risks,
        HealthParameters h, MayorState mayors)
    {
        Span<double> exposureSums = stackalloc double[ExposureCatalogue.Count];
        Span<double> newCases = stackalloc double[DiseaseCatalogue.Count];
        double people = 0, adults = 0, adultDeaths = 0, dwellings = 0;
        int zones = world.ZoneCount, firstAdult = AgeBands.BandOfAge(20);
        foreach (int z in world.Regions.ZonesOf(region))
        {
            double pop = world.Health.ZoneTotal[z];
            people += pop;
            dwellings += world.Homes.Dwellings[z];
            for (int e = 0; e < ExposureCatalogue.Count; e++) exposureSums[e] += pop * world.Exposures.Level[e * zones + z];
            for (int b = firstAdult; b < AgeBands.Count; b++)
            {
                double n = world.Health.Population[z * AgeBands.Stride + b];
                adults += n;
                adultDeaths += n * EnglandReference.DeathRatePerPersonYear[b] * world.Zones.MortalityMultiplier[z];
                for (int d = 0; d < DiseaseCatalogue.Count; d++) newCases[d] += n * health.NationalIncidence[d * AgeBands.Stride + b];
            }
        }
        Finish(region, people, adults, adultDeaths, dwellings, exposureSums, newCases, health, risks, h, mayors);
    }

    /// <summary>
    /// From the region's sums: one appraisal of a small improvement of every exposure for deaths, the incidence each
    /// exposure's step avoids for ill health and NHS costs, and the same three parts for a full cut in each disease.
    /// </summary>
    private static void Finish(int region, double people, double adults, double adultDeaths, double dwellings, ReadOnlySpan<double> exposureSums,
        ReadOnlySpan<double> newCases, HealthConstants health, in ExposureResponseParameters risks, HealthParameters h, MayorState mayors)
    {
        var exposureValue = mayors.ExposureAppraisal.AsSpan(region * ExposureCatalogue.Count, ExposureCatalogue.Count);
        var diseaseValue = mayors.DiseaseAppraisal.AsSpan(region * DiseaseCatalogue.Count, DiseaseCatalogue.Count);
        if (people <= 0 || adults <= 0) { exposureValue.Clear(); diseaseValue.Clear(); return; }
        var population = new AppraisalPopulation(adults, 20, 99, 100_000 * adultDeaths / adults);
        Span<double> mean = stackalloc double[ExposureCatalogue.Count];
        for (int e = 0; e < mean.Length; e++) mean[e] = exposureSums[e] / people;
        var before = ExposureLevels.From(mean);
        var improved = before.Improved(Step);
        // One appraisal of a small step in every exposure; its per-exposure rows give each exposure's deaths alone.
        var appraisal = HealthAppraisal.Appraise(population, before, improved, risks);
        // What a case costs over its course: the years it lasts (England's prevalence over incidence, undiscounted).
        double utilityGap = h.UtilityInGoodHealth - h.UtilityNotInGoodHealth;
        Span<double> qalyValuePerCase = stackalloc double[DiseaseCatalogue.Count];
        Span<double> nhsCostPerCase = stackalloc double[DiseaseCatalogue.Count];
        Span<double> baseRisk = stackalloc double[DiseaseCatalogue.Count];
        for (int d = 0; d < DiseaseCatalogue.Count; d++)
        {
            var disease = DiseaseCatalogue.All[d];
            double years = health.YearsWithDiseasePerCase(d);
            qalyValuePerCase[d] = years * disease.IllHealthExcess * utilityGap * Discounting.QalyValueGbp;
            nhsCostPerCase[d] = years * disease.CostGbpPerCase(h);
            baseRisk[d] = ExposureResponse.DiseaseIncidenceRelativeRisk(risks, disease.Id, before);
        }
        Span<double> levels = stackalloc double[ExposureCatalogue.Count];
        for (int e = 0; e < ExposureCatalogue.Count; e++)
        {
            // This exposure's step alone: the incidence it avoids, each disease's cases × their course.
            mean.CopyTo(levels);
            levels[e] = improved.Of((Exposure)e);
            var stepped = ExposureLevels.From(levels);
            double morbidity = 0, nhs = 0;
            for (int d = 0; d < DiseaseCatalogue.Count; d++)
            {
                double avoidedPerResident = newCases[d] / people * (1 - ExposureResponse.DiseaseIncidenceRelativeRisk(risks, DiseaseCatalogue.All[d].Id, stepped) / baseRisk[d]);
                morbidity += avoidedPerResident * qalyValuePerCase[d];
                nhs += avoidedPerResident * nhsCostPerCase[d];
            }
            if ((Exposure)e == Exposure.ColdHomes)
            {
                // Fewer people in cold homes: their extra ill health, and the NHS cost of a cold home (per dwelling).
                morbidity += Step * h.ColdHomeIllHealthExcess * utilityGap * Discounting.QalyValueGbp;
                nhs += Step * dwellings / people * h.ColdHomeCostGbpPerHome;
            }
            exposureValue[e] = new HealthValue(
                Reported(appraisal.For((Exposure)e).QalyValueGbpPerYear / Step / people), Reported(morbidity / Step), Reported(nhs / Step));
        }
        // A full cut in a disease's incidence: its cases, and its share of deaths once prevalence has followed.
        double qalysPerDeath = HealthAppraisal.DiscountedQalysLostPerDeath(AgeOfDeathPrevented);
        for (int d = 0; d < DiseaseCatalogue.Count; d++)
        {
            var disease = DiseaseCatalogue.All[d];
            double cases = newCases[d] / people;
            diseaseValue[d] = new HealthValue(
                Reported(disease.ShareOfDeaths * adultDeaths / people * qalysPerDeath * Discounting.QalyValueGbp),
                Reported(cases * qalyValuePerCase[d]), Reported(cases * nhsCostPerCase[d]));
        }
    }

    /// <summary>
    /// A value as an appraisal reports it, to four significant figures: the mayor's decisions (which zone gets the next
    /// scheme) then do not turn on the last bits of a sum, so the fast and the reference kernels decide alike.
    /// </summary>
    internal static double Reported(double value)
    {
        if (value == 0 || !double.IsFinite(value)) return value;
        double scale = Math.Pow(10, 3 - Math.Floor(Math.Log10(Math.Abs(value))));
        return Math.Round(value * scale) / scale;
    }
}
