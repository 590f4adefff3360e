using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using UrbanSim.Core.Icbs;
using UrbanSim.Core.Numerics;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Programmes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Health;

/// <summary>
/// Step 7 of a year, the fast kernel: exposures → relative risks → deaths, disease, ill health, births and ageing in
/// every zone; QALYs, deaths, new cases and NHS costs; life tables and their SIIs by decile. Written for speed (single
/// precision, eight bands per vector, one fused pass per zone); <see cref="HealthYearReference"/> is the same year
/// written plainly in double precision, and a test runs whole replications through both. The kernel is written for
/// the four diseases and six exposures of the catalogues: adding one means adding it here (docs/extending.md).
/// </summary>
internal static class HealthYear
{
    /// <summary>Scratch of the health year: each zone's relative risks for the year.</summary>
    public sealed class Workspace(int zones)
    {
        /// <summary>[exposure * zones + zone] this year's all-cause relative risk of each exposure.</summary>
        internal readonly float[] AllCauseRisk = new float[ExposureCatalogue.Count * zones];
        /// <summary>[disease * zones + zone] this year's incidence multiplier of the zone's steady-state incidence: exposure risk relative to the start × prevention.</summary>
        internal readonly float[] IncidenceMultiplier = new float[DiseaseCatalogue.Count * zones];
        /// <summary>[zone] this year's extra share not in good health from cold homes, relative to the start year.</summary>
        internal readonly float[] IllHealthShift = new float[zones];
        /// <summary>[zone] this year's factor on mortality at ages 30+ from prevention, minus 1.</summary>
        internal readonly float[] PreventionMortality = new float[zones];
    }

    /// <summary>What one health year reads and writes besides the outcome and series spans.</summary>
    /// <param name="YearIndex">Simulated year (0 = first).</param>
    /// <param name="FinalYear">Whether it is the last year (zone life tables are then computed).</param>
    /// <param name="HealthShock">Whether an epidemic raises mortality this year.</param>
    /// <param name="HealthShockMortalityUplift">Rise in mortality in a health-shock year.</param>
    /// <param name="Health">The replication's health parameters.</param>
    /// <param name="World">The working world: people, cases, exposures, homes, programme spend.</param>
    /// <param name="Constants">The replication's health constants.</param>
    /// <param name="Risks">The replication's exposure–response functions.</param>
    /// <param name="Programmes">The replication's programme settings (prevention).</param>
    /// <param name="Work">Scratch.</param>
    /// <param name="Tables">Life tables.</param>
    /// <param name="Icbs">ICBs: the year's treatment costs land on them.</param>
    /// <param name="ZoneFinal">[zone * 2 + (0 HLE, 1 LE)] written in the final year.</param>
    public readonly record struct Year(int YearIndex, bool FinalYear, bool HealthShock, double HealthShockMortalityUplift, HealthParameters Health,
        WorldState World, HealthConstants Constants, CompiledExposureResponse Risks, ProgrammeSettings Programmes, Workspace Work,
        PopulationLifeTables Tables, IcbState Icbs, double[] ZoneFinal);

