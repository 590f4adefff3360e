using UrbanSim.Core.Development;
using UrbanSim.Core.Exposures;
using UrbanSim.Core.Health;
using UrbanSim.Core.Programmes;

namespace UrbanSim.Core.World;

/// <summary>
/// The world a variant changes, as flat arrays grouped by domain: the regions and zones (fixed), the homes, the
/// people and their disease, the exposures, the programmes' spend in each zone, and the developable sites. One
/// instance is a worker's reusable buffer: the replication's start state is built once into a template and copied
/// into the working world for each variant, so the yearly loop never allocates.
/// </summary>
internal sealed class WorldState
{
    /// <summary>A buffer for <paramref name="regions"/> regions, <paramref name="zones"/> zones with
    /// <paramref name="sitesPerZone"/> sites each, and <paramref name="stockProgrammes"/> stock programmes.</summary>
    public WorldState(int regions, int zones, int sitesPerZone, int stockProgrammes)
    {
        Regions = new RegionState(regions, zones, zones * sitesPerZone);
        Zones = new ZoneState(zones);
        Homes = new HousingStock(zones);
        Health = new ZoneHealthState(zones);
        Exposures = new ExposureState(zones);
        Programmes = new ProgrammeState(zones, stockProgrammes, regions);
        Sites = new SiteState(zones * sitesPerZone);
    }

    /// <summary>Regions, their capacity class, and which zones and sites are theirs.</summary>
    public RegionState Regions { get; }
    /// <summary>Zones' fixed characteristics.</summary>
    public ZoneState Zones { get; }
    /// <summary>Dwellings, healthy homes and cold homes by zone.</summary>
    public HousingStock Homes { get; }
    /// <summary>People and cases of disease by zone and age band.</summary>
    public ZoneHealthState Health { get; }
    /// <summary>Exposures by zone: this year's, the 5-year history and the start year's.</summary>
    public ExposureState Exposures { get; }
    /// <summary>Zonal programmes' cumulative effective spend per head, and spend waiting for its lag.</summary>
    public ProgrammeState Programmes { get; }
    /// <summary>Developable sites.</summary>
    public SiteState Sites { get; }

    /// <summary>Number of regions.</summary>
    public int RegionCount => Regions.Count;
    /// <summary>Number of zones.</summary>
    public int ZoneCount => Zones.Count;
    /// <summary>Number of sites.</summary>
    public int SiteCount => Sites.Count;

    /// <summary>True when this buffer has the shape of <paramref name="other"/>.</summary>
    public bool SameShape(WorldState other) =>
        RegionCount == other.RegionCount && ZoneCount == other.ZoneCount && SiteCount == other.SiteCount
        && Programmes.StockCount == other.Programmes.StockCount;

    /// <summary>Copies every array of <paramref name="source"/> into this buffer (no allocation).</summary>
    public void CopyFrom(WorldState source)
    {
        if (!SameShape(source)) throw new ArgumentException("World buffers differ in shape.", nameof(source));
        Regions.CopyFrom(source.Regions);
        Zones.CopyFrom(source.Zones);
        Homes.CopyFrom(source.Homes);
        Health.CopyFrom(source.Health);
        Exposures.CopyFrom(source.Exposures);
        Programmes.CopyFrom(source.Programmes);
        Sites.CopyFrom(source.Sites);
    }
}

/// <summary>
/// Regions (mayoralties): names and capacity classes (fixed by the place), and the index of each region's zones
/// and sites, built by <see cref="Index"/> once the zones and sites are known.
/// </summary>
internal sealed class RegionState
{
    private readonly int[] _zoneStart, _zones, _siteStart, _sites;

    internal RegionState(int regions, int zones, int sites)
    {
        Count = regions;
        CapacityClass = new CapacityClass[regions];
        Name = new string[regions];
        _zoneStart = new int[regions + 1]; _zones = new int[zones];
        _siteStart = new int[regions + 1]; _sites = new int[sites];
        SiteRegion = new int[sites];
    }

    /// <summary>Number of regions.</summary>
    public int Count { get; }
    /// <summary>[region] capacity class of the mayoralty.</summary>
    public readonly CapacityClass[] CapacityClass;
    /// <summary>[region] name.</summary>
    public readonly string[] Name;
    /// <summary>[site] the region of the site's zone.</summary>
    public readonly int[] SiteRegion;

    /// <summary>The zones of <paramref name="region"/>, in zone order.</summary>
    public ReadOnlySpan<int> ZonesOf(int region) => _zones.AsSpan(_zoneStart[region], _zoneStart[region + 1] - _zoneStart[region]);

