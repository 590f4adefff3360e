using UrbanSim.Core.Settlements;

namespace UrbanSim.Core.World;

/// <summary>
/// Everything that changes during a run, as flat arrays (struct of arrays). One instance is a worker's
/// reusable buffer: the replication's start state is generated once into a template and copied into the
/// working state for each variant, so the yearly loop never allocates.
/// Zone-by-age arrays are indexed [zone * BandStride + band]; disease cases [(disease * zones + zone) * BandStride + band].
/// BandStride is 24: the 19 age bands plus five padding bands that are always empty, so that each age profile
/// is exactly three 8-wide SIMD vectors of single-precision values.
/// </summary>
public sealed class WorldState
{
    public const int DiseaseCount = 4;
    /// <summary>Years of exposure history kept for HEAT's 5-year linear build-up.</summary>
    public const int BuildUpYears = 5;
    /// <summary>Saturating programmes with a per-zone cumulative spend: active travel, clean air, green space, prevention.</summary>
    public const int ZoneProgrammeCount = 4;
    /// <summary>Longest programme lag that can be queued, years.</summary>
    public const int MaxLagYears = 10;
    /// <summary>Stride of zone-by-band arrays: <see cref="AgeBands.Count"/> padded to a multiple of 8.</summary>
    public const int BandStride = 24;

    public int RegionCount { get; }
    public int ZoneCount { get; }
    public int SiteCount { get; }

    // Regions: fixed
    public readonly CapacityClass[] RegionCapacityClass;
    public readonly string[] RegionName;

    // Zones: fixed characteristics
    public readonly int[] ZoneRegion;
    public readonly int[] ZoneDecile;             // 1 = most deprived
    public readonly double[] ZoneMortalityMultiplier;  // deprivation hazard multiplier, net of exposures
    public readonly double[] ZoneIllHealthOddsMultiplier;
    public readonly double[] ZoneBaseHousePriceGbpPerM2;

    // Zones: state
    public readonly float[] Population;           // [zone * bands + band], people (single precision)
    public readonly float[] Cases;                // [(disease * zones + zone) * bands + band], people of the band with the disease (single precision)
    public readonly double[] WalkingMinutesPerWeek;
    public readonly double[] CyclingMinutesPerWeek;
    public readonly double[] Pm25MicrogramsPerM3;
    public readonly double[] GreenSpaceNdvi;
    public readonly double[] ColdHomeShare;
    public readonly double[] Dwellings;
    public readonly double[] HealthyHomes;
    public readonly double[] ExposureHistory;     // [((year % 5) * 5 + exposure) * zones + zone], the last five years' exposures
    public readonly double[] ExposureSum;         // [exposure * zones + zone], running sum of ExposureHistory over the five years
    public readonly double[] StartExposure;       // [exposure * zones + zone], the start-year exposure (reference for relative risks)
    public readonly double[] ProgrammeSpendPerHeadGbp;    // cumulative effective spend [programme * zones + zone]
    public readonly double[] PendingProgrammeSpendPerHeadGbp; // [(slot * ZoneProgrammeCount + programme) * zones + zone], lagged
    public readonly double[] ColdHomes;           // excessively cold or damp homes, count

    // Sites
    public readonly int[] SiteZone;
    public readonly int[] SiteDeveloper;          // DeveloperType
    public readonly double[] SiteCapacityHomes;
    public readonly double[] SiteRemediationGbpPerHome;
    public readonly double[] SiteLandBenchmarkShareOfGdv;
    public readonly double[] SitePlanningDraw;    // fixed uniform: healthy design required if below the standard
    public readonly byte[] SiteStatus;            // 0 available, 1 under construction, 2 complete, 3 never viable in this variant
    public readonly int[] SiteCompletionYear;
    public readonly bool[] SiteHealthy;
    public readonly bool[] SiteRemediationFunded;

    public WorldState(int regions, int zones, int sitesPerZone)
    {
        RegionCount = regions; ZoneCount = zones; SiteCount = zones * sitesPerZone;
        int zb = zones * BandStride;
        RegionCapacityClass = new CapacityClass[regions];
        RegionName = new string[regions];
        ZoneRegion = new int[zones]; ZoneDecile = new int[zones];
        ZoneMortalityMultiplier = new double[zones]; ZoneIllHealthOddsMultiplier = new double[zones];
        ZoneBaseHousePriceGbpPerM2 = new double[zones];
        Population = new float[zb];
        Cases = new float[DiseaseCount * zb];
        WalkingMinutesPerWeek = new double[zones]; CyclingMinutesPerWeek = new double[zones];
        Pm25MicrogramsPerM3 = new double[zones]; GreenSpaceNdvi = new double[zones]; ColdHomeShare = new double[zones];
        Dwellings = new double[zones]; HealthyHomes = new double[zones];
        ExposureHistory = new double[BuildUpYears * Exposures.Count * zones];
        ExposureSum = new double[Exposures.Count * zones];
        StartExposure = new double[Exposures.Count * zones];
        ProgrammeSpendPerHeadGbp = new double[ZoneProgrammeCount * zones];
        PendingProgrammeSpendPerHeadGbp = new double[(MaxLagYears + 1) * ZoneProgrammeCount * zones];
        ColdHomes = new double[zones];
        int s = SiteCount;
        SiteZone = new int[s]; SiteDeveloper = new int[s]; SiteCapacityHomes = new double[s];
        SiteRemediationGbpPerHome = new double[s]; SiteLandBenchmarkShareOfGdv = new double[s]; SitePlanningDraw = new double[s];
        SiteStatus = new byte[s]; SiteCompletionYear = new int[s]; SiteHealthy = new bool[s]; SiteRemediationFunded = new bool[s];
    }

