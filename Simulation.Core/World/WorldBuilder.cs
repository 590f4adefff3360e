using System.Collections.Immutable;
using UrbanSim.Core.Development;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Health;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.World;

/// <summary>
/// Builds a replication's start-year world into a <see cref="WorldState"/> template: synthetic regions
/// drawn from the seed with distributions calibrated to England, or a user's zones from CSV.
/// Everything drawn comes from the World stream, so every variant starts from the same world.
/// </summary>
internal static class WorldBuilder
{
    /// <summary>Median zone population (roughly a ward cluster of a combined authority).</summary>
    public const double MedianZonePopulation = 40_000;

    /// <summary>Median capacity of a synthetic developable site, homes.</summary>
    public const double MedianSiteCapacityHomes = 900;

    /// <summary>Allocates a buffer of the right shape for <paramref name="spec"/> and <paramref name="stockProgrammes"/> stock programmes.</summary>
    public static WorldState Allocate(WorldSpec spec, int stockProgrammes)
    {
        return new WorldState(spec.RegionCount, spec.ZoneCount, spec.SitesPerZone, stockProgrammes);
    }

    /// <summary>Allocates a buffer of the right shape for <paramref name="scenario"/> (its world and its programme catalogue).</summary>
    public static WorldState Allocate(Scenario scenario) => Allocate(scenario.World, scenario.Catalogue.Programmes.StockCount);

    /// <summary>
    /// The replication number the place is drawn with: zones and sites (deprivation, population, exposures,
    /// prices, site sizes) depend on the seed only, so every replication simulates the same places and
    /// zone results can be averaged over replications. What varies by replication is everything uncertain:
    /// parameters, shocks, bids, churn, elections, developers and planning draws.
    /// </summary>
    public const int PlaceReplication = -1;

    /// <summary>Fills <paramref name="world"/> with the start-year state of replication <paramref name="random"/>.</summary>
    public static void Build(WorldSpec spec, ModelParameters parameters, ReplicationRandom random, WorldState world)
    {
        BuildPlace(spec, random.Seed, world);
        BuildReplication(spec, parameters, random, world);
    }

    /// <summary>
    /// The place: zones (region, deprivation, population, start exposures, prices) and site sizes and
    /// remediation costs, which depend on the seed only. Nothing else writes these fields, so a world whose
    /// place is built can be given another replication with <see cref="BuildReplication"/> alone.
    /// </summary>
    public static void BuildPlace(WorldSpec spec, ulong seed, WorldState world)
    {
        var place = new ReplicationRandom(seed, PlaceReplication);
        if (spec.Zones.IsDefaultOrEmpty) BuildSynthetic(spec, place, world);
        else BuildFromZones(spec, place, world);
        for (int site = 0; site < world.SiteCount; site++) world.Sites.Zone[site] = site / spec.SitesPerZone;
        world.Regions.Index(world.Zones.Region, world.Sites.Zone);
    }