    /// <summary>
    /// Every zone's all-cause relative risks and incidence multipliers for this year, from the exposures with their
    /// 5-year build-up, deprivation and the prevention programmes, in single precision like the zone state they act
    /// on. Eight zones at a time with vector arithmetic (the same formulas as the scalar path, which takes the zones
    /// left over); a zone always takes the same path, so results do not depend on threads.
    /// </summary>
    private static void ComputeZoneRisks(in Year y)
    {
        const int diseases = DiseaseCatalogue.Count;
        var world = y.World;
        var c = y.Constants;
        var work = y.Work;
        var settings = y.Programmes;
        int zones = world.ZoneCount;
        var sum = world.Exposures.Sum.AsSpan();
        // The prevention stock's factor on each disease's incidence (Exposures.ExposureUpdate sets it at step 6).
        var prevention = world.Programmes.IncidenceFactor.AsSpan();
        int z = 0;
        if (y.Risks.SupportsVectors)
        {
            Span<Vector256<float>> allCause = stackalloc Vector256<float>[ExposureCatalogue.Count];
            Span<Vector256<float>> disease = stackalloc Vector256<float>[diseases];
            var one = Vector256.Create(1f);
            for (; z + 8 <= zones; z += 8)
            {
                y.Risks.Evaluate8(Mean8(sum, (int)Exposure.Walking * zones + z), Mean8(sum, (int)Exposure.Cycling * zones + z),
                    Mean8(sum, (int)Exposure.Pm25 * zones + z), Mean8(sum, (int)Exposure.GreenSpace * zones + z),
                    Mean8(sum, (int)Exposure.ColdHomes * zones + z), Mean8(sum, (int)Exposure.No2 * zones + z), allCause, disease);
                for (int e = 0; e < ExposureCatalogue.Count; e++) allCause[e].StoreUnsafe(ref work.AllCauseRisk[e * zones + z]);
                for (int d = 0; d < diseases; d++)
                {
                    var multiplier = disease[d] * Vector256.LoadUnsafe(ref c.InverseStartDiseaseRisk[d * zones + z]);
                    if (settings.ReductionsOf[d].Length > 0) multiplier *= Lanes.Narrow8(prevention, d * zones + z);
                    multiplier.StoreUnsafe(ref work.IncidenceMultiplier[d * zones + z]);
                }
            }
        }
        // Residents of cold homes are more often not in good health (a shift of every band, relative to the start).
        var coldSum = world.Exposures.Sum.AsSpan((int)Exposure.ColdHomes * zones, zones);
        var coldStart = world.Exposures.StartOf(Exposure.ColdHomes);
        double coldExcess = y.Health.ColdHomeIllHealthExcess;
        for (int k = 0; k < zones; k++)
        {
            work.IllHealthShift[k] = (float)(coldExcess * (coldSum[k] / UrbanSim.Core.Exposures.ExposureState.BuildUpYears - coldStart[k]));
            work.PreventionMortality[k] = (float)(HealthConstants.PreventionMortalityFactor(world.Programmes, k) - 1);
        }
        Span<double> allCauseOne = stackalloc double[ExposureCatalogue.Count];
        Span<double> diseaseOne = stackalloc double[diseases];
        for (; z < zones; z++)
        {
            y.Risks.Evaluate(world.Exposures.EffectiveLevelsOf(z), allCauseOne, diseaseOne);
            for (int e = 0; e < ExposureCatalogue.Count; e++) work.AllCauseRisk[e * zones + z] = (float)allCauseOne[e];
            for (int d = 0; d < diseases; d++)
            {
                double multiplier = diseaseOne[d] * c.InverseStartDiseaseRisk[d * zones + z] * prevention[d * zones + z];
                work.IncidenceMultiplier[d * zones + z] = (float)multiplier;
            }
        }
    }