    /// <summary>True when this buffer has the shape of <paramref name="other"/>.</summary>
    public bool SameShape(WorldState other) =>
        RegionCount == other.RegionCount && ZoneCount == other.ZoneCount && SiteCount == other.SiteCount;

    /// <summary>Copies every array of <paramref name="source"/> into this buffer (no allocation).</summary>
    public void CopyFrom(WorldState source)
    {
        if (!SameShape(source)) throw new ArgumentException("World buffers differ in shape.", nameof(source));
        Array.Copy(source.RegionCapacityClass, RegionCapacityClass, RegionCount);
        Array.Copy(source.RegionName, RegionName, RegionCount);
        source.ZoneRegion.CopyTo(ZoneRegion, 0); source.ZoneDecile.CopyTo(ZoneDecile, 0);
        source.ZoneMortalityMultiplier.CopyTo(ZoneMortalityMultiplier, 0);
        source.ZoneIllHealthOddsMultiplier.CopyTo(ZoneIllHealthOddsMultiplier, 0);
        source.ZoneBaseHousePriceGbpPerM2.CopyTo(ZoneBaseHousePriceGbpPerM2, 0);
        source.Population.CopyTo(Population, 0); source.Cases.CopyTo(Cases, 0);
        source.WalkingMinutesPerWeek.CopyTo(WalkingMinutesPerWeek, 0);
        source.CyclingMinutesPerWeek.CopyTo(CyclingMinutesPerWeek, 0);
        source.Pm25MicrogramsPerM3.CopyTo(Pm25MicrogramsPerM3, 0);
        source.GreenSpaceNdvi.CopyTo(GreenSpaceNdvi, 0); source.ColdHomeShare.CopyTo(ColdHomeShare, 0);
        source.Dwellings.CopyTo(Dwellings, 0); source.HealthyHomes.CopyTo(HealthyHomes, 0);
        source.ExposureHistory.CopyTo(ExposureHistory, 0); source.ExposureSum.CopyTo(ExposureSum, 0); source.StartExposure.CopyTo(StartExposure, 0);
        source.ProgrammeSpendPerHeadGbp.CopyTo(ProgrammeSpendPerHeadGbp, 0);
        source.PendingProgrammeSpendPerHeadGbp.CopyTo(PendingProgrammeSpendPerHeadGbp, 0);
        source.ColdHomes.CopyTo(ColdHomes, 0);
        source.SiteZone.CopyTo(SiteZone, 0); source.SiteDeveloper.CopyTo(SiteDeveloper, 0);
        source.SiteCapacityHomes.CopyTo(SiteCapacityHomes, 0);
        source.SiteRemediationGbpPerHome.CopyTo(SiteRemediationGbpPerHome, 0);
        source.SiteLandBenchmarkShareOfGdv.CopyTo(SiteLandBenchmarkShareOfGdv, 0);
        source.SitePlanningDraw.CopyTo(SitePlanningDraw, 0);
        source.SiteStatus.CopyTo(SiteStatus, 0); source.SiteCompletionYear.CopyTo(SiteCompletionYear, 0);
        source.SiteHealthy.CopyTo(SiteHealthy, 0); source.SiteRemediationFunded.CopyTo(SiteRemediationFunded, 0);
    }

    /// <summary>Total population of a zone.</summary>
    public double ZonePopulation(int zone)
    {
        double sum = 0;
        var p = Population.AsSpan(zone * BandStride, AgeBands.Count);
        for (int b = 0; b < p.Length; b++) sum += p[b];
        return sum;
    }

    /// <summary>Total population of the world.</summary>
    public double TotalPopulation()
    {
        double sum = 0;
        foreach (double x in Population) sum += x;
        return sum;
    }
}

/// <summary>The five modelled exposures, in the order used by exposure arrays.</summary>
public static class Exposures
{
    public const int Count = 5;
    public const int Walking = 0, Cycling = 1, Pm25 = 2, GreenSpace = 3, ColdHomes = 4;
}