    private static void BuildSynthetic(WorldSpec spec, ReplicationRandom random, WorldState world)
    {
        int zone = 0;
        for (int r = 0; r < spec.Regions.Length; r++)
        {
            var region = spec.Regions[r];
            world.Regions.Name[r] = region.Name;
            world.Regions.CapacityClass[r] = region.Capacity;
            // Big established city-regions hold more of the most deprived neighbourhoods; newer, more
            // mixed or county-like mayoralties fewer (IMD 2019 by combined authority).
            double tilt = region.Capacity switch { CapacityClass.Established => 0.5, CapacityClass.Developing => 0.2, _ => -0.3 };
            double regionPm = region.Capacity == CapacityClass.Established ? 1.0 : region.Capacity == CapacityClass.Developing ? 0.3 : -0.5;
            double regionPrice = region.Capacity switch { CapacityClass.Established => 3_000, CapacityClass.Developing => 2_700, _ => 2_900 };
            for (int k = 0; k < region.Zones; k++, zone++)
            {
                int decile = DrawDecile(random.Uniform(RngStream.World, 0, zone, 0), tilt);
                double score = DiseaseBaseline.DeprivationScore(decile);
                double pop = MedianZonePopulation * Math.Exp(0.25 * random.StandardNormal(RngStream.World, 0, zone, 1));
                world.Zones.Region[zone] = r;
                world.Zones.Decile[zone] = decile;
                SetAgeStructure(world, zone, pop);
                var levels = world.Exposures;
                int zones = world.ZoneCount;
                levels.Level[(int)Exposure.Walking * zones + zone] = ExposureCatalogue.Of(Exposure.Walking).EnglandMean * Math.Exp(0.2 * random.StandardNormal(RngStream.World, 0, zone, 2));
                levels.Level[(int)Exposure.Cycling * zones + zone] = ExposureCatalogue.Of(Exposure.Cycling).EnglandMean * Math.Exp(0.5 * random.StandardNormal(RngStream.World, 0, zone, 3));
                levels.Level[(int)Exposure.Pm25 * zones + zone] = Math.Max(4, ExposureCatalogue.Of(Exposure.Pm25).EnglandMean + regionPm + 3.0 * score + 0.8 * random.StandardNormal(RngStream.World, 0, zone, 4));
                levels.Level[(int)Exposure.GreenSpace * zones + zone] = Math.Clamp(ExposureCatalogue.Of(Exposure.GreenSpace).EnglandMean - 0.18 * score + 0.05 * random.StandardNormal(RngStream.World, 0, zone, 5), 0.05, 0.8);
                levels.Level[(int)Exposure.ColdHomes * zones + zone] = Math.Clamp(ExposureCatalogue.Of(Exposure.ColdHomes).EnglandMean + 0.07 * score + 0.015 * random.StandardNormal(RngStream.World, 0, zone, 6), 0, 0.4);
                // NO₂ follows traffic: higher in big cities and deprived zones (IoD 2019 air quality indicator), more variable than PM2.5.
                levels.Level[(int)Exposure.No2 * zones + zone] = Math.Max(4, ExposureCatalogue.Of(Exposure.No2).EnglandMean + 2.5 * regionPm + 8.0 * score + 3.0 * random.StandardNormal(RngStream.World, 0, zone, 8));
                // Prices fall with deprivation: most deprived decile about 0.55× and least about 1.45× the region's level.
                world.Zones.BaseHousePriceGbpPerM2[zone] = regionPrice * (1 - score) * Math.Exp(0.08 * random.StandardNormal(RngStream.World, 0, zone, 7));
                for (int s = 0; s < spec.SitesPerZone; s++)
                {
                    int site = zone * spec.SitesPerZone + s;
                    // Median 900 homes a site, 4 sites a zone: enough land for England's rate of new homes (234,400
                    // net additions in 2022–23, MHCLG: about 4 per 1,000 residents a year) if it were all viable.
                    world.Sites.PlaceCapacityHomes[site] = Math.Round(MedianSiteCapacityHomes * Math.Exp(0.6 * random.StandardNormal(RngStream.World, 0, zone, 10 + s)));
                    // About 60% of new homes are on previously developed land (MHCLG land use change statistics).
                    bool brownfield = random.Uniform(RngStream.World, 0, zone, 20 + s) < 0.6;
                    world.Sites.RemediationGbpPerHome[site] = brownfield ? 5_000 + 35_000 * random.Uniform(RngStream.World, 0, zone, 30 + s) : 0;
                }
            }
        }
    }