    /// <summary>Eight zones' 5-year mean exposures (running sums / 5) in single precision, from zone <paramref name="z"/> of <paramref name="sums"/>.</summary>
    private static Vector256<float> Mean8(ReadOnlySpan<double> sums, int z)
    {
        var k = Vector256.Create(1.0 / UrbanSim.Core.Exposures.ExposureState.BuildUpYears);
        return Vector256.Narrow(Lanes.Load(sums, z) * k, Lanes.Load(sums, z + 4) * k);
    }

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
    public static void Advance(in Year y, Span<double> outcome, Span<double> yearly)
    {
        var h = y.Health;
        var world = y.World;
        var c = y.Constants;
        var work = y.Work;
        var tables = y.Tables;
        const int stride = AgeBands.Stride;
        int zones = world.ZoneCount;
        var shock = Vector256.Create(y.HealthShock ? (float)(1 + y.HealthShockMortalityUplift) : 1f);
        ref float shares = ref MemoryMarshal.GetArrayDataReference(HealthConstants.BandExposureShare);
        ref float ageing = ref MemoryMarshal.GetArrayDataReference(HealthConstants.AgeingShare);
        ref float preventionBands = ref MemoryMarshal.GetArrayDataReference(HealthConstants.PreventionMortalityBand);
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
        var excessCvd = Vector256.Create((float)DiseaseCatalogue.Of(Disease.Cardiovascular).IllHealthExcess);
        var excessDiabetes = Vector256.Create((float)DiseaseCatalogue.Of(Disease.Type2Diabetes).IllHealthExcess);
        var excessRespiratory = Vector256.Create((float)DiseaseCatalogue.Of(Disease.ChronicRespiratory).IllHealthExcess);
        var excessMental = Vector256.Create((float)DiseaseCatalogue.Of(Disease.CommonMentalDisorder).IllHealthExcess);
        var costCvd = Vector256.Create((float)DiseaseCatalogue.Of(Disease.Cardiovascular).CostGbpPerCase(h));
        var costDiabetes = Vector256.Create((float)DiseaseCatalogue.Of(Disease.Type2Diabetes).CostGbpPerCase(h));
        var costRespiratory = Vector256.Create((float)DiseaseCatalogue.Of(Disease.ChronicRespiratory).CostGbpPerCase(h));
        var costMental = Vector256.Create((float)DiseaseCatalogue.Of(Disease.CommonMentalDisorder).CostGbpPerCase(h));
        var minusRemission = Vector256.Create(-(float)DiseaseCatalogue.Of(Disease.CommonMentalDisorder).RemissionPerYear(h));
        tables.ClearDeciles();
        Array.Clear(y.Icbs.TreatmentCostGbp);
        // The year's totals, added zone by zone in double precision, four lanes each (summed after the last zone).
        var deathsYear = Vector256<double>.Zero; var newCasesYear = Vector256<double>.Zero;
        var qalysYear = Vector256<double>.Zero; var costYear = Vector256<double>.Zero; var healthyYear = Vector256<double>.Zero;
        double coldHomeCostYear = 0;
        ComputeZoneRisks(y);
        bool finalYear = y.FinalYear;
        for (int z = 0; z < zones; z++)
        {
            var walking = Vector256.Create(work.AllCauseRisk[(int)Exposure.Walking * zones + z] - 1);
            var cycling = Vector256.Create(work.AllCauseRisk[(int)Exposure.Cycling * zones + z] - 1);
            var pm25 = Vector256.Create(work.AllCauseRisk[(int)Exposure.Pm25 * zones + z] - 1);
            var green = Vector256.Create(work.AllCauseRisk[(int)Exposure.GreenSpace * zones + z] - 1);
            var cold = Vector256.Create(work.AllCauseRisk[(int)Exposure.ColdHomes * zones + z] - 1);
            var no2 = Vector256.Create(work.AllCauseRisk[(int)Exposure.No2 * zones + z] - 1);
            var prevention = Vector256.Create(work.PreventionMortality[z]);
            var multiplierCvd = Vector256.Create(work.IncidenceMultiplier[(int)Disease.Cardiovascular * zones + z]);
            var multiplierDiabetes = Vector256.Create(work.IncidenceMultiplier[(int)Disease.Type2Diabetes * zones + z]);
            var multiplierRespiratory = Vector256.Create(work.IncidenceMultiplier[(int)Disease.ChronicRespiratory * zones + z]);
            var multiplierMental = Vector256.Create(work.IncidenceMultiplier[(int)Disease.CommonMentalDisorder * zones + z]);
            int zb = z * stride;
            ref float population = ref world.Health.Population[zb];
            ref float cvd = ref world.Health.Cases[((int)Disease.Cardiovascular * zones + z) * stride];
            ref float diabetes = ref world.Health.Cases[((int)Disease.Type2Diabetes * zones + z) * stride];
            ref float respiratory = ref world.Health.Cases[((int)Disease.ChronicRespiratory * zones + z) * stride];
            ref float mental = ref world.Health.Cases[((int)Disease.CommonMentalDisorder * zones + z) * stride];
            ref float notGoodIntercept = ref c.NotGoodIntercept[zb];
            ref float incidenceCvd = ref c.ZoneIncidence[((int)Disease.Cardiovascular * zones + z) * stride];
            ref float incidenceDiabetes = ref c.ZoneIncidence[((int)Disease.Type2Diabetes * zones + z) * stride];
            ref float incidenceRespiratory = ref c.ZoneIncidence[((int)Disease.ChronicRespiratory * zones + z) * stride];
            ref float incidenceMental = ref c.ZoneIncidence[((int)Disease.CommonMentalDisorder * zones + z) * stride];
            var illHealthShift = Vector256.Create(work.IllHealthShift[z]);
            ref float startDeathRate = ref c.StartExposureDeathRate[zb];
            int decile = (world.Zones.Decile[z] - 1) * stride;
            ref float decilePop = ref tables.DecilePeople[decile];
            ref float decileDeaths = ref tables.DecileDeaths[decile];
            ref float decileGood = ref tables.DecileGood[decile];
            ref float standardPeople = ref c.StandardPeople[zb];
            // What moves up a band, rotated one lane up (lane 0 holds what leaves the top band of the vector below).
            // Births enter band 0 free of disease: they are what moves up from "below" band 0.
            var movingUp = Vector256.Create((float)(world.Health.ZoneTotal[z] * h.BirthsPerPersonPerYear));
            var cvdUp = zero; var diabetesUp = zero; var respiratoryUp = zero; var mentalUp = zero;
            var zoneTotal = zero; var deaths = zero; var newCases = zero; var qalys = zero; var cost = zero; var healthy = zero;
            for (int v = 0; v < vectors; v++)
            {
                // The band's death rate: its rate at the start exposures × this year's relative risks (a product
                // in pairs, to keep the chain short), then Chiang's probability of dying in the year, q = m / (1 + m/2).
                nuint i = (nuint)(v * 8);
                var m = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref shares, (int)Exposure.Walking * stride + i), walking, one)
                        * Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref shares, (int)Exposure.Cycling * stride + i), cycling, one)
                    * (Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref shares, (int)Exposure.Pm25 * stride + i), pm25, one)
                        * Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref shares, (int)Exposure.GreenSpace * stride + i), green, one))
                    * (Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref shares, (int)Exposure.ColdHomes * stride + i), cold, one)
                        * Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref shares, (int)Exposure.No2 * stride + i), no2, one))
                    * (Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref preventionBands, i), prevention, one)
                        * (Vector256.LoadUnsafe(ref startDeathRate, i) * shock));
                mortality[v] = m;
                // Chiang's q exceeds 1 for rates above 2 a year (extreme parameters): at most everyone dies.
                minusDyingByVector[v] = -Vector256.MinNative(m / Vector256.FusedMultiplyAdd(half, m, one), one);
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
                // A band too small to divide by in single precision (a denormal, from near-zero births) has no prevalence.
                var inverse = Vector256.ConditionalSelect(Vector256.GreaterThan(n, Vector256.Create(1e-30f)), one / n, zero);
                var excessCases = zero;
                AdvanceCases(ref cvd, i, minusDying, alive, Vector256.LoadUnsafe(ref incidenceCvd, i) * multiplierCvd,
                    false, zero, ageingShare, excessCvd, costCvd, ref cvdUp, ref newCases, ref excessCases, ref cost);
                AdvanceCases(ref diabetes, i, minusDying, alive, Vector256.LoadUnsafe(ref incidenceDiabetes, i) * multiplierDiabetes,
                    false, zero, ageingShare, excessDiabetes, costDiabetes, ref diabetesUp, ref newCases, ref excessCases, ref cost);
                AdvanceCases(ref respiratory, i, minusDying, alive, Vector256.LoadUnsafe(ref incidenceRespiratory, i) * multiplierRespiratory,
                    false, zero, ageingShare, excessRespiratory, costRespiratory, ref respiratoryUp, ref newCases, ref excessCases, ref cost);
                AdvanceCases(ref mental, i, minusDying, alive, Vector256.LoadUnsafe(ref incidenceMental, i) * multiplierMental,
                    true, minusRemission, ageingShare, excessMental, costMental, ref mentalUp, ref newCases, ref excessCases, ref cost);
                // Share in good health: the zone's base ill-health plus the excess of each disease's prevalence.
                var good = Vector256.MinNative(one, Vector256.MaxNative(zero,
                    one - Vector256.FusedMultiplyAdd(excessCases, inverse, Vector256.LoadUnsafe(ref notGoodIntercept, i) + illHealthShift)));
                // The decile and world tables pool zones with the start year's people as weights (standardised).
                var w = Vector256.LoadUnsafe(ref standardPeople, i);
                (Vector256.LoadUnsafe(ref decilePop, i) + w).StoreUnsafe(ref decilePop, i);
                Vector256.FusedMultiplyAdd(w, m, Vector256.LoadUnsafe(ref decileDeaths, i)).StoreUnsafe(ref decileDeaths, i);
                Vector256.FusedMultiplyAdd(w, good, Vector256.LoadUnsafe(ref decileGood, i)).StoreUnsafe(ref decileGood, i);
                qalys = Vector256.FusedMultiplyAdd(n, Vector256.FusedMultiplyAdd(good, uGain, uNotGood), qalys);
                healthy = Vector256.FusedMultiplyAdd(n, good, healthy);
                if (finalYear)
                {
                    m.StoreUnsafe(ref finalRows[0], i);
                    good.StoreUnsafe(ref finalRows[stride], i);
                }
            }
            if (finalYear)
                for (int b = 0; b < AgeBands.Count; b++) tables.SetZoneRow(z, b, finalRows[b], finalRows[stride + b]);
            world.Health.ZoneTotal[z] = Lanes.SumInDouble(zoneTotal);
            deathsYear += Lanes.Widened(deaths);
            newCasesYear += Lanes.Widened(newCases);
            qalysYear += Lanes.Widened(qalys);
            healthyYear += Lanes.Widened(healthy);
            var zoneCost = Lanes.Widened(cost);
            costYear += zoneCost;
            double coldHomeCost = world.Homes.ColdHomes[z] * h.ColdHomeCostGbpPerHome;
            coldHomeCostYear += coldHomeCost;
            // Costs land on the zone's ICB.
            y.Icbs.TreatmentCostGbp[world.Zones.Region[z]] += Vector256.Sum(zoneCost) + coldHomeCost;
        }
        if (finalYear) tables.ZoneTables(y.ZoneFinal);
        tables.Compute(out double le, out double hle, out double leGap, out double hleGap);
        yearly[StandardSeries.LeYears] = le; yearly[StandardSeries.HleYears] = hle;
        yearly[StandardSeries.LeGapYears] = leGap; yearly[StandardSeries.HleGapYears] = hleGap;
        double deathsTotal = Vector256.Sum(deathsYear), costTotal = Vector256.Sum(costYear) + coldHomeCostYear;
        yearly[StandardSeries.Deaths] = deathsTotal; yearly[StandardSeries.NhsCostGbp] = costTotal;
        outcome[StandardOutcomes.Deaths] += deathsTotal;
        outcome[StandardOutcomes.NcdCases] += Vector256.Sum(newCasesYear);
        outcome[StandardOutcomes.NhsCostGbp] += costTotal * Discounting.Factor(Discounting.CostRatePerYear, y.YearIndex);
        outcome[StandardOutcomes.Qalys] += Vector256.Sum(qalysYear) * Discounting.Factor(Discounting.HealthRatePerYear, y.YearIndex);
        outcome[StandardOutcomes.HealthyLifeYears] += Vector256.Sum(healthyYear) * Discounting.Factor(Discounting.HealthRatePerYear, y.YearIndex);
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
}
