using UrbanSim.Core.World;

namespace UrbanSim.Core.Health;

/// <summary>
/// What the health model derives once per replication from the start-year world and the parameters
/// (<see cref="HealthSetup.Prepare"/>), the same for every variant: national steady-state incidence, each zone's
/// deprivation multipliers and relative risks at its start exposures, its death rates with every exposure's risk
/// taken out, and its start-year ill health. Single-precision copies are what the fast health year reads.
/// </summary>
internal sealed class HealthConstants
{
    internal HealthConstants(int zones)
    {
        ZoneCount = zones;
        BaseNotGood = new double[zones * AgeBands.Stride];
        StartRelativeRisk = new double[zones * ExposureCatalogue.Count];
        InverseStartDiseaseRisk = new float[zones * DiseaseCatalogue.Count];
        ZoneIncidence = new float[DiseaseCatalogue.Count * zones * AgeBands.Stride];
        StartExposureDeathRate = new float[zones * AgeBands.Stride];
        NotGoodIntercept = new float[zones * AgeBands.Stride];
        StandardPeople = new float[zones * AgeBands.Stride];
    }

    /// <summary>
    /// [zone * stride + band] the start year's people: the fixed weights with which zones' death rates and shares in good
    /// health are pooled into the decile and world life tables each year (direct standardisation), so that those tables
    /// move only when rates move, not when zones' age structures drift apart (there is no migration between zones).
    /// </summary>
    public readonly float[] StandardPeople;

    /// <summary>Number of zones.</summary>
    public int ZoneCount { get; }
    /// <summary>[disease * stride + band] national incidence per disease-free person per year that keeps England's prevalence steady.</summary>
    public readonly double[] NationalIncidence = new double[DiseaseCatalogue.Count * AgeBands.Stride];
    /// <summary><see cref="NationalIncidence"/> in single precision.</summary>
    public readonly float[] IncidenceLanes = new float[DiseaseCatalogue.Count * AgeBands.Stride];
    /// <summary>[disease * stride + band] national incidence in the adult bands (20+), 0 elsewhere (the mayor's appraisal counts adults).</summary>
    public readonly double[] AdultIncidenceDouble = new double[DiseaseCatalogue.Count * AgeBands.Stride];
    /// <summary>
    /// Years a case of the disease lasts on average in England's steady state: prevalent cases over new cases a year
    /// (Σ_b prevalence × people / Σ_b incidence × (1 − prevalence) × people), undiscounted. What a case avoided saves.
    /// </summary>
    public double YearsWithDiseasePerCase(int disease)
    {
        var prevalence = DiseaseCatalogue.All[disease].Prevalence;
        var people = DiseaseBaseline.PopulationShare;
        double cases = 0, newCases = 0;
        for (int b = 0; b < AgeBands.Count; b++)
        {
            cases += prevalence[b] * people[b];
            newCases += NationalIncidence[disease * AgeBands.Stride + b] * (1 - prevalence[b]) * people[b];
        }
        return newCases > 0 ? cases / newCases : 0;
    }

    /// <summary>[zone * stride + band] start-year share not in good health.</summary>
    public readonly double[] BaseNotGood;
    /// <summary>[zone * exposures + exposure] all-cause relative risk at the zone's start exposure (in single precision, held as double).</summary>
    public readonly double[] StartRelativeRisk;
    /// <summary>[disease * zones + zone] 1 / incidence relative risk at the zone's start exposures.</summary>
    public readonly float[] InverseStartDiseaseRisk;
    /// <summary>
    /// [(disease * zones + zone) * stride + band] the zone's incidence per disease-free person per year at its start
    /// exposures: the incidence that keeps its start-year prevalence (England's × its deprivation multiplier) steady
    /// given its death rates (England's × its mortality multiplier), so a zone with no change does not drift.
    /// </summary>
    public readonly float[] ZoneIncidence;
    /// <summary>[zone * stride + band] death rate were every exposure's relative risk 1: England's × the zone's multiplier / Π start risks.</summary>
    public readonly float[] StartExposureDeathRate;
    /// <summary>[zone * stride + band] start ill health minus its disease part (ill health in a later year adds Σ excess × prevalence).</summary>
    public readonly float[] NotGoodIntercept;

    /// <summary>1 for the adult bands (20+) the mayor's appraisal counts, 0 for children and the padding bands.</summary>
    public static readonly float[] AdultBand = AdultRow(static _ => 1);

    private static float[] AdultRow(Func<int, double> value)
    {
        var row = new float[AgeBands.Stride];
        for (int b = AgeBands.BandOfAge(20); b < AgeBands.Count; b++) row[b] = (float)value(b);
        return row;
    }

    /// <summary>[exposure * stride + band] share of each band inside each exposure's age range; 0 in the padding bands.</summary>
    public static readonly float[] BandExposureShare = BuildBandExposureShare();

    private static float[] BuildBandExposureShare()
    {
        var shares = new float[ExposureCatalogue.Count * AgeBands.Stride];
        foreach (var e in ExposureCatalogue.All)
            for (int b = 0; b < AgeBands.Count; b++)
                shares[(int)e.Id * AgeBands.Stride + b] = (float)AgeBands.ShareWithinAges(b, e.AgeFromYears, e.AgeToYears);
        return shares;
    }

    /// <summary>[band] share of each band at ages 30+, where prevention's effect on cause-specific deaths applies (0 in the padding bands).</summary>
    public static readonly float[] PreventionMortalityBand = BuildPreventionMortalityBand();

    private static float[] BuildPreventionMortalityBand()
    {
        var share = new float[AgeBands.Stride];
        for (int b = 0; b < AgeBands.Count; b++) share[b] = (float)AgeBands.ShareWithinAges(b, 30, ExposureCatalogue.OldestAgeYears);
        return share;
    }

    /// <summary>
    /// A zone's factor on mortality at ages 30+ from prevention: Π over diseases of (1 − share of deaths × (1 − the
    /// five-year mean incidence factor)). A sustained fall in incidence removes, once prevalence has followed, the same
    /// share of the disease's deaths.
    /// </summary>
    public static double PreventionMortalityFactor(UrbanSim.Core.Programmes.ProgrammeState programmes, int zone)
    {
        double factor = 1;
        int zones = programmes.ZoneCount;
        for (int d = 0; d < DiseaseCatalogue.Count; d++)
        {
            double mean = programmes.IncidenceFactorSum[d * zones + zone] / UrbanSim.Core.Exposures.ExposureState.BuildUpYears;
            factor *= 1 - DiseaseCatalogue.All[d].ShareOfDeaths * (1 - mean);
        }
        return factor;
    }

    /// <summary>[band] share of a band moving up to the next band in a year, 1/width (0 for the open and padding bands).</summary>
    public static readonly float[] AgeingShare = BuildAgeingShare();

    private static float[] BuildAgeingShare()
    {
        var share = new float[AgeBands.Stride];
        for (int b = 0; b < AgeBands.Count; b++)
            share[b] = b == AgeBands.OpenBand ? 0 : 1f / AgeBands.WidthYears(b);
        return share;
    }

    /// <summary>[band] England's odds of not being in good health (the reference shares), before the zone's multiplier.</summary>
    public static readonly double[] IllHealthOdds = BuildIllHealthOdds();

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
}