    private static void BuildFromZones(WorldSpec spec, ReplicationRandom random, WorldState world)
    {
        var regionIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int zone = 0; zone < spec.Zones.Length; zone++)
        {
            var z = spec.Zones[zone];
            if (!regionIndex.TryGetValue(z.Region, out int r))
            {
                r = regionIndex.Count;
                regionIndex[z.Region] = r;
                world.Regions.Name[r] = z.Region;
                world.Regions.CapacityClass[r] = z.RegionCapacity;
            }
            world.Zones.Region[zone] = r;
            world.Zones.Decile[zone] = z.DeprivationDecile;
            if (z.PeopleByAgeBand.IsDefaultOrEmpty) SetAgeStructure(world, zone, z.Population);
            else SetAgeStructure(world, zone, z.Population, z.PeopleByAgeBand.AsSpan());
            int zones = world.ZoneCount;
            world.Exposures.Level[(int)Exposure.Walking * zones + zone] = z.WalkingMinutesPerWeek;
            world.Exposures.Level[(int)Exposure.Cycling * zones + zone] = z.CyclingMinutesPerWeek;
            world.Exposures.Level[(int)Exposure.Pm25 * zones + zone] = z.Pm25MicrogramsPerM3;
            world.Exposures.Level[(int)Exposure.GreenSpace * zones + zone] = z.GreenSpaceNdvi;
            world.Exposures.Level[(int)Exposure.ColdHomes * zones + zone] = z.ColdHomeShare;
            world.Exposures.Level[(int)Exposure.No2 * zones + zone] = z.No2MicrogramsPerM3 ?? ZoneRecord.No2FromPm25 * z.Pm25MicrogramsPerM3;
            world.Zones.BaseHousePriceGbpPerM2[zone] = z.HousePriceGbpPerM2;
            for (int s = 0; s < spec.SitesPerZone; s++)
            {
                int site = zone * spec.SitesPerZone + s;
                world.Sites.PlaceCapacityHomes[site] = Math.Round(z.SiteCapacityHomes / spec.SitesPerZone);
                world.Sites.RemediationGbpPerHome[site] = z.RemediationCostGbpPerHome;
            }
        }
    }

    /// <summary>
    /// Everything of the start-year world that depends on the replication's parameters and draws, on top of the
    /// place (<see cref="BuildPlace"/>): multipliers, cases of disease, dwellings, exposure history and sites.
    /// </summary>
    public static void BuildReplication(WorldSpec spec, ModelParameters parameters, ReplicationRandom random, WorldState world)
    {
        const int bands = AgeBands.Stride;
        int zones = world.ZoneCount;
        var health = parameters.Health;
        // Normalise the deprivation multipliers so that England's decile mix averages 1.
        double mortalityNorm = 0, illNorm = 0;
        for (int d = 1; d <= 10; d++)
        {
            mortalityNorm += Math.Exp(health.DeprivationMortalityGradient * DiseaseBaseline.DeprivationScore(d)) / 10;
            illNorm += Math.Exp(health.DeprivationIllHealthGradient * DiseaseBaseline.DeprivationScore(d)) / 10;
        }
        // Multipliers by decile (index decile − 1), computed once rather than per zone.
        Span<double> mortality = stackalloc double[10], illHealth = stackalloc double[10];
        for (int decile = 1; decile <= 10; decile++)
        {
            double score = DiseaseBaseline.DeprivationScore(decile);
            mortality[decile - 1] = Math.Exp(health.DeprivationMortalityGradient * score) / mortalityNorm;
            illHealth[decile - 1] = Math.Exp(health.DeprivationIllHealthGradient * score) / illNorm;
        }
        for (int zone = 0; zone < world.ZoneCount; zone++)
        {
            int decileIndex = world.Zones.Decile[zone] - 1;
            // A real place's observed ratios replace the deprivation gradients' multipliers (docs/places.md).
            var record = spec.Zones.IsDefaultOrEmpty ? null : spec.Zones[zone];
            world.Zones.MortalityMultiplier[zone] = record?.MortalityRatio ?? mortality[decileIndex];
            world.Zones.IllHealthOddsMultiplier[zone] = record?.IllHealthOddsRatio ?? illHealth[decileIndex];
            double pop = world.Health.ZonePopulation(zone);
            world.Homes.Dwellings[zone] = pop / parameters.Development.PeoplePerHome;
            world.Homes.ColdHomes[zone] = world.Exposures.Level[(int)Exposure.ColdHomes * zones + zone] * world.Homes.Dwellings[zone];
            world.Homes.HealthyHomes[zone] = 0;
            world.Homes.RetrofittedHomes[zone] = 0;
            for (int d = 0; d < DiseaseCatalogue.Count; d++)
            {
                var national = DiseaseCatalogue.All[d].Prevalence;
                double multiplier = DiseaseBaseline.DeprivationMultiplier((Disease)d, decileIndex + 1);
                int offset = (d * zones + zone) * bands;
                for (int b = 0; b < AgeBands.Count; b++)
                    world.Health.Cases[offset + b] = (float)(Math.Min(0.95, national[b] * multiplier) * world.Health.Population[zone * bands + b]);
            }
        }
        world.Exposures.StartFromLevels();
        world.Health.MeasureZoneTotals();
        world.Programmes.Clear();
        var development = parameters.Development;
        for (int site = 0; site < world.SiteCount; site++)
        {
            var sites = world.Sites;
            // The kind of developer holding the site, drawn independently of the site (the mix is calibrated to the kinds'
            // shares of new homes, docs/model.md §7.14).
            double u = random.Uniform(RngStream.Sites, 0, site, 0);
            sites.Developer[site] = u < development.SmeSiteShare ? DeveloperType.Sme
                : u < development.SmeSiteShare + development.RegenerationSiteShare ? DeveloperType.Regeneration : DeveloperType.Volume;
            // Benchmark land value (existing use value plus premium) as a share of the standard scheme's GDV.
            sites.LandBenchmarkShareOfGdv[site] = 0.08 + 0.08 * random.Uniform(RngStream.Sites, 0, site, 1);
            sites.PlanningDraw[site] = random.Uniform(RngStream.Sites, 0, site, 2);
            sites.Status[site] = SiteStatus.Available;
            sites.CompletionYear[site] = -1;
            sites.Healthy[site] = false;
            sites.RemediationFunded[site] = false;
        }
        ShareLandByDeveloperKind(world.Sites, spec.SitesPerZone, development.SmeSiteSizeRatio);
    }

    /// <summary>
    /// Each zone's land (the place's capacity of its sites) shared between its sites by the kind holding each: an SME's site
    /// weighs <paramref name="smeSiteSizeRatio"/>, any other 1 (SMEs build small sites). The zone's homes are unchanged,
    /// apart from rounding to whole homes.
    /// </summary>
    public static void ShareLandByDeveloperKind(SiteState sites, int sitesPerZone, double smeSiteSizeRatio)
    {
        for (int first = 0; first + sitesPerZone <= sites.Count; first += sitesPerZone)
        {
            double homes = 0, weights = 0;
            for (int site = first; site < first + sitesPerZone; site++)
            {
                homes += sites.PlaceCapacityHomes[site];
                weights += sites.Developer[site] == DeveloperType.Sme ? smeSiteSizeRatio : 1;
            }
            for (int site = first; site < first + sitesPerZone; site++)
                sites.CapacityHomes[site] = Math.Round(homes * (sites.Developer[site] == DeveloperType.Sme ? smeSiteSizeRatio : 1) / weights);
        }
    }

    private static void SetAgeStructure(WorldState world, int zone, double population) =>
        SetAgeStructure(world, zone, population, DiseaseBaseline.PopulationShare);

    /// <summary>Spreads <paramref name="population"/> over the age bands in proportion to <paramref name="shares"/>.</summary>
    private static void SetAgeStructure(WorldState world, int zone, double population, ReadOnlySpan<double> shares)
    {
        double total = 0;
        foreach (double s in shares) total += s;
        for (int b = 0; b < AgeBands.Count; b++)
            world.Health.Population[zone * AgeBands.Stride + b] = (float)(population * shares[b] / total);
    }

    /// <summary>Decile 1..10 from a uniform, tilted towards deprived deciles when <paramref name="tilt"/> &gt; 0.</summary>
    internal static int DrawDecile(double u, double tilt)
    {
        Span<double> weights = stackalloc double[10];
        double total = 0;
        for (int d = 1; d <= 10; d++) { weights[d - 1] = Math.Exp(tilt * DiseaseBaseline.DeprivationScore(d) * 2); total += weights[d - 1]; }
        double cumulative = 0;
        for (int d = 1; d <= 10; d++)
        {
            cumulative += weights[d - 1] / total;
            if (u <= cumulative) return d;
        }
        return 10;
    }

    /// <summary>The places of <paramref name="scenario"/>'s world (see <see cref="Places.Describe"/>).</summary>
    internal static ImmutableArray<ZoneDescription> Describe(Scenario scenario)
    {
        var world = Allocate(scenario);
        BuildPlace(scenario.World, scenario.Seed, world);
        var zones = ImmutableArray.CreateBuilder<ZoneDescription>(world.ZoneCount);
        for (int z = 0; z < world.ZoneCount; z++)
        {
            int region = world.Zones.Region[z];
            var record = scenario.World.Zones.IsDefaultOrEmpty ? null : scenario.World.Zones[z];
            string id = record?.ZoneId ?? $"Z{z + 1:D4}";
            zones.Add(new ZoneDescription(id, world.Regions.Name[region], world.Regions.CapacityClass[region], world.Zones.Decile[z], world.Health.ZonePopulation(z))
            {
                RegionIndex = region, ZoneName = record?.ZoneName, LocalAuthorityName = record?.LocalAuthorityName, IcbName = record?.IcbName,
            });
        }
        return zones.MoveToImmutable();
    }
}
