using System.Runtime.Intrinsics;
using UrbanSim.Core.Health;
using UrbanSim.Core.Numerics;
using UrbanSim.Core.Programmes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Mayors;

/// <summary>
/// The mayor's health appraisal of the programmes at the start of a term, with the same public
/// <see cref="HealthAppraisal"/> a user calls: £ of QALYs a year per resident for a unit improvement of each
/// exposure, and for a full cut in the incidence each prevention programme reduces.
/// </summary>
internal static class Appraisal
{
    /// <summary>Size of the exposure step the appraisal values (in each exposure's unit); values are per unit.</summary>
    private const double Step = 0.01;

    /// <summary>Years in worse health a case of disease would have cost (undiscounted), for the value of prevention.</summary>
    private const double YearsInWorseHealthPerCase = 5;

    /// <summary>
    /// Appraises region <paramref name="region"/>'s programmes into <paramref name="mayors"/>: its adults' (20+) deaths and
    /// new cases are summed eight bands at a time in single precision, as the zone state is held. See
    /// <see cref="AppraiseRegionReference"/> for the plain version.
    /// </summary>
    public static void AppraiseRegion(int region, WorldState world, HealthConstants health, in ExposureResponseParameters risks,
        HealthParameters h, ProgrammeSettings programmes, MayorState mayors)
    {
        Span<double> exposureSums = stackalloc double[ExposureCatalogue.Count];
        Span<double> newCases = stackalloc double[DiseaseCatalogue.Count];
        double people = 0, adults = 0, adultDeaths = 0;
        var exposures = world.Exposures;
        int zones = world.ZoneCount;
        Span<Vector256<float>> casesByLane = stackalloc Vector256<float>[DiseaseCatalogue.Count];
        foreach (int z in world.Regions.ZonesOf(region))
        {
            double pop = world.Health.ZoneTotal[z];
            people += pop;
            for (int e = 0; e < ExposureCatalogue.Count; e++) exposureSums[e] += pop * exposures.Level[e * zones + z];
            ref float ageProfile = ref world.Health.Population[z * AgeBands.Stride];
            var adultsByLane = Vector256<float>.Zero;
            var deathsByLane = Vector256<float>.Zero;
            casesByLane.Clear();
            for (nuint i = 0; i < AgeBands.Stride; i += 8)
            {
                var n = Vector256.LoadUnsafe(ref ageProfile, i);
                adultsByLane += n * Vector256.LoadUnsafe(ref HealthConstants.AdultBand[0], i);
                deathsByLane += n * Vector256.LoadUnsafe(ref HealthConstants.AdultDeathRate[0], i);
                for (int d = 0; d < DiseaseCatalogue.Count; d++)
                    casesByLane[d] += n * Vector256.LoadUnsafe(ref health.AdultIncidence[d * AgeBands.Stride], i);
            }
            adults += Lanes.SumInDouble(adultsByLane);
            adultDeaths += Lanes.SumInDouble(deathsByLane) * world.Zones.MortalityMultiplier[z];
            for (int d = 0; d < DiseaseCatalogue.Count; d++) newCases[d] += Lanes.SumInDouble(casesByLane[d]);
        }
        Finish(region, people, adults, adultDeaths, exposureSums, newCases, risks, h, programmes, mayors);
    }

    /// <summary>
    /// The plain reference of <see cref="AppraiseRegion"/>: the same appraisal with every sum taken band by band in
    /// double precision from the double-precision national incidence.
    /// </summary>
    public static void AppraiseRegionReference(int region, WorldState world, HealthConstants health, in ExposureResponseParameters risks,
        HealthParameters h, ProgrammeSettings programmes, MayorState mayors)
    {
        Span<double> exposureSums = stackalloc double[ExposureCatalogue.Count];
        Span<double> newCases = stackalloc double[DiseaseCatalogue.Count];
        double people = 0, adults = 0, adultDeaths = 0;
        int zones = world.ZoneCount, firstAdult = AgeBands.BandOfAge(20);
        foreach (int z in world.Regions.ZonesOf(region))
        {
            double pop = world.Health.ZoneTotal[z];
            people += pop;
            for (int e = 0; e < ExposureCatalogue.Count; e++) exposureSums[e] += pop * world.Exposures.Level[e * zones + z];
            for (int b = firstAdult; b < AgeBands.Count; b++)
            {
                double n = world.Health.Population[z * AgeBands.Stride + b];
                adults += n;
                adultDeaths += n * EnglandReference.DeathRatePerPersonYear[b] * world.Zones.MortalityMultiplier[z];
                for (int d = 0; d < DiseaseCatalogue.Count; d++) newCases[d] += n * health.NationalIncidence[d * AgeBands.Stride + b];
            }
        }
        Finish(region, people, adults, adultDeaths, exposureSums, newCases, risks, h, programmes, mayors);
    }

    /// <summary>From the region's sums: one appraisal of a small improvement of every exposure, and the value of prevention.</summary>
    private static void Finish(int region, double people, double adults, double adultDeaths, ReadOnlySpan<double> exposureSums,
        ReadOnlySpan<double> newCases, in ExposureResponseParameters risks, HealthParameters h, ProgrammeSettings programmes, MayorState mayors)
    {
        var exposureValue = mayors.ExposureValueGbp.AsSpan(region * ExposureCatalogue.Count, ExposureCatalogue.Count);
        var incidenceValue = mayors.DiseaseIncidenceValueGbp.AsSpan(region * DiseaseCatalogue.Count, DiseaseCatalogue.Count);
        if (people <= 0 || adults <= 0) { exposureValue.Clear(); incidenceValue.Clear(); return; }
        var population = new AppraisalPopulation(adults, 20, 99, 100_000 * adultDeaths / adults);
        Span<double> mean = stackalloc double[ExposureCatalogue.Count];
        for (int e = 0; e < mean.Length; e++) mean[e] = exposureSums[e] / people;
        var before = ExposureLevels.From(mean);
        // One appraisal of a small step in every exposure; its per-exposure rows give each exposure's value alone.
        var appraisal = HealthAppraisal.Appraise(population, before, before.Improved(Step), risks);
        for (int e = 0; e < ExposureCatalogue.Count; e++)
            exposureValue[e] = Reported(appraisal.For((Exposure)e).QalyValueGbpPerYear / Step / people);
        // Prevention: cases avoided per year × years each would have spent in worse health (undiscounted).
        double qalysPerCase = YearsInWorseHealthPerCase * (h.UtilityInGoodHealth - h.UtilityNotInGoodHealth);
        for (int d = 0; d < DiseaseCatalogue.Count; d++)
            incidenceValue[d] = Reported(Discounting.QalyValueGbp * qalysPerCase * newCases[d] * DiseaseCatalogue.All[d].IllHealthExcess / people);
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