    /// <summary>The sites of <paramref name="region"/>, in site order.</summary>
    public ReadOnlySpan<int> SitesOf(int region) => _sites.AsSpan(_siteStart[region], _siteStart[region + 1] - _siteStart[region]);

    /// <summary>Lists each region's zones and sites (counting sort, no allocation).</summary>
    public void Index(ReadOnlySpan<int> zoneRegion, ReadOnlySpan<int> siteZone)
    {
        Array.Clear(_zoneStart);
        foreach (int r in zoneRegion) _zoneStart[r + 1]++;
        for (int r = 0; r < Count; r++) _zoneStart[r + 1] += _zoneStart[r];
        Span<int> fill = stackalloc int[Count];
        _zoneStart.AsSpan(0, Count).CopyTo(fill);
        for (int z = 0; z < zoneRegion.Length; z++) _zones[fill[zoneRegion[z]]++] = z;
        Array.Clear(_siteStart);
        for (int s = 0; s < siteZone.Length; s++) SiteRegion[s] = zoneRegion[siteZone[s]];
        foreach (int r in SiteRegion) _siteStart[r + 1]++;
        for (int r = 0; r < Count; r++) _siteStart[r + 1] += _siteStart[r];
        _siteStart.AsSpan(0, Count).CopyTo(fill);
        for (int s = 0; s < siteZone.Length; s++) _sites[fill[SiteRegion[s]]++] = s;
    }

    internal void CopyFrom(RegionState source)
    {
        Array.Copy(source.CapacityClass, CapacityClass, Count);
        Array.Copy(source.Name, Name, Count);
        source._zoneStart.CopyTo(_zoneStart, 0); source._zones.CopyTo(_zones, 0);
        source._siteStart.CopyTo(_siteStart, 0); source._sites.CopyTo(_sites, 0);
        source.SiteRegion.CopyTo(SiteRegion, 0);
    }
}

/// <summary>Zones' fixed characteristics: region, deprivation, the replication's multipliers, house prices.</summary>
internal sealed class ZoneState
{
    internal ZoneState(int zones)
    {
        Count = zones;
        Region = new int[zones]; Decile = new int[zones];
        MortalityMultiplier = new double[zones]; IllHealthOddsMultiplier = new double[zones];
        BaseHousePriceGbpPerM2 = new double[zones];
    }

    /// <summary>Number of zones.</summary>
    public int Count { get; }
    /// <summary>[zone] its region.</summary>
    public readonly int[] Region;
    /// <summary>[zone] deprivation decile, 1 = most deprived.</summary>
    public readonly int[] Decile;
    /// <summary>[zone] deprivation hazard multiplier of death rates, net of exposures.</summary>
    public readonly double[] MortalityMultiplier;
    /// <summary>[zone] deprivation multiplier of the odds of not being in good health.</summary>
    public readonly double[] IllHealthOddsMultiplier;
    /// <summary>[zone] new-build sales price at start-year prices, £ per m².</summary>
    public readonly double[] BaseHousePriceGbpPerM2;

    internal void CopyFrom(ZoneState source)
    {
        source.Region.CopyTo(Region, 0); source.Decile.CopyTo(Decile, 0);
        source.MortalityMultiplier.CopyTo(MortalityMultiplier, 0);
        source.IllHealthOddsMultiplier.CopyTo(IllHealthOddsMultiplier, 0);
        source.BaseHousePriceGbpPerM2.CopyTo(BaseHousePriceGbpPerM2, 0);
    }
}

/// <summary>The homes of each zone: dwellings, those built to the healthy design, and excessively cold ones.</summary>
internal sealed class HousingStock
{
    internal HousingStock(int zones)
    {
        Dwellings = new double[zones]; HealthyHomes = new double[zones]; ColdHomes = new double[zones]; RetrofittedHomes = new double[zones];
    }

    /// <summary>[zone] dwellings.</summary>
    public readonly double[] Dwellings;
    /// <summary>[zone] dwellings completed to the healthy design.</summary>
    public readonly double[] HealthyHomes;
    /// <summary>[zone] excessively cold or damp dwellings.</summary>
    public readonly double[] ColdHomes;
    /// <summary>[zone] dwellings remedied by a warm homes programme (they revert as measures age).</summary>
    public readonly double[] RetrofittedHomes;

    internal void CopyFrom(HousingStock source)
    {
        source.Dwellings.CopyTo(Dwellings, 0); source.HealthyHomes.CopyTo(HealthyHomes, 0); source.ColdHomes.CopyTo(ColdHomes, 0);
        source.RetrofittedHomes.CopyTo(RetrofittedHomes, 0);
    }
}
